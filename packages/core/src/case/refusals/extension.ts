import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { shortPeriod } from '../../refusal/period.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import { exceedsMaximum, extendedPeriod, runningReplyDeadline } from '../guards/handling.js';
import type { CaseContext } from '../types.js';

const sourced = (ctx: CaseContext, key: string) => {
  const source = ctx.policy.citations?.[key]?.source;
  return source ? { source } : {};
};

/** Extension requests (延期, S9–S14): one at a time, up to the cap, before the due date, never past the maximum. */
export const extensionRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'case.requestExtension'>(['case.requestExtension'], (ctx) =>
    ctx.extensions.some((x) => x.status === 'pending')
      ? {
          code: 'extension.pending',
          messages: {
            'zh-CN': '已有延期申请待交办机关决定，不能再次申请',
            en: 'An extension request is already waiting for the assigning office',
          },
        }
      : undefined,
  ),
  refusalRule<CaseContext, CaseEvent, 'case.requestExtension'>(['case.requestExtension'], (ctx) => {
    const max = ctx.policy.maxExtensions;
    if (ctx.extensions.filter((x) => x.status === 'approved').length < max) return undefined;
    return {
      code: 'extension.limitReached',
      messages: {
        'zh-CN': max === 0 ? '本办理规则不允许延期' : `延期以 ${max} 次为限，已用完`,
        en: max === 0 ? 'This policy allows no extension' : `At most ${max} extension(s); none is left`,
      },
      ...sourced(ctx, 'maxExtensions'),
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'case.requestExtension'>(['case.requestExtension'], (ctx, e) => {
    const running = runningReplyDeadline(ctx);
    if (running === undefined || e.at <= running.due) return undefined;
    return {
      code: 'extension.afterDue',
      messages: {
        'zh-CN': `延期须在答复期限届满前申请（答复期限为 ${formatChineseDate(running.due)}）`,
        en: `An extension must be requested before the reply is due (due ${running.due})`,
      },
      ...sourced(ctx, 'extension'),
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'case.requestExtension'>(['case.requestExtension'], (ctx, e, resolve) => {
    const running = runningReplyDeadline(ctx);
    if (running === undefined || e.rule === undefined) return undefined;
    const start = running.periodStart ?? running.start;
    if (!exceedsMaximum(ctx, extendedPeriod(running, e.rule), start)) return undefined;
    const max = shortPeriod(ctx.policy.maxReply);
    // The day an approval capped at the maximum would be due (`approveExtension`), with the machines' calendar: past a
    // holiday when the maximum ends on one.
    const latest = resolve(ctx.policy.maxReply, start).due;
    return {
      code: 'extension.overMaximum',
      messages: {
        'zh-CN': `答复期限连同延期不得超过 ${max['zh-CN']}（自 ${formatChineseDate(start)} 起，至迟 ${formatChineseDate(latest)}）`,
        en: `The reply period with its extensions may not exceed ${max.en} (from ${start}, by ${latest} at the latest)`,
      },
      ...sourced(ctx, 'maxReply'),
    };
  }),
];
