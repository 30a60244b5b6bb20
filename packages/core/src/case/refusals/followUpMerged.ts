import { type RefusalReason, type RefusalRule, refusalRule } from '../../refusal/reason.js';
import { type FollowUpLetterProblem, followUpLetterProblem, openCommitments } from '../commitments.js';
import type { CaseEvent } from '../events.js';
import type { CaseContext } from '../types.js';

function reasonOf(ctx: CaseContext, p: FollowUpLetterProblem): RefusalReason {
  switch (p.kind) {
    case 'nothing':
      return {
        code: 'followUp.letterMissing',
        source: 'S10',
        messages: {
          'zh-CN': '二次答复须附答复函：给本件提出者，或给答复作出承诺的并入提案（建议）提出者',
          en: 'A follow-up reply carries a letter: to the item’s own proposers, or to a merged item whose reply made a commitment',
        },
      };
    case 'ownNotCommitted': {
      const owed = openCommitments(ctx).map((c) => c.mergedItemId ?? '');
      return {
        code: 'followUp.notCommitted',
        source: 'S10',
        messages: {
          'zh-CN': `本件自身的答复没有尚未落实的承诺，不另发二次答复函；尚待二次答复的是并入提案（建议）${owed.join('、')}`,
          en: `The item's own reply has no open commitment, so it gets no second reply; the second reply is owed to merged item ${owed.join(', ')}`,
        },
      };
    }
    case 'unknown':
      return {
        code: 'followUp.mergedLetterUnknown',
        source: 'S20',
        messages: {
          'zh-CN': `二次答复所附答复函的提案 ${p.proposalId || '（未标明）'} 不是并入本件的提案（建议）`,
          en: `A second reply is for ${p.proposalId || '(no item named)'}, which is not merged into this item`,
        },
      };
    case 'notCommitted':
      return {
        code: 'followUp.notCommitted',
        source: 'S10',
        messages: {
          'zh-CN': `给并入提案（建议）${p.item.proposalId}（${p.item.title}）的答复没有尚未落实的承诺（非 B/C 类或已二次答复），不另发二次答复函`,
          en: `The reply to merged item ${p.item.proposalId} (${p.item.title}) has no open commitment (not class B/C, or answered again already), so it gets no second reply`,
        },
      };
    case 'twice':
      return {
        code: 'followUp.mergedLetterTwice',
        source: 'S20',
        messages: {
          'zh-CN': `给并入提案（建议）${p.item.proposalId} 的二次答复函只发一件`,
          en: `Merged item ${p.item.proposalId} gets one second reply, not several`,
        },
      };
    case 'points':
      return {
        code: 'followUp.mergedLetterPoints',
        source: 'S17',
        messages: {
          'zh-CN': `给并入提案（建议）${p.item.proposalId} 的二次答复函须逐条答复其每个建议点各一次${p.missing.length > 0 ? `（未答复：${p.missing.join('、')}）` : ''}`,
          en: `The second reply to merged item ${p.item.proposalId} must answer each of its points once${p.missing.length > 0 ? ` (unanswered: ${p.missing.join(', ')})` : ''}`,
        },
      };
    case 'class':
      return {
        code: 'followUp.mergedLetterClass',
        messages: {
          'zh-CN': `给并入提案（建议）${p.item.proposalId} 的二次答复函须标明本办理规则的答复分类（现为 ${p.class ?? '未标明'}）`,
          en: `The second reply to merged item ${p.item.proposalId} needs a class of this policy's scheme (has ${p.class ?? 'none'})`,
        },
      };
  }
}

/**
 * 跟踪办理 after 并案 (S10, S20): a follow-up reply answers open commitments only, the item's own and merged items'
 * (one letter each, every point answered, a class of the scheme). Listed after the commitment rules: a case with no
 * open commitment at all is refused for that first.
 */
export const followUpMergedRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'followUp.reply'>(['followUp.reply'], (ctx, e) => {
    const problem = followUpLetterProblem(ctx, e);
    return problem ? reasonOf(ctx, problem) : undefined;
  }),
];
