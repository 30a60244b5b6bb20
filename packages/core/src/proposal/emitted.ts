import type { CaseRole } from '../case/types.js';
import type { DeadlineKind } from '../deadlines.js';
import type { IsoDate, MergedItem, RejectionReason, Unit } from '../domain.js';

type Base = { proposalId: string; at: IsoDate };

/** Notifications the proposal machine emits (past tense). */
export type ProposalEmitted =
  | ({ type: 'proposal.submitted'; channel: 'session' | 'interSession' } & Base)
  | ({ type: 'proposal.registered'; key: boolean; urgent: boolean; supervisingLeader?: string } & Base)
  | ({ type: 'proposal.merged'; into: string } & Base)
  /** Another item was merged into this one; `caseIds`: the open cases that now handle it too. */
  | ({ type: 'proposal.itemMerged'; item: MergedItem; caseIds: string[] } & Base)
  | ({ type: 'proposal.converted' } & Base)
  | ({ type: 'proposal.rejected'; reason: RejectionReason } & Base)
  | ({ type: 'proposal.withdrawn'; by: string; caseIds: string[] } & Base)
  | ({ type: 'proposal.signatureWithdrawn'; proposerId: string; caseIds: string[] } & Base)
  | ({ type: 'case.opened'; caseId: string; unit: Unit; role: CaseRole } & Base)
  | ({ type: 'proposal.answered' } & Base)
  | ({ type: 'proposal.closed' } & Base)
  | ({ type: 'proposal.archived' } & Base)
  | ({ type: 'deadline.missed'; deadlineId: string; kind: DeadlineKind; due: IsoDate; caseId?: string } & Base);
