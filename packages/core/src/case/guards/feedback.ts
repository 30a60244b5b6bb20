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
  const round = ctx.feedback.filter((f) => f.round === ctx.round);
  if (!ratersOf(ctx).every((p) => round.some((f) => f.proposerId === p.id))) return false;
  const dissatisfied = round.some((f) => f.level === 'dissatisfied');
  return outcome === 'dissatisfied' ? dissatisfied : !dissatisfied;
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
