import type { LetterProblem } from '@banli/schemas';
import { policyClasses } from '../../policy/schema.js';
import { writtenUnderEarlierVersion } from '../../versioning/replayedVersions.js';
import { followUpLetterProblem } from '../commitments.js';
import type { CaseEventOf } from '../events.js';
import { letterProblems } from '../letterProblems.js';
import { mergedItemsToAnswer, mergedLetterProblem, ownLetterDue } from '../merged.js';
import type { CaseContext } from '../types.js';

/**
 * The draft answers every point exactly once (a response may answer several), has a class of the scheme and gives a
 * reason when withheld; a draft reply also carries one complete letter to each merged item (并案). A printed letter may lack all of these; a draft the system handles may not.
 */
export function isCompleteDraft(ctx: CaseContext, e: CaseEventOf<'reply.submitDraft' | 'followUp.reply'>): boolean {
  // 拟稿 asks this of one draft on two transitions (with and without 会签, states/handling.ts); the compiled engine
  // asks a guard once per transition selection (internal/engine/compiled/guardMemo.ts), so the draft is read once.
  // A follow-up reply replayed from an entry written before `case@3` was not checked for its points in 跟踪办理: it
  // was accepted by the rules of its time and is not checked again (see `isSendableFollowUp`).
  if (e.type === 'followUp.reply' && writtenUnderEarlierVersion(e)) return true;
  const { letter } = e;
  // 跟踪办理: the second reply answers the open commitments, the item's own and merged items' (S10, S20).
  if (e.type === 'followUp.reply' && followUpLetterProblem(ctx, e) !== undefined) return false;
  // 重新办理 where only merged items' proposers were dissatisfied: the own letter is not due (S8, S9).
  if (letter === undefined) {
    if (e.type === 'followUp.reply') return true;
    if (ownLetterDue(ctx) || mergedItemsToAnswer(ctx).length === 0) return false;
    return mergedLetterProblem(ctx, e.mergedLetters ?? []) === undefined;
  }
  const answered = (letter.responses ?? []).flatMap((r) => r.suggestionIds ?? []);
  const each = ctx.suggestionIds.every((id) => answered.filter((x) => x === id).length === 1);
  const onlyKnown = answered.every((id) => ctx.suggestionIds.includes(id));
  const reason = letter.disclosure?.mode !== 'withheld' || (letter.disclosure.reason ?? '').trim() !== '';
  const own =
    each && onlyKnown && reason && letter.class !== undefined && policyClasses(ctx.policy).includes(letter.class);
  // 并案: a first or re-handled reply carries one letter to each merged item's proposers.
  return own && (e.type !== 'reply.submitDraft' || mergedLetterProblem(ctx, e.mergedLetters ?? []) === undefined);
}

/** Co-units countersign (会签) when the policy asks and the case has co-handlers. */
export function needsCountersign(ctx: CaseContext): boolean {
  return ctx.policy.requireCountersign && ctx.coUnits.length > 0;
}

/** The supervisor reviews when the policy asks, and always for key (重点) items. */
export function needsSupervisorReview(ctx: CaseContext): boolean {
  return ctx.policy.requireSupervisorReview || ctx.key;
}

/** The unit is a co-handler that has not countersigned this draft. */
export function isPendingCountersigner(ctx: CaseContext, e: CaseEventOf<'countersign.approve'>): boolean {
  return (
    ctx.coUnits.some((u) => u.id === e.unitId) &&
    !ctx.countersignatures.some((c) => c.unitId === e.unitId && c.status === 'approved')
  );
}

/** This countersignature is the last one missing. */
export function completesCountersign(ctx: CaseContext, e: CaseEventOf<'countersign.approve'>): boolean {
  if (!isPendingCountersigner(ctx, e)) return false;
  return ctx.coUnits.every(
    (u) => u.id === e.unitId || ctx.countersignatures.some((c) => c.unitId === u.id && c.status === 'approved'),
  );
}

/** The unit is one of the co-handlers. */
export function isCountersigner(ctx: CaseContext, e: CaseEventOf<'countersign.requestChanges'>): boolean {
  return ctx.coUnits.some((u) => u.id === e.unitId);
}

/** The supervisor's class, if any, belongs to the policy's scheme. */
export function isAllowedClass(ctx: CaseContext, e: CaseEventOf<'supervisor.approve'>): boolean {
  return e.class === undefined || policyClasses(ctx.policy).includes(e.class);
}

/** Whether the policy asks this case's reply to be signed by the unit's principal leader (key items, S23). */
function needsPrincipal(ctx: CaseContext): boolean {
  return ctx.key && ctx.policy.keyReplySigner === 'principalLeader';
}

/**
 * Whether `signer` is the unit's principal leader as recorded in the unit's data (`unit.principal`): their name, their
 * post (e.g. 局长), or the post with the unit's name or short name (市商务局局长). False when none is recorded.
 */
function isUnitPrincipal(unit: CaseContext['unit'], signer: string): boolean {
  const p = unit.principal;
  if (!p) return false;
  const s = signer.trim();
  const names = [p.name, p.title, `${unit.name}${p.title}`, unit.shortName && `${unit.shortName}${p.title}`];
  return names.some((n) => n !== undefined && n === s);
}

/**
 * A key (重点) item's reply is signed by the unit's principal leader (主要负责人) when the policy says so (S23),
 * checked against the unit's recorded principal, never taken from the signer's word (`principal` on the event).
 */
export function isAllowedSigner(ctx: CaseContext, e: CaseEventOf<'signOff.approve'>): boolean {
  // Replaying an entry written under `case@1`: it was checked by the rule of its time (the signer's own word,
  // `principal: true`, before units recorded their principal), so it is not checked again; checking it now would
  // refuse a sign-off that was accepted, and the stream would no longer load.
  if (writtenUnderEarlierVersion(e)) return true;
  return !needsPrincipal(ctx) || isUnitPrincipal(ctx.unit, e.signer);
}

/**
 * What the draft awaiting sign-off lacks or gets wrong: the policy's letter requirements for the item's kind, wording
 * of the other kind, and a class mark that disagrees with the effective class (the supervisor's, else the draft's);
 * the same of each letter to a merged item (`mergedDraftProblems`).
 */
export function draftProblems(ctx: CaseContext): LetterProblem[] {
  const draft = ctx.draft;
  // A re-handled reply to merged items only has no letter of the item's own.
  const own = draft
    ? letterProblems(draft, {
        kind: ctx.kind,
        requirements: ctx.policy.letterRequirements,
        effectiveClass: ctx.supervisorClass ?? draft.class,
      })
    : [];
  const merged = mergedDraftProblems(ctx);
  return merged.length === 0 ? own : [...own, ...merged];
}

/**
 * What the draft letters to merged items (并案, S20: replied to separately) lack or get wrong, checked as the
 * proposal's own letter is (the same requirements for the kind; the supervisor's class, if any, is printed on every
 * letter the reply sends); each message names the merged item its letter answers.
 */
export function mergedDraftProblems(
  ctx: Pick<CaseContext, 'mergedDrafts' | 'kind' | 'policy' | 'supervisorClass'>,
): LetterProblem[] {
  const drafts = ctx.mergedDrafts;
  if (drafts === undefined || drafts.length === 0) return [];
  const out: LetterProblem[] = [];
  for (const d of drafts) {
    const found = letterProblems(d, {
      kind: ctx.kind,
      requirements: ctx.policy.letterRequirements,
      effectiveClass: ctx.supervisorClass ?? d.class,
    });
    const id = d.proposalId ?? '';
    for (const p of found) {
      out.push({
        ...p,
        messages: {
          'zh-CN': `给并入提案（建议）${id}的答复函：${p.messages['zh-CN']}`,
          en: `the letter to merged item ${id}: ${p.messages.en}`,
        },
      });
    }
  }
  return out;
}

/**
 * The draft meets the locality's letter requirements for its kind and prints the effective class (issue 15). A
 * sign-off replayed from an entry written under an earlier machine version (`writtenUnderEarlierVersion`) was checked by the rules
 * of its time and is not checked again.
 */
export function isSignableLetter(ctx: CaseContext, e?: object): boolean {
  if (e && writtenUnderEarlierVersion(e)) return true;
  return draftProblems(ctx).length === 0;
}

/**
 * What a follow-up (second) reply's letters (二次答复, S10 art. 20, S74) lack or get wrong. Every 答复 is written in the
 * one prescribed form (S10 art. 22: “按照统一格式行文”), so the policy's requirements for the item's kind apply as to a
 * first reply, and so do the kind checks. What differs: there is no sign-off or supervisor step, so the check runs when
 * the letters are sent and the class each mark must state is the letter's own. A letter to a merged item (并案) is
 * checked as the item's own, each problem naming its item.
 */
export function followUpLetterProblems(ctx: CaseContext, e: CaseEventOf<'followUp.reply'>): LetterProblem[] {
  const own = e.letter
    ? letterProblems(e.letter, {
        kind: ctx.kind,
        requirements: ctx.policy.letterRequirements,
        effectiveClass: e.letter.class,
      })
    : [];
  const merged = e.mergedLetters
    ? mergedDraftProblems({ kind: ctx.kind, policy: ctx.policy, mergedDrafts: e.mergedLetters })
    : [];
  return merged.length === 0 ? own : [...own, ...merged];
}

/**
 * The follow-up letters meet the locality's letter requirements for the item's kind and print their own class (issue
 * 15); always true for an entry replayed from an earlier version (`writtenUnderEarlierVersion`).
 */
export function isSendableFollowUp(ctx: CaseContext, e: CaseEventOf<'followUp.reply'>): boolean {
  // Replaying an entry written under `proposal@2`/`case@2` or earlier: its letter was sent before the check existed,
  // so checking it now would refuse a reply that was accepted, and the stream would no longer load.
  if (writtenUnderEarlierVersion(e)) return true;
  return followUpLetterProblems(ctx, e).length === 0;
}
