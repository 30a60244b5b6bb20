import { assertEvent, emit, enqueueActions } from 'xstate';
import type { ProposalEmitted } from '../emitted.js';
import type { ProposalEvent } from '../events.js';
import type { ProposalContext } from '../types.js';

type Ctx = { context: ProposalContext; event: ProposalEvent };
const on = (expr: (args: Ctx) => ProposalEmitted) =>
  emit<ProposalContext, ProposalEvent, undefined, ProposalEvent, ProposalEmitted>(expr);
const base = ({ context, event }: Ctx) => ({ proposalId: context.proposal.id, at: event.at });

/** The proposal machine's emit actions, each named so integrators may replace it with `provide()`. */
export const proposalEmitters = {
  emitSubmitted: on((a) => ({ type: 'proposal.submitted', ...base(a), channel: a.context.channel })),
  emitRegistered: on((a) => {
    const r = a.context.registration;
    return {
      type: 'proposal.registered',
      ...base(a),
      key: r?.key ?? false,
      urgent: r?.urgent ?? false,
      ...(r?.supervisingLeader ? { supervisingLeader: r.supervisingLeader } : {}),
    };
  }),
  emitMerged: on((a) => ({ type: 'proposal.merged', ...base(a), into: a.context.decision?.into ?? '' })),
  emitItemMerged: on((a) => {
    assertEvent(a.event, 'proposal.addMergedItem');
    const caseIds = a.context.cases.filter((c) => c.closedAt === undefined && c.role !== 'reference');
    return { type: 'proposal.itemMerged', ...base(a), item: a.event.item, caseIds: caseIds.map((c) => c.caseId) };
  }),
  emitConverted: on((a) => ({ type: 'proposal.converted', ...base(a) })),
  emitRejected: on((a) => {
    assertEvent(a.event, 'review.reject');
    return { type: 'proposal.rejected', ...base(a), reason: a.event.reason };
  }),
  emitWithdrawn: on((a) => ({
    type: 'proposal.withdrawn',
    ...base(a),
    by: a.context.withdrawal?.by ?? '',
    caseIds: a.context.cases.filter((c) => c.closedAt === undefined).map((c) => c.caseId),
  })),
  emitSignatureWithdrawn: on((a) => {
    assertEvent(a.event, 'proposal.withdrawSignature');
    return {
      type: 'proposal.signatureWithdrawn',
      ...base(a),
      proposerId: a.event.by,
      caseIds: a.context.cases.filter((c) => c.closedAt === undefined).map((c) => c.caseId),
    };
  }),
  emitCasesOpened: enqueueActions<
    ProposalContext,
    ProposalEvent,
    undefined,
    ProposalEvent,
    never,
    never,
    never,
    never,
    ProposalEmitted
  >(({ context, event, enqueue }) => {
    for (const c of context.cases) {
      enqueue.emit({
        type: 'case.opened',
        proposalId: context.proposal.id,
        at: event.at,
        caseId: c.caseId,
        unit: c.unit,
        role: c.role,
      });
    }
  }),
  emitAnswered: on((a) => ({ type: 'proposal.answered', ...base(a) })),
  emitClosed: on((a) => ({ type: 'proposal.closed', ...base(a) })),
  emitArchived: on((a) => ({ type: 'proposal.archived', ...base(a) })),
  emitDeadlineMissed: on((a) => {
    const id = a.event.type === 'deadline.elapsed' ? a.event.deadlineId : '';
    const d = a.context.deadlines.find((x) => x.id === id);
    return { type: 'deadline.missed', ...base(a), deadlineId: id, kind: d?.kind ?? 'assignment', due: d?.due ?? '' };
  }),
};
