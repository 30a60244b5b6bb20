import type { MergedItem } from '../domain.js';
import { findLast } from '../internal/arrays.js';
import { writtenUnderEarlierVersion } from '../versioning/replayedVersions.js';
import type { CaseEventOf } from './events.js';
import { letterToItemProblem, mergedItemsOf } from './merged.js';
import type { CaseContext } from './types.js';

// B/C commitments (S10, S74, S84), one per addressee: the item's own proposers and each merged item's (并案, S20:
// replied to separately, so a merged item's letter may commit the unit when the item's own does not).

/** A commitment still owed: to the item's own proposers (no `mergedItemId`) or to a merged item's. */
export interface OpenCommitment {
  /** The merged item the commitment was made to; absent for the item's own proposers. */
  mergedItemId?: string;
  /** The class of the letter that made it (one of the policy's `followUpClasses`). */
  class: string;
}

/**
 * The commitments still open: for the item's own proposers and for each merged item, the latest formal (not
 * follow-up) letter has a class the policy follows up and no second reply (`followUp.reply`) came after it.
 * `scope: 'own'` reads the item's own letters only (the rule before merged items' commitments were kept).
 */
export function openCommitments(
  ctx: Pick<CaseContext, 'letters' | 'mergedItems' | 'policy'>,
  scope: 'all' | 'own' = 'all',
): OpenCommitment[] {
  const followed = ctx.policy.followUpClasses as string[];
  const holders: (string | undefined)[] = [undefined];
  if (scope === 'all') for (const item of mergedItemsOf(ctx)) holders.push(item.proposalId);
  const out: OpenCommitment[] = [];
  for (const holder of holders) {
    const mine = ctx.letters.filter((l) => l.mergedItemId === holder);
    const cls = findLast(mine, (l) => !l.followUp)?.letter.class;
    const last = mine[mine.length - 1];
    if (cls === undefined || !followed.includes(cls) || last === undefined || last.followUp) continue;
    out.push(holder === undefined ? { class: cls } : { mergedItemId: holder, class: cls });
  }
  return out;
}

/**
 * A B/C commitment is open, to the item's own proposers or to a merged item's. An event replayed from a log entry
 * written under an earlier machine version (`writtenUnderEarlierVersion`) is judged by the rule of its time: only the
 * item's own letters count, and a `case.close` it logged was accepted then, so it is never refused again.
 */
export function commitmentOpen(ctx: CaseContext, e?: { type: string }): boolean {
  if (e !== undefined && writtenUnderEarlierVersion(e)) {
    return e.type !== 'case.close' && openCommitments(ctx, 'own').length > 0;
  }
  return openCommitments(ctx).length > 0;
}

/** The commitments a follow-up reply answers: the item's own when it carries `letter`, and each merged letter's item. */
function answeredCommitments(ctx: CaseContext, e: CaseEventOf<'followUp.reply'>): OpenCommitment[] {
  const merged = new Set((e.mergedLetters ?? []).map((l) => l.proposalId ?? ''));
  return openCommitments(ctx).filter((c) =>
    c.mergedItemId === undefined ? e.letter !== undefined : merged.has(c.mergedItemId),
  );
}

/**
 * The follow-up reply answers every commitment still open, so the case closes; otherwise it stays in follow-up until
 * the rest are answered. An entry replayed from an earlier version closed the case, as its second reply did then.
 */
export function closesCommitments(ctx: CaseContext, e: CaseEventOf<'followUp.reply'>): boolean {
  if (writtenUnderEarlierVersion(e)) return true;
  return answeredCommitments(ctx, e).length === openCommitments(ctx).length;
}

/** Why a follow-up reply's letters do not fit the open commitments. */
export type FollowUpLetterProblem =
  | { kind: 'nothing' }
  | { kind: 'ownNotCommitted' }
  | { kind: 'unknown'; proposalId: string }
  | { kind: 'notCommitted'; item: MergedItem }
  | { kind: 'twice'; item: MergedItem }
  | { kind: 'points'; item: MergedItem; missing: string[] }
  | { kind: 'class'; item: MergedItem; class: string | undefined };

/**
 * The first problem with whom a follow-up reply answers, if any: it sends at least one letter; the item's own letter
 * only while the own commitment is open; one letter per merged item whose commitment is open (told apart by
 * proposalId), answering each of that item's points once, with a class of the scheme.
 */
export function followUpLetterProblem(
  ctx: CaseContext,
  e: CaseEventOf<'followUp.reply'>,
): FollowUpLetterProblem | undefined {
  const merged = e.mergedLetters ?? [];
  if (e.letter === undefined && merged.length === 0) return { kind: 'nothing' };
  const open = openCommitments(ctx);
  if (e.letter !== undefined && !open.some((c) => c.mergedItemId === undefined)) return { kind: 'ownNotCommitted' };
  const items = mergedItemsOf(ctx);
  for (const letter of merged) {
    const item = items.find((i) => i.proposalId === letter.proposalId);
    if (!item) return { kind: 'unknown', proposalId: letter.proposalId ?? '' };
    if (!open.some((c) => c.mergedItemId === item.proposalId)) return { kind: 'notCommitted', item };
    if (merged.filter((l) => l.proposalId === item.proposalId).length > 1) return { kind: 'twice', item };
    const problem = letterToItemProblem(ctx, item, letter);
    if (problem) return problem;
  }
  return undefined;
}
