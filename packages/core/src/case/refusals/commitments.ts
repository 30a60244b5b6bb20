import { findLast } from '../../internal/arrays.js';
import { type RefusalReason, type RefusalRule, refusalRule } from '../../refusal/reason.js';
import { commitmentOpen, openCommitments } from '../commitments.js';
import type { CaseEvent } from '../events.js';
import { ownLetters } from '../merged.js';
import type { CaseContext } from '../types.js';

/** The class of the latest formal (not follow-up) reply. */
const replyClass = (ctx: CaseContext) => findLast(ownLetters(ctx), (l) => !l.followUp)?.letter.class ?? '';

const none = (ctx: CaseContext): RefusalReason => ({
  code: 'commitment.none',
  source: 'S10',
  messages: {
    'zh-CN': `本办件没有尚未落实的答复承诺（${replyClass(ctx) || '尚未答复'}${replyClass(ctx) ? '类答复' : ''}），无需二次答复或决定办结`,
    en: `This case has no open commitment (${replyClass(ctx) ? `class ${replyClass(ctx)} reply` : 'no reply yet'}); there is nothing to follow up or override`,
  },
});

/** B/C commitments (S10, S74, S84): closing with one open, and follow-up or override without one. */
export const commitmentRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'case.close'>(['case.close'], (ctx) => {
    const open = openCommitments(ctx);
    if (open.length === 0) return undefined;
    // Each open commitment by the reply that made it: the item's own, or a merged item's (并案, S20).
    const zh = open.map((c) => `${c.mergedItemId ? `给并入提案（建议）${c.mergedItemId}的` : ''}${c.class}类答复`);
    const en = open.map(
      (c) => `the class ${c.class} reply${c.mergedItemId ? ` to merged item ${c.mergedItemId}` : ''}`,
    );
    const many = open.length > 1;
    return {
      code: 'commitment.open',
      source: 'S10',
      messages: {
        'zh-CN': `${zh.join('、')}作出的承诺尚未落实：须跟踪办理并再次答复后方可办结；确需办结的，由提案委员会说明理由后决定办结`,
        en: `${en.join(' and ').replace(/^t/, 'T')} made ${many ? 'commitments that are' : 'a commitment that is'} still open: it closes with the follow-up (second) reply; only the committee may close it anyway, giving its reason`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'case.overrideClose'>(['case.overrideClose'], (ctx) =>
    commitmentOpen(ctx) ? undefined : none(ctx),
  ),
  refusalRule<CaseContext, CaseEvent, 'followUp.reply'>(['followUp.reply'], (ctx) =>
    commitmentOpen(ctx) ? undefined : none(ctx),
  ),
];
