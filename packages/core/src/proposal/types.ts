import type { CalendarRef } from '../calendar.js';
import type { CaseRole } from '../case/types.js';
import type { Deadline } from '../deadlines.js';
import type { Assignment, IsoDate, MergedItem, Proposal, RejectionReason, ReplyClass, Unit } from '../domain.js';
import type { Policy } from '../policy/schema.js';
import type { WrittenRequest } from './events.js';

/** What the proposal machine needs to start. */
export interface ProposalInput {
  proposal: Proposal;
  /** The business date the record is created (in `draft`). */
  at: IsoDate;
  policy: Policy;
  calendar: CalendarRef;
  /** The session's closing day, for policies whose reply period starts then. */
  sessionClosedAt?: IsoDate;
}

/** One handling case opened by the assignment, as the proposal tracks it. */
export interface CaseLink {
  caseId: string;
  unit: Unit;
  role: CaseRole;
  openedAt: IsoDate;
  acceptedAt?: IsoDate;
  reply?: { at: IsoDate; class: ReplyClass };
  closedAt?: IsoDate;
}

/** The review's decision when the item is not registered. */
export interface ReviewDecision {
  outcome: 'merged' | 'converted' | 'rejected';
  at: IsoDate;
  into?: string;
  reason?: RejectionReason;
  note?: string;
}

/** The proposal machine's context: plain JSON. */
export interface ProposalContext {
  proposal: Proposal;
  policy: Policy;
  calendar: CalendarRef;
  createdAt: IsoDate;
  sessionClosedAt?: IsoDate;
  channel: 'session' | 'interSession';
  submittedAt?: IsoDate;
  reviewStartedAt?: IsoDate;
  registration?: { at: IsoDate; key: boolean; urgent: boolean; supervisingLeader?: string };
  decision?: ReviewDecision;
  withdrawal?: { at: IsoDate; by: string; writtenRequest?: WrittenRequest; reason?: string };
  /** Co-signers who withdrew their own signature (S31); the item stayed in handling. */
  signatureWithdrawals?: { at: IsoDate; by: string; writtenRequest: WrittenRequest; reason?: string }[];
  assignment?: Assignment;
  /** Items merged into this one (并案, S20): handled by its cases, each replied to separately. Absent before any. */
  mergedItems?: MergedItem[];
  cases: CaseLink[];
  answeredAt?: IsoDate;
  closedAt?: IsoDate;
  archivedAt?: IsoDate;
  deadlines: Deadline[];
  deadlineSeq: number;
}
