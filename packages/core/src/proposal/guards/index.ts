import { responsibleUnits } from '../assignment.js';
import type { ProposalEventOf } from '../events.js';
import type { ProposalContext } from '../types.js';

/** The assignment yields at least one case, and its date is not after the event. */
export function isValidAssignment(_ctx: ProposalContext, e: ProposalEventOf<'assignment.assign'>): boolean {
  return responsibleUnits(e.assignment).length > 0 && e.assignment.date <= e.at;
}

/** A key (重点) item names its supervising leader. */
export function keyHasLeader(ctx: ProposalContext, e: ProposalEventOf<'review.register'>): boolean {
  const key = e.key ?? ctx.proposal.key ?? false;
  return !key || (e.supervisingLeader ?? '').trim() !== '';
}

/** An item cannot be merged into itself. */
export function isOtherItem(ctx: ProposalContext, e: ProposalEventOf<'review.merge'>): boolean {
  return e.into.trim() !== '' && e.into !== ctx.proposal.id;
}

/** The case belongs to this proposal and is not closed. */
export function isOpenCase(ctx: ProposalContext, caseId: string): boolean {
  return ctx.cases.some((c) => c.caseId === caseId && c.closedAt === undefined);
}

/** With this reply, every case that must reply has replied. */
export function completesReplies(ctx: ProposalContext, caseId: string): boolean {
  if (!isOpenCase(ctx, caseId)) return false;
  return ctx.cases.filter((c) => c.role !== 'reference').every((c) => c.caseId === caseId || c.reply !== undefined);
}

/** With this closure, every case is closed. */
export function completesClosure(ctx: ProposalContext, caseId: string): boolean {
  if (!isOpenCase(ctx, caseId)) return false;
  return ctx.cases.every((c) => c.caseId === caseId || c.closedAt !== undefined);
}
