import { withLetterClass } from '@banli/schemas';
import { cancelDeadlines, closeDeadlines, isPending, openDeadlines } from '../../deadlines.js';
import type { IsoDate, ReplyLetter } from '../../domain.js';
import { recordCopier } from '../../internal/recordCopier.js';
import { writtenUnderEarlierVersion } from '../../versioning/replayedVersions.js';
import { openCommitments } from '../commitments.js';
import type { CaseEventOf } from '../events.js';
import type { CaseContext, IssuedLetter } from '../types.js';
import { recordMissingOpinions } from './handling.js';

// Records copied with fields added (a proposer's rating with its round and date, a publication with the letter's mode):
// copiers, not spreads, so each kind shares one hidden class (see `recordCopier`).
const received = recordCopier();
const withMode = recordCopier();

/**
 * The letter as issued: the supervisor's class replaces the draft's, and the printed class mark is restated to say it
 * (same brackets and wording), so the letter prints the effective class.
 */
function issuedLetter(ctx: CaseContext, draft: ReplyLetter = ctx.draft as ReplyLetter): ReplyLetter {
  const cls = ctx.supervisorClass;
  return cls ? withLetterClass(draft, cls) : draft;
}

/** The reply goes out: the reply (or re-handling) deadline is met and the feedback period starts. */
export function issueReply(current: CaseContext, at: IsoDate): Partial<CaseContext> {
  // Opinions whose deadline passed are recorded as missing; the others are no longer awaited.
  const ctx = { ...current, ...recordMissingOpinions(current, at, 'reply') };
  // 重新办理 answering merged items only: no letter of the item's own this round.
  const letter = ctx.draft ? issuedLetter(ctx) : undefined;
  const kind = ctx.round > 1 ? 'rehandling' : 'reply';
  const met = closeDeadlines(ctx.deadlines, at, (d) => d.kind === kind);
  // Opinions still missing when the reply goes out are no longer awaited.
  const moot = cancelDeadlines(met, at, (d) => d.kind === 'coOpinion' && isPending(d));
  const book = openDeadlines({ deadlines: moot, deadlineSeq: ctx.deadlineSeq }, ctx.caseId, [
    { kind: 'feedback', start: at, rule: ctx.policy.periods.feedback, round: ctx.round },
  ]);
  const disclosure = letter?.disclosure;
  const publication =
    ctx.publication.mode === undefined && disclosure?.mode !== undefined
      ? withMode(
          ctx.publication,
          disclosure.reason ? { mode: disclosure.mode, reason: disclosure.reason } : { mode: disclosure.mode },
        )
      : ctx.publication;
  // 并案: each merged item's proposers get their own letter, issued with the proposal's (S20, S11, S17).
  const merged = (ctx.mergedDrafts ?? []).map((d) => ({
    letter: issuedLetter(ctx, d),
    round: ctx.round,
    issuedAt: at,
    followUp: false,
    // The draft's guard matched each merged letter to an item by its proposalId.
    mergedItemId: d.proposalId ?? '',
  }));
  return {
    // Lists kept in the context are built at their size with `concat`: a spread into a literal grows its list with
    // spare slots (a list of one about 200 bytes instead of 64), kept as long as the store keeps the context (issue 19).
    letters: ctx.letters.concat(letter ? [{ letter, round: ctx.round, issuedAt: at, followUp: false }] : [], merged),
    // The issued letter now lives in `letters`; keeping the draft too would store the letter twice in every snapshot.
    draft: undefined,
    mergedDrafts: undefined,
    publication,
    missingOpinions: ctx.missingOpinions,
    ...book,
  };
}

/** A proposer's rating of this round's reply. */
export function recordFeedback(ctx: CaseContext, e: CaseEventOf<'feedback.submit'>): Partial<CaseContext> {
  // Built at its size (`concat`, not a spread into a literal: see `issueReply`'s letters).
  return { feedback: ctx.feedback.concat([received(e.feedback, { round: ctx.round, receivedAt: e.at })]) };
}

/** Every proposer has answered: the feedback deadline is met. */
export function closeFeedback(ctx: CaseContext, at: IsoDate): Partial<CaseContext> {
  return { deadlines: closeDeadlines(ctx.deadlines, at, (d) => d.kind === 'feedback') };
}

/** 重新办理: a new round with its own deadline. */
export function startRehandling(ctx: CaseContext, e: CaseEventOf<'rehandling.start'>): Partial<CaseContext> {
  const round = ctx.round + 1;
  const cancelled = cancelDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'feedback' && isPending(d));
  const book = openDeadlines({ deadlines: cancelled, deadlineSeq: ctx.deadlineSeq }, ctx.caseId, [
    { kind: 'rehandling', start: e.at, rule: ctx.policy.periods.rehandling, round },
  ]);
  return {
    round,
    draft: undefined,
    mergedDrafts: undefined,
    countersignatures: [],
    signedOff: undefined,
    supervisorClass: undefined,
    ...book,
  };
}

/** 跟踪办理 starts: a follow-up deadline opens when the policy sets one. */
export function openFollowUp(ctx: CaseContext, at: IsoDate): Partial<CaseContext> {
  const rule = ctx.policy.periods.followUp;
  if (!rule) return {};
  return openDeadlines(ctx, ctx.caseId, [{ kind: 'followUp', start: at, rule, round: ctx.round }]);
}

/**
 * 二次答复: the follow-up reply once a commitment is solved, to the item's own proposers and to merged items' (each
 * letter marked with its item). The follow-up deadline is met when no commitment is left open.
 */
export function recordFollowUpReply(ctx: CaseContext, e: CaseEventOf<'followUp.reply'>): Partial<CaseContext> {
  const issued = (letter: ReplyLetter, mergedItemId?: string): IssuedLetter => ({
    letter,
    round: ctx.round,
    issuedAt: e.at,
    followUp: true,
    ...(mergedItemId === undefined ? {} : { mergedItemId }),
  });
  const own = e.letter ? [issued(e.letter)] : [];
  const merged = (e.mergedLetters ?? []).map((l) => issued(l, l.proposalId ?? ''));
  const letters = [...ctx.letters, ...own, ...merged];
  // An entry replayed from an earlier version closed the case with its one letter, and the deadline with it.
  const done = writtenUnderEarlierVersion(e) || openCommitments({ ...ctx, letters }).length === 0;
  return done ? { letters, deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'followUp') } : { letters };
}
