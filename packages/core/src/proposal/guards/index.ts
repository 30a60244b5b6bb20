import { writtenUnderEarlierVersion } from '../../versioning/replayedVersions.js';
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

/**
 * Another item may be merged into this one (并案, S20): not itself, not merged already, and no case has replied yet
 * (the merged item's proposers are replied to with this item's reply).
 */
export function canAddMergedItem(ctx: ProposalContext, e: ProposalEventOf<'proposal.addMergedItem'>): boolean {
  const id = e.item.proposalId;
  if (id === ctx.proposal.id || (ctx.mergedItems ?? []).some((m) => m.proposalId === id)) return false;
  return ctx.cases.every((c) => c.reply === undefined);
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

/** The first proposer (第一提案人/领衔代表), or the only one. */
export function firstProposerId(ctx: ProposalContext): string | undefined {
  const { proposers } = ctx.proposal;
  return proposers.length === 1 ? proposers[0]?.id : proposers.find((p) => p.first === true)?.id;
}

/** Only the first proposer withdraws the item, on a written request dated no later than the event (S31). */
export function isFirstProposerRequest(ctx: ProposalContext, e: ProposalEventOf<'proposal.withdraw'>): boolean {
  // Replaying an entry written under an earlier version: before S31 was applied (`proposal@1`) any proposer withdrew
  // the item, with no written request on record; it was accepted then and is not refused again, so the stream loads.
  if (writtenUnderEarlierVersion(e)) return true;
  return e.by === firstProposerId(ctx) && e.writtenRequest.date <= e.at;
}

/** A co-signer (not the first proposer) withdraws their own signature in writing; the first proposer stays. */
export function isCosignerRequest(ctx: ProposalContext, e: ProposalEventOf<'proposal.withdrawSignature'>): boolean {
  const signed = ctx.proposal.proposers.some((p) => p.id === e.by);
  return signed && e.by !== firstProposerId(ctx) && e.writtenRequest.date <= e.at;
}
