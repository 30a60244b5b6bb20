import { findLast } from '../../internal/arrays.js';
import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import { awaitedOpinions } from '../guards/handling.js';
import type { CaseContext } from '../types.js';

/** Drafting before a co-handler's opinion is in, while its deadline has not passed (S11, S17, S21). */
export const coOpinionRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'case.startDrafting'>(['case.startDrafting'], (ctx, e) => {
    if (!ctx.policy.requireCoOpinionsBeforeDrafting) return undefined;
    const awaited = awaitedOpinions(ctx, e.at);
    if (awaited.length === 0) return undefined;
    const dues = awaited.map(
      (u) =>
        findLast(ctx.deadlines, (d) => d.kind === 'coOpinion' && d.unitId === u.id && d.status !== 'cancelled')?.due,
    );
    const last = dues
      .filter((d): d is string => d !== undefined && d !== '')
      .sort()
      .at(-1);
    const names = awaited.map((u) => u.name);
    return {
      code: 'coOpinion.awaited',
      source: 'S11',
      messages: {
        'zh-CN': `须先收齐会办意见：${names.join('、')} 的会办意见尚未送达${last ? `，期限至 ${formatChineseDate(last)}；期限届满仍未送达的，主办单位可先行拟稿` : ''}`,
        en: `The co-handlers' opinions come first: ${names.join(', ')} has not sent one yet${last ? `; once the deadline (${last}) passes, the lead unit may draft without it` : ''}`,
      },
    };
  }),
];
