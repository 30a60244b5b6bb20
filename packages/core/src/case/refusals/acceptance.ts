import { findLast } from '../../internal/arrays.js';
import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { shortPeriod } from '../../refusal/period.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import type { CaseContext } from '../types.js';

/** An adjustment request after the window (申请调整/退办), or without a reason. */
export const adjustmentRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'case.requestAdjustment'>(['case.requestAdjustment'], (ctx, e) => {
    const window = findLast(ctx.deadlines, (d) => d.kind === 'adjustmentWindow' && d.status !== 'cancelled');
    if (window === undefined || e.at <= window.due) return undefined;
    const period = shortPeriod(window.rule);
    const source = ctx.policy.citations?.adjustmentWindow?.source;
    return {
      code: 'adjustment.windowClosed',
      messages: {
        'zh-CN': `调整申请须在交办后 ${period['zh-CN']}内提出（截至 ${formatChineseDate(window.due)}）`,
        en: `An adjustment must be requested within ${period.en} of assignment (by ${window.due})`,
      },
      ...(source ? { source } : {}),
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'case.requestAdjustment'>(['case.requestAdjustment'], (_ctx, e) =>
    e.reason.trim() === ''
      ? {
          code: 'adjustment.reasonMissing',
          messages: { 'zh-CN': '调整申请须说明理由', en: 'An adjustment request must give its reason' },
        }
      : undefined,
  ),
  refusalRule<CaseContext, CaseEvent, 'adjustment.reassign'>(['adjustment.reassign'], (ctx, e) =>
    e.toUnit.id === ctx.unit.id
      ? {
          code: 'adjustment.sameUnit',
          messages: {
            'zh-CN': `改办须交给另一单位（${ctx.unit.name} 已是承办单位）`,
            en: `A reassignment must name another unit (${ctx.unit.name} already holds the case)`,
          },
        }
      : undefined,
  ),
];
