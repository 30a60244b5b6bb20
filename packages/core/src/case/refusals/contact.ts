import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import type { CaseContext } from '../types.js';

/** Contact with the proposers (联系提案人/代表, S27): a recorded contact is with one of the item's own proposers. */
export const contactRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'case.recordContact'>(['case.recordContact'], (ctx, e) => {
    if (ctx.proposers.some((p) => p.id === e.proposerId)) return undefined;
    const who =
      ctx.kind === 'suggestion' ? { 'zh-CN': '代表', en: 'deputies' } : { 'zh-CN': '提案人', en: 'proposers' };
    return {
      code: 'contact.notProposer',
      source: 'S27',
      messages: {
        'zh-CN': `只能记录与本件${who['zh-CN']}的联系：${e.proposerId} 不是本件的${who['zh-CN']}`,
        en: `Only contacts with the item's own ${who.en} are recorded: ${e.proposerId} is not one of them`,
      },
    };
  }),
];
