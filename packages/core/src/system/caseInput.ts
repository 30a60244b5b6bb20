import type { CaseEmitted } from '../case/emitted.js';
import type { CaseInput } from '../case/types.js';
import type { ProposalEmitted } from '../proposal/emitted.js';
import type { ProposalEvent } from '../proposal/events.js';
import type { ProposalContext } from '../proposal/types.js';

/** Builds a new case's input from the proposal's `case.opened` notification and its context. */
export function caseInputFrom(
  opened: Extract<ProposalEmitted, { type: 'case.opened' }>,
  ctx: ProposalContext,
): CaseInput {
  const assignment = ctx.assignment;
  const input: CaseInput = {
    caseId: opened.caseId,
    proposalId: ctx.proposal.id,
    unit: opened.unit,
    role: opened.role,
    coUnits: opened.role === 'lead' ? (assignment?.coUnits ?? []) : [],
    proposers: ctx.proposal.proposers.map((p) => ({ id: p.id, name: p.name })),
    suggestionIds: ctx.proposal.suggestions.map((s) => s.id),
    kind: ctx.proposal.kind,
    channel: ctx.channel,
    proposerTypes: [...new Set(ctx.proposal.proposers.map((p) => p.type))],
    key: ctx.registration?.key ?? false,
    urgent: ctx.registration?.urgent ?? false,
    policy: ctx.policy,
    calendar: ctx.calendar,
    assignedAt: assignment?.date ?? opened.at,
  };
  if (assignment) input.assigningOffice = assignment.assigningOffice;
  if (ctx.registration?.supervisingLeader) input.supervisingLeader = ctx.registration.supervisingLeader;
  if (ctx.sessionClosedAt) input.sessionClosedAt = ctx.sessionClosedAt;
  if (ctx.mergedItems && ctx.mergedItems.length > 0) input.mergedItems = ctx.mergedItems;
  return input;
}

/** Translates a case notification into the proposal's internal event, if it has one. */
export function toProposalEvent(e: CaseEmitted): ProposalEvent | undefined {
  switch (e.type) {
    case 'case.accepted':
      return { type: 'case.accepted', at: e.at, caseId: e.caseId };
    case 'case.reassigned':
      return { type: 'case.reassigned', at: e.at, caseId: e.caseId, toUnit: e.toUnit };
    case 'reply.issued':
      return { type: 'case.replied', at: e.at, caseId: e.caseId, class: e.class };
    case 'case.closed':
      return { type: 'case.closed', at: e.at, caseId: e.caseId };
    default:
      return undefined;
  }
}
