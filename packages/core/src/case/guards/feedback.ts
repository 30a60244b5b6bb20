import type { IsoDate } from '../../domain.js';
import { findLast } from '../../internal/arrays.js';
import type { CaseEventOf } from '../events.js';
import { ratersOf } from '../merged.js';
import type { CaseContext } from '../types.js';

/**
 * Only a proposer who got this round's reply may rate it (the item's own, or a merged item's answered this round), once
 * per round; 不满意 needs a comment.
 */
export function canSubmitFeedback(ctx: CaseContext, e: CaseEventOf<'feedback.submit'>): boolean {
  const { feedback } = e;
  if (!ratersOf(ctx).some((p) => p.id === feedback.proposerId)) return false;
  if (ctx.feedback.some((f) => f.round === ctx.round && f.proposerId === feedback.proposerId)) return false;
  return feedback.level !== 'dissatisfied' || (feedback.comment ?? '').trim() !== '';
}

/** Every proposer who got this round's reply (merged items' included) has rated it, with the given outcome. */
export function feedbackComplete(ctx: CaseContext, outcome: 'positive' | 'dissatisfied'): boolean {
  // Loops rather than filtered lists: this guard is evaluated on every eventless pass while feedback is awaited.
  for (const p of ratersOf(ctx)) if (!ratedThisRound(ctx, p.id)) return false;
  let dissatisfied = false;
  for (const f of ctx.feedback) {
    if (f.round === ctx.round && f.level === 'dissatisfied') {
      dissatisfied = true;
      break;
    }
  }
  return outcome === 'dissatisfied' ? dissatisfied : !dissatisfied;
}

/** Whether the proposer rated this round's reply. */
function ratedThisRound(ctx: CaseContext, proposerId: string): boolean {
  for (const f of ctx.feedback) if (f.round === ctx.round && f.proposerId === proposerId) return true;
  return false;
}

export { commitmentOpen } from '../commitments.js';

/** The deadline elapsing is this round's feedback deadline. */
export function isFeedbackDeadline(ctx: CaseContext, deadlineId: string): boolean {
  return ctx.deadlines.some((d) => d.id === deadlineId && d.kind === 'feedback' && d.round === ctx.round);
}

/** Another re-handling round stays within the policy's cap. */
export function canRehandle(ctx: CaseContext): boolean {
  return ctx.round - 1 < ctx.policy.maxRehandlingRounds;
}

/** The feedback period of this round is over (missed, or `at` is past its due date). */
export function feedbackPeriodOver(ctx: CaseContext, at: IsoDate): boolean {
  const d = findLast(ctx.deadlines, (x) => x.kind === 'feedback' && x.round === ctx.round);
  return d !== undefined && (d.status === 'missed' || at > d.due);
}
