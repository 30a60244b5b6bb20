import { cancelDeadlines, closeDeadlines, isPending, markMissed, openDeadlines } from '../../deadlines.js';
import { caseIdFor, responsibleUnits } from '../assignment.js';
import type { ProposalEventOf } from '../events.js';
import type { ProposalContext, ReviewDecision } from '../types.js';

/** The proposer submits. */
export function recordSubmission(
  ctx: ProposalContext,
  e: ProposalEventOf<'proposal.submit'>,
): Partial<ProposalContext> {
  return { submittedAt: e.at, channel: e.channel ?? ctx.channel };
}

/** The review body starts its review. */
export function recordReviewStart(_ctx: ProposalContext, e: ProposalEventOf<'review.start'>): Partial<ProposalContext> {
  return { reviewStartedAt: e.at };
}

/** 立案: registered, possibly as a key or urgent item; the assignment period starts when the policy sets one. */
export function recordRegistration(
  ctx: ProposalContext,
  e: ProposalEventOf<'review.register'>,
): Partial<ProposalContext> {
  const key = e.key ?? ctx.proposal.key ?? false;
  const registration = {
    at: e.at,
    key,
    urgent: e.urgent ?? false,
    ...(e.supervisingLeader ? { supervisingLeader: e.supervisingLeader } : {}),
  };
  const rule = ctx.policy.periods.assignment;
  const book = rule ? openDeadlines(ctx, ctx.proposal.id, [{ kind: 'assignment', start: e.at, rule }]) : {};
  return { registration, ...book };
}

/** 并案 / 转意见建议 / 不予立案. */
export function recordDecision(
  _ctx: ProposalContext,
  e: ProposalEventOf<'review.merge' | 'review.convert' | 'review.reject'>,
): Partial<ProposalContext> {
  let decision: ReviewDecision;
  if (e.type === 'review.merge') decision = { outcome: 'merged', at: e.at, into: e.into };
  else if (e.type === 'review.convert') decision = { outcome: 'converted', at: e.at };
  else decision = { outcome: 'rejected', at: e.at, reason: e.reason, ...(e.note ? { note: e.note } : {}) };
  if (e.type !== 'review.reject' && e.reason) decision.note = e.reason;
  return { decision };
}

/** 并案 (target side): the merged item joins this one; the coordinator passes it to the open cases. */
export function recordMergedItem(
  ctx: ProposalContext,
  e: ProposalEventOf<'proposal.addMergedItem'>,
): Partial<ProposalContext> {
  return { mergedItems: [...(ctx.mergedItems ?? []), e.item] };
}

/** 撤回: every pending deadline is cancelled (the coordinator terminates the cases). */
export function recordWithdrawal(
  ctx: ProposalContext,
  e: ProposalEventOf<'proposal.withdraw'>,
): Partial<ProposalContext> {
  return {
    withdrawal: { at: e.at, by: e.by, writtenRequest: e.writtenRequest, ...(e.reason ? { reason: e.reason } : {}) },
    deadlines: cancelDeadlines(ctx.deadlines, e.at, isPending),
  };
}

/** 撤回联名: the co-signer leaves the item (and its cases, through the coordinator); handling goes on. */
export function recordSignatureWithdrawal(
  ctx: ProposalContext,
  e: ProposalEventOf<'proposal.withdrawSignature'>,
): Partial<ProposalContext> {
  const record = { at: e.at, by: e.by, writtenRequest: e.writtenRequest, ...(e.reason ? { reason: e.reason } : {}) };
  return {
    proposal: { ...ctx.proposal, proposers: ctx.proposal.proposers.filter((p) => p.id !== e.by) },
    signatureWithdrawals: [...(ctx.signatureWithdrawals ?? []), record],
  };
}

/** 交办: one case per responsible unit; the assignment deadline is met. */
export function recordAssignment(
  ctx: ProposalContext,
  e: ProposalEventOf<'assignment.assign'>,
): Partial<ProposalContext> {
  const cases = responsibleUnits(e.assignment).map(({ unit, role }) => ({
    caseId: caseIdFor(ctx.proposal.id, unit.id),
    unit,
    role,
    openedAt: e.at,
  }));
  return {
    assignment: e.assignment,
    cases,
    deadlines: closeDeadlines(ctx.deadlines, e.at, (d) => d.kind === 'assignment'),
  };
}

/** `deadline.elapsed`: the deadline is marked missed. */
export function recordMissed(ctx: ProposalContext, e: ProposalEventOf<'deadline.elapsed'>): Partial<ProposalContext> {
  return { deadlines: markMissed(ctx.deadlines, e.deadlineId, e.at) };
}
