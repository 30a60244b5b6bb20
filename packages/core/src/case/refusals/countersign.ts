import { findLast } from '../../internal/arrays.js';
import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import { needsCountersign } from '../guards/reply.js';
import type { CaseContext } from '../types.js';

type CountersignEvent = 'countersign.approve' | 'countersign.requestChanges';
const COUNTERSIGN: readonly CountersignEvent[] = ['countersign.approve', 'countersign.requestChanges'];

/** 会签 (S25, S26): each co-handler countersigns the lead unit's draft once, where the policy asks for it. */
export const countersignRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, CountersignEvent>(COUNTERSIGN, (ctx, e) =>
    ctx.coUnits.some((u) => u.id === e.unitId)
      ? undefined
      : {
          code: 'countersign.notCoUnit',
          source: 'S25',
          messages: {
            'zh-CN': `会签由本办件的会办单位进行：${e.unitId} 不是本办件的会办单位`,
            en: `Countersigning is for this case's co-handling units: ${e.unitId} is not one of them`,
          },
        },
  ),
  refusalRule<CaseContext, CaseEvent, CountersignEvent>(COUNTERSIGN, (ctx) =>
    needsCountersign(ctx)
      ? undefined
      : {
          code: 'countersign.notRequired',
          messages: {
            'zh-CN': '本办理规则不要求会办单位会签答复稿',
            en: 'This policy does not ask co-handling units to countersign the draft',
          },
        },
  ),
  refusalRule<CaseContext, CaseEvent, 'countersign.approve'>(['countersign.approve'], (ctx, e) => {
    const given = findLast(ctx.countersignatures, (c) => c.unitId === e.unitId && c.status === 'approved');
    if (given === undefined) return undefined;
    return {
      code: 'countersign.alreadyGiven',
      source: 'S25',
      messages: {
        'zh-CN': `${e.unitId} 已于 ${formatChineseDate(given.at)} 会签本稿，每个会办单位对同一稿只会签一次`,
        en: `${e.unitId} already countersigned this draft on ${given.at}; each co-handling unit countersigns a draft once`,
      },
    };
  }),
];
