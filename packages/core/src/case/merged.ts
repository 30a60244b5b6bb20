import type { MergedItem, ReplyLetter } from '../domain.js';
import { policyClasses } from '../policy/schema.js';
import type { CaseEventOf } from './events.js';
import type { CaseContext, IssuedLetter } from './types.js';

// 并案 (S20, S11, S17): items merged into the proposal are handled by its cases and replied to separately.

/** The items merged into this case's proposal (none in state written before 并案 existed). */
export function mergedItemsOf(ctx: Pick<CaseContext, 'mergedItems'>): readonly MergedItem[] {
  return ctx.mergedItems ?? [];
}

/** Everyone the case answers: the proposal's proposers, then each merged item's (once each). */
export function everyProposer(ctx: Pick<CaseContext, 'proposers' | 'mergedItems'>): { id: string; name: string }[] {
  const out = [...ctx.proposers];
  for (const item of mergedItemsOf(ctx)) {
    for (const p of item.proposers) if (!out.some((x) => x.id === p.id)) out.push(p);
  }
  return out;
}

/**
 * The merged items this round's reply answers. The first reply answers every one (S20: replied to separately); a
 * re-handling round answers again only the items whose proposers rated the previous reply 不满意 (S8, S9: the
 * dissatisfied item is handled again), so a merged item whose proposers were satisfied gets no second letter.
 */
export function mergedItemsToAnswer(
  ctx: Pick<CaseContext, 'mergedItems' | 'round' | 'feedback'>,
): readonly MergedItem[] {
  const items = mergedItemsOf(ctx);
  if (ctx.round <= 1 || items.length === 0) return items;
  const previous = ctx.round - 1;
  const dissatisfied = ctx.feedback.filter((f) => f.round === previous && f.level === 'dissatisfied');
  return items.filter((item) => dissatisfied.some((f) => item.proposers.some((p) => p.id === f.proposerId)));
}

/**
 * Whether this round's reply must carry a letter to the proposal's own proposers: always in the first round; in a
 * re-handling round only when one of them rated the previous reply 不满意 (S8, S9). When only merged items' proposers
 * were dissatisfied the own letter may be left out (or sent again: a unit may still write to them).
 */
export function ownLetterDue(ctx: Pick<CaseContext, 'proposers' | 'round' | 'feedback'>): boolean {
  if (ctx.round <= 1) return true;
  const previous = ctx.round - 1;
  return ctx.feedback.some(
    (f) => f.round === previous && f.level === 'dissatisfied' && ctx.proposers.some((p) => p.id === f.proposerId),
  );
}

/**
 * Who rates this round's reply: the proposal's proposers when they got a letter in this round, then the proposers of
 * each merged item that did (once each). Whoever was not answered again in a re-handling round rated already.
 */
export function ratersOf(ctx: Pick<CaseContext, 'proposers' | 'mergedItems' | 'letters' | 'round'>): {
  id: string;
  name: string;
}[] {
  const items = mergedItemsOf(ctx);
  if (items.length === 0) return ctx.proposers;
  const own = ctx.letters.some((l) => l.mergedItemId === undefined && l.round === ctx.round && !l.followUp);
  const out = own ? [...ctx.proposers] : [];
  for (const item of items) {
    const answered = ctx.letters.some(
      (l) => l.mergedItemId === item.proposalId && l.round === ctx.round && !l.followUp,
    );
    if (!answered) continue;
    for (const p of item.proposers) if (!out.some((x) => x.id === p.id)) out.push(p);
  }
  return out;
}

/** The letters to the proposal's own proposers (a merged item's letter names the item in `mergedItemId`). */
export function ownLetters(ctx: Pick<CaseContext, 'letters'>): IssuedLetter[] {
  return ctx.letters.filter((l) => l.mergedItemId === undefined);
}

/** An item may join the case: not a reference case, not ended, nothing replied yet, and not already in it. */
export function canAddMergedItem(ctx: CaseContext, e: CaseEventOf<'case.addMergedItem'>): boolean {
  if (ctx.role === 'reference' || ctx.letters.length > 0) return false;
  if (ctx.closedAt !== undefined || ctx.terminated !== undefined) return false;
  return !mergedItemsOf(ctx).some((m) => m.proposalId === e.item.proposalId);
}

/** The merged item joins the case. */
export function addMergedItem(ctx: CaseContext, e: CaseEventOf<'case.addMergedItem'>): Partial<CaseContext> {
  return { mergedItems: [...mergedItemsOf(ctx), e.item] };
}

/** Why one merged item's letter is not acceptable: missing, doubled, or not answering each of its points once. */
export type MergedLetterProblem =
  | { kind: 'missing'; item: MergedItem }
  | { kind: 'unknown'; proposalId: string }
  | { kind: 'notRehandled'; item: MergedItem }
  | { kind: 'points'; item: MergedItem; missing: string[] }
  | { kind: 'class'; item: MergedItem; class: string | undefined };

/**
 * What is wrong with one letter to a merged item, if anything: it must answer each of the item's points exactly once,
 * and nothing else, with a class of the policy's scheme. Shared by first replies and second replies (跟踪办理).
 */
export function letterToItemProblem(
  ctx: CaseContext,
  item: MergedItem,
  letter: ReplyLetter,
): Extract<MergedLetterProblem, { kind: 'points' | 'class' }> | undefined {
  const answered = (letter.responses ?? []).flatMap((r) => r.suggestionIds ?? []);
  const missing = item.suggestionIds.filter((id) => answered.filter((x) => x === id).length !== 1);
  if (missing.length > 0 || answered.some((id) => !item.suggestionIds.includes(id))) {
    return { kind: 'points', item, missing };
  }
  if (letter.class === undefined || !policyClasses(ctx.policy).includes(letter.class)) {
    return { kind: 'class', item, class: letter.class };
  }
  return undefined;
}

/**
 * The first problem with the letters to the merged items, if any: one letter per item this round answers
 * (`mergedItemsToAnswer`), told apart by proposalId, and none to another item.
 */
export function mergedLetterProblem(
  ctx: CaseContext,
  letters: readonly ReplyLetter[],
): MergedLetterProblem | undefined {
  const items = mergedItemsOf(ctx);
  const due = mergedItemsToAnswer(ctx);
  for (const l of letters) {
    const item = items.find((i) => i.proposalId === l.proposalId);
    if (!item) return { kind: 'unknown', proposalId: l.proposalId ?? '' };
    if (!due.includes(item)) return { kind: 'notRehandled', item };
  }
  for (const item of due) {
    const mine = letters.filter((l) => l.proposalId === item.proposalId);
    const letter = mine[0];
    if (mine.length !== 1 || !letter) return { kind: 'missing', item };
    const problem = letterToItemProblem(ctx, item, letter);
    if (problem) return problem;
  }
  return undefined;
}

/** The stored draft includes a letter to every merged item (an item merged after the draft was written has none). */
export function draftCoversMergedItems(ctx: CaseContext): boolean {
  return mergedLetterProblem(ctx, ctx.mergedDrafts ?? []) === undefined;
}
