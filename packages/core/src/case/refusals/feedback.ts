import { findLast } from '../../internal/arrays.js';
import { formatChineseDate } from '../../refusal/formatChineseDate.js';
import { shortPeriod } from '../../refusal/period.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import { commitmentOpen, feedbackPeriodOver } from '../guards/feedback.js';
import { everyProposer, mergedItemsOf, ratersOf } from '../merged.js';
import type { CaseContext } from '../types.js';
import { mergedItemWord } from './merged.js';

/** 代表 (NPC suggestions) or 提案人 (CPPCC proposals): who rates a reply. */
const proposerWord = (ctx: CaseContext) =>
  ctx.kind === 'suggestion' ? { 'zh-CN': '代表', en: 'deputy' } : { 'zh-CN': '提案人', en: 'proposer' };

/** The policy's source for a period or cap, when it has one. */
const sourced = (ctx: CaseContext, key: string): { source?: string } => {
  const source = ctx.policy.citations?.[key]?.source;
  return source ? { source } : {};
};

/** This round's reply has gone out and the case is not closed: the proposers are rating it. */
const repliedThisRound = (ctx: CaseContext) =>
  ctx.closedAt === undefined && ctx.letters.some((l) => l.round === ctx.round && !l.followUp);

/** Every proposer who got this round's reply has rated it. */
const allRated = (ctx: CaseContext) =>
  ratersOf(ctx).every((p) => ctx.feedback.some((f) => f.round === ctx.round && f.proposerId === p.id));

/**
 * Feedback (征询意见表/回执, S25 S27 S13): only the item's own proposers rate, each once per round (every co-signer
 * rates, S25); 不满意 says why; a reply is closed without every rating only once the feedback period is over.
 */
export const feedbackRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, 'feedback.submit'>(['feedback.submit'], (ctx, e) => {
    if (everyProposer(ctx).some((p) => p.id === e.feedback.proposerId)) return undefined;
    const who = proposerWord(ctx);
    return {
      code: 'feedback.notProposer',
      source: 'S25',
      messages: {
        'zh-CN': `只有本件的${who['zh-CN']}才能评价答复：${e.feedback.proposerId} 不是本件的${who['zh-CN']}`,
        en: `Only the item's own ${who.en}s rate the reply: ${e.feedback.proposerId} is not one of them`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'feedback.submit'>(['feedback.submit'], (ctx, e) => {
    // 并案: a merged item's proposers rate only a round that answered their item (S20, S8).
    const id = e.feedback.proposerId;
    if (ratersOf(ctx).some((p) => p.id === id)) return undefined;
    if (ctx.proposers.some((p) => p.id === id)) {
      // The item's own proposers were satisfied: a round answering merged items only sent them nothing (S8, S9).
      return {
        code: 'feedback.notAnsweredThisRound',
        source: 'S8',
        messages: {
          'zh-CN': `重新办理只再次答复了${mergedItemWord(ctx)}（本件提出者对上次答复未表示不满意），${id} 无需再评价`,
          en: `The re-handled reply answered merged items only (this item's proposers were not dissatisfied), so ${id} has nothing to rate`,
        },
      };
    }
    const item = mergedItemsOf(ctx).find((m) => m.proposers.some((p) => p.id === id));
    if (item === undefined) return undefined;
    return {
      code: 'feedback.notAnsweredThisRound',
      source: 'S20',
      messages: {
        'zh-CN': `重新办理没有再次答复${mergedItemWord(ctx)} ${item.proposalId}（其提出者对上次答复未表示不满意），${id} 无需再评价`,
        en: `The re-handled reply did not answer merged item ${item.proposalId} again (its proposers were not dissatisfied), so ${id} has nothing to rate`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'feedback.submit'>(['feedback.submit'], (ctx, e) => {
    const given = findLast(ctx.feedback, (f) => f.round === ctx.round && f.proposerId === e.feedback.proposerId);
    if (given === undefined) return undefined;
    const who = proposerWord(ctx);
    const round =
      ctx.round === 1
        ? { 'zh-CN': '本次答复', en: 'this reply' }
        : { 'zh-CN': '重新办理的答复', en: 'the re-handled reply' };
    return {
      code: 'feedback.alreadyGiven',
      source: 'S25',
      messages: {
        'zh-CN': `每位${who['zh-CN']}对${round['zh-CN']}只评价一次：${e.feedback.proposerId} 已于 ${formatChineseDate(given.receivedAt)} 评价`,
        en: `Each ${who.en} rates ${round.en} once: ${e.feedback.proposerId} already did on ${given.receivedAt}`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'feedback.submit'>(['feedback.submit'], (_ctx, e) =>
    e.feedback.level === 'dissatisfied' && (e.feedback.comment ?? '').trim() === ''
      ? {
          code: 'feedback.commentMissing',
          messages: {
            'zh-CN': '评价为“不满意”的，须写明具体意见，以便重新办理',
            en: 'A “dissatisfied” rating must say why, so the unit can re-handle the item',
          },
        }
      : undefined,
  ),
  refusalRule<CaseContext, CaseEvent, 'case.close'>(['case.close'], (ctx, e) => {
    if (!repliedThisRound(ctx) || allRated(ctx) || commitmentOpen(ctx) || feedbackPeriodOver(ctx, e.at)) {
      return undefined;
    }
    const d = findLast(ctx.deadlines, (x) => x.kind === 'feedback' && x.round === ctx.round);
    const who = proposerWord(ctx);
    const period = d ? shortPeriod(d.rule) : undefined;
    const until = d
      ? {
          'zh-CN': `反馈期限（${period?.['zh-CN']}）至 ${formatChineseDate(d.due)}`,
          en: `the feedback period (${period?.en}) ends on ${d.due}`,
        }
      : { 'zh-CN': '反馈期限尚未届满', en: 'the feedback period is not over' };
    return {
      code: 'feedback.periodOpen',
      messages: {
        'zh-CN': `${who['zh-CN']}尚未全部反馈意见，${until['zh-CN']}；期限届满前不能办结`,
        en: `Not every ${who.en} has rated the reply and ${until.en}; the case cannot close before then`,
      },
      ...sourced(ctx, 'feedback'),
    };
  }),
];
