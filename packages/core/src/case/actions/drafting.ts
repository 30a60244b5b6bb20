import type { CaseEventOf } from '../events.js';
import type { CaseContext, ReturnRecord } from '../types.js';

/** A draft is submitted: a new countersigning round starts and earlier approvals lapse. */
export function storeDraft(_ctx: CaseContext, e: CaseEventOf<'reply.submitDraft'>): Partial<CaseContext> {
  return {
    draft: e.letter,
    mergedDrafts: e.mergedLetters,
    countersignatures: [],
    signedOff: undefined,
    supervisorClass: undefined,
  };
}

/** 会签: a co-unit approves the draft. */
export function recordCountersign(ctx: CaseContext, e: CaseEventOf<'countersign.approve'>): Partial<CaseContext> {
  return { countersignatures: [...ctx.countersignatures, { unitId: e.unitId, at: e.at, status: 'approved' }] };
}

/** A co-unit asks for changes: the draft goes back to the lead unit. */
export function recordCountersignChanges(
  ctx: CaseContext,
  e: CaseEventOf<'countersign.requestChanges'>,
): Partial<CaseContext> {
  return {
    countersignatures: [
      ...ctx.countersignatures,
      { unitId: e.unitId, at: e.at, status: 'changesRequested', note: e.note },
    ],
    returns: [...ctx.returns, { by: 'countersign', at: e.at, note: e.note, round: ctx.round }],
  };
}

/** 签发: the leader signs the reply off. */
export function recordSignOff(_ctx: CaseContext, e: CaseEventOf<'signOff.approve'>): Partial<CaseContext> {
  return { signedOff: { signer: e.signer, at: e.at } };
}

/** The leader or the supervisor sends the draft back. */
export function recordReturn(
  ctx: CaseContext,
  e: CaseEventOf<'signOff.return' | 'supervisor.return'>,
  by: ReturnRecord['by'],
): Partial<CaseContext> {
  return { returns: [...ctx.returns, { by, at: e.at, note: e.note, round: ctx.round }] };
}

/** 督办审核: the supervisor approves, possibly changing the class. */
export function recordSupervisorApproval(
  _ctx: CaseContext,
  e: CaseEventOf<'supervisor.approve'>,
): Partial<CaseContext> {
  return e.class ? { supervisorClass: e.class } : {};
}
