import type { Assignment, IsoDate, MergedItem, RejectionReason, ReplyClass, Unit } from '../domain.js';
import type { Flat } from '../internal/flat.js';

type At = { at: IsoDate };

/** The written request (书面申请) behind a withdrawal (S31). */
export type WrittenRequest = { date: IsoDate; reference?: string };

/** Every event the proposal machine accepts; `case.*` past-tense events are internal, sent by the coordinator. */
export type ProposalEvent = Flat<
  | ({ type: 'proposal.submit'; channel?: 'session' | 'interSession' } & At)
  | ({ type: 'review.start' } & At)
  | ({ type: 'review.register'; key?: boolean; supervisingLeader?: string; urgent?: boolean } & At)
  | ({ type: 'review.merge'; into: string; reason?: string } & At)
  | ({ type: 'review.convert'; reason?: string } & At)
  | ({ type: 'review.reject'; reason: RejectionReason; note?: string } & At)
  | ({ type: 'proposal.withdraw'; by: string; writtenRequest: WrittenRequest; reason?: string } & At)
  | ({ type: 'proposal.withdrawSignature'; by: string; writtenRequest: WrittenRequest; reason?: string } & At)
  | ({ type: 'assignment.assign'; assignment: Assignment } & At)
  | ({ type: 'proposal.addMergedItem'; item: MergedItem } & At)
  | ({ type: 'case.accepted'; caseId: string } & At)
  | ({ type: 'case.reassigned'; caseId: string; toUnit: Unit } & At)
  | ({ type: 'case.replied'; caseId: string; class: ReplyClass } & At)
  | ({ type: 'case.closed'; caseId: string } & At)
  | ({ type: 'proposal.archive' } & At)
  | ({ type: 'deadline.elapsed'; deadlineId: string; caseId?: string } & At)
>;

/** The type of a proposal event. */
export type ProposalEventType = ProposalEvent['type'];

/** One proposal event by type. */
export type ProposalEventOf<T extends ProposalEventType> = Extract<ProposalEvent, { type: T }>;
