import { type RefusalReason, type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import type { CaseContext } from '../types.js';

/** The re-handling cap (重新办理, S14): at most `maxRehandlingRounds` rounds, then a meeting or 专门说明. */
export const rehandlingRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'rehandling.start'>(['rehandling.start'], (ctx): RefusalReason | undefined => {
    const max = ctx.policy.maxRehandlingRounds;
    if (ctx.round - 1 < max) return undefined;
    const dissatisfied = ctx.feedback.some((f) => f.round === ctx.round && f.level === 'dissatisfied');
    if (!dissatisfied) return undefined;
    const source = ctx.policy.citations?.maxRehandlingRounds?.source;
    return {
      code: 'rehandling.limitReached',
      messages: {
        'zh-CN':
          max === 0
            ? '本办理规则不安排重新办理；仍不满意的，可当面协商或作专门说明'
            : `重新办理以 ${max} 次为限，已用完；仍不满意的，可当面协商或作专门说明`,
        en:
          max === 0
            ? 'This policy has no re-handling; a dissatisfied proposer is met in person or given a written explanation'
            : `At most ${max} re-handling round(s), all used; a still dissatisfied proposer is met in person or given a written explanation`,
      },
      ...(source ? { source } : {}),
    };
  }),
];
