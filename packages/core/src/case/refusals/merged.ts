import { type RefusalReason, type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import {
  draftCoversMergedItems,
  type MergedLetterProblem,
  mergedItemsToAnswer,
  mergedLetterProblem,
  ownLetterDue,
} from '../merged.js';
import type { CaseContext } from '../types.js';

/** 建议 for NPC deputies' suggestions, 提案 for CPPCC proposals: how a refusal names an item of the case's kind. */
const itemWord = (ctx: CaseContext): string => (ctx.kind === 'suggestion' ? '建议' : '提案');

/** 并入建议 or 并入提案: how a refusal names a merged item of the case's kind. */
export const mergedItemWord = (ctx: CaseContext): string => `并入${itemWord(ctx)}`;

function reasonOf(ctx: CaseContext, p: MergedLetterProblem): RefusalReason {
  const source = 'S20';
  const merged = mergedItemWord(ctx);
  switch (p.kind) {
    case 'missing':
      return {
        code: 'draft.mergedLetterMissing',
        source,
        messages: {
          'zh-CN': `并案办理、分别答复：答复稿须另附给${merged} ${p.item.proposalId}（${p.item.title}）提出者的答复函一件`,
          en: `Merged items are replied to separately: the draft needs one letter to the proposers of ${p.item.proposalId} (${p.item.title})`,
        },
      };
    case 'unknown':
      return {
        code: 'draft.mergedLetterUnknown',
        source,
        messages: {
          'zh-CN': `答复稿所附答复函的${itemWord(ctx)} ${p.proposalId || '（未标明）'} 不是并入本件的${itemWord(ctx)}`,
          en: `A letter of the draft is for ${p.proposalId || '(no item named)'}, which is not merged into this item`,
        },
      };
    case 'notRehandled':
      return {
        code: 'draft.mergedLetterNotRehandled',
        source: 'S8',
        messages: {
          'zh-CN': `重新办理只再次答复对上次答复不满意的${itemWord(ctx)}：${merged} ${p.item.proposalId}（${p.item.title}）的提出者没有表示不满意，不另发答复函`,
          en: `Re-handling answers again only the items whose proposers were dissatisfied with the last reply: the proposers of merged item ${p.item.proposalId} (${p.item.title}) were not, so it gets no new letter`,
        },
      };
    case 'points':
      return {
        code: 'draft.mergedLetterPoints',
        source: 'S17',
        messages: {
          'zh-CN': `给${merged} ${p.item.proposalId} 的答复函须逐条答复其每个建议点各一次${p.missing.length > 0 ? `（未答复：${p.missing.join('、')}）` : ''}`,
          en: `The letter to merged item ${p.item.proposalId} must answer each of its points once${p.missing.length > 0 ? ` (unanswered: ${p.missing.join(', ')})` : ''}`,
        },
      };
    case 'class':
      return {
        code: 'draft.mergedLetterClass',
        messages: {
          'zh-CN': `给${merged} ${p.item.proposalId} 的答复函须标明本办理规则的答复分类（现为 ${p.class ?? '未标明'}）`,
          en: `The letter to merged item ${p.item.proposalId} needs a class of this policy's scheme (has ${p.class ?? 'none'})`,
        },
      };
  }
}

/** 并案 (S20): a draft reply carries one complete letter to each merged item; one merged after the draft sends it back. */
export const mergedRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  // The letter to the item's own proposers is left out only when re-handling answers merged items alone (S8, S9).
  refusalRule<CaseContext, CaseEvent, 'reply.submitDraft'>(['reply.submitDraft'], (ctx, e) => {
    if (e.letter !== undefined || (!ownLetterDue(ctx) && mergedItemsToAnswer(ctx).length > 0)) return undefined;
    const again = ctx.round > 1;
    return {
      code: 'draft.ownLetterMissing',
      ...(again ? { source: 'S8' } : {}),
      messages: {
        'zh-CN': `答复稿须附给本件提出者的答复函${again ? '：本件提出者对上次答复不满意，须重新答复' : ''}`,
        en: `The draft needs the letter to the item's own proposers${again ? ': they were dissatisfied with the last reply and are answered again' : ''}`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'reply.submitDraft'>(['reply.submitDraft'], (ctx, e) => {
    const problem = mergedLetterProblem(ctx, e.mergedLetters ?? []);
    return problem ? reasonOf(ctx, problem) : undefined;
  }),
  refusalRule<CaseContext, CaseEvent, 'signOff.approve' | 'supervisor.approve'>(
    ['signOff.approve', 'supervisor.approve'],
    (ctx) =>
      draftCoversMergedItems(ctx)
        ? undefined
        : {
            code: 'draft.mergedAfterDraft',
            source: 'S20',
            messages: {
              'zh-CN': `答复稿提交后又有${itemWord(ctx)}并入本件：须退回答复稿，补上给${mergedItemWord(ctx)}提出者的答复函`,
              en: 'An item was merged in after the draft was submitted: return the draft and add the letter to its proposers',
            },
          },
  ),
];
