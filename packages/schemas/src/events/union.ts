import { z } from 'zod';
import { bilingual, getMeta } from '../meta.js';
import * as c from './caseEvents.js';
import * as p from './proposalEvents.js';
import * as r from './replyEvents.js';

const proposalEvents = [
  p.ProposalSubmitEventSchema,
  p.ReviewStartEventSchema,
  p.ReviewRegisterEventSchema,
  p.ReviewMergeEventSchema,
  p.ReviewConvertEventSchema,
  p.ReviewRejectEventSchema,
  p.ProposalWithdrawEventSchema,
  p.ProposalWithdrawSignatureEventSchema,
  p.AssignmentAssignEventSchema,
  p.ProposalAddMergedItemEventSchema,
  p.CaseAcceptedEventSchema,
  p.CaseReassignedEventSchema,
  p.CaseRepliedEventSchema,
  p.CaseClosedEventSchema,
  p.ProposalArchiveEventSchema,
  p.DeadlineElapsedEventSchema,
] as const;

const caseEvents = [
  c.CaseAcceptEventSchema,
  c.CaseRequestAdjustmentEventSchema,
  c.AdjustmentKeepEventSchema,
  c.AdjustmentReassignEventSchema,
  c.CoUnitSubmitOpinionEventSchema,
  c.CaseRecordContactEventSchema,
  c.CaseRequestExtensionEventSchema,
  c.ExtensionApproveEventSchema,
  c.ExtensionDenyEventSchema,
  c.CaseStartDraftingEventSchema,
  r.ReplySubmitDraftEventSchema,
  r.CountersignApproveEventSchema,
  r.CountersignRequestChangesEventSchema,
  r.SignOffApproveEventSchema,
  r.SignOffReturnEventSchema,
  r.SupervisorApproveEventSchema,
  r.SupervisorReturnEventSchema,
  r.FeedbackSubmitEventSchema,
  r.RehandlingStartEventSchema,
  r.FollowUpReplyEventSchema,
  c.CaseCloseEventSchema,
  c.CaseOverrideCloseEventSchema,
  r.PublicationPublishEventSchema,
  r.PublicationDiscloseEventSchema,
  c.CaseAddMergedItemEventSchema,
  c.CaseDropProposerEventSchema,
  c.CaseTerminateEventSchema,
] as const;

const allEvents = [...proposalEvents, ...caseEvents] as const;

/** Every event the lifecycle machines accept, told apart by `type` (the list is `BANLI_EVENT_TYPES`; docs/architecture.md describes the machines). */
export const BanliEventSchema = z
  .discriminatedUnion('type', allEvents)
  .meta(bilingual('事件', 'Event', '办理流程状态机接受的事件。', 'An event the lifecycle machines accept.'));

/** Every event the lifecycle machines accept. */
export type BanliEvent = z.infer<typeof BanliEventSchema>;

/** The literal `type` of a {@link BanliEvent}. */
export type BanliEventType = BanliEvent['type'];

/** The event with the given `type`. */
export type BanliEventOf<T extends BanliEventType> = Extract<BanliEvent, { type: T }>;

type TypesOf<A extends readonly { shape: { type: { value: string } } }[]> = {
  readonly [K in keyof A]: A[K]['shape']['type']['value'];
};

const typesOf = <A extends readonly { shape: { type: { value: string } } }[]>(schemas: A) =>
  schemas.map((s) => s.shape.type.value) as unknown as TypesOf<A>;

/** The `type` literals of every event, in contract order. */
export const BANLI_EVENT_TYPES = typesOf(allEvents);

/** The events the proposal machine accepts (`deadline.elapsed` is accepted by both machines). */
export const PROPOSAL_EVENT_TYPES = typesOf(proposalEvents);

/** The events the case machine accepts; each carries `caseId`. */
export const CASE_EVENT_TYPES = [...typesOf(caseEvents), 'deadline.elapsed'] as const;

type SchemaMap = { [S in (typeof allEvents)[number] as S['shape']['type']['value']]: S };

const schemaByType = Object.fromEntries(allEvents.map((s) => [s.shape.type.value, s])) as unknown as SchemaMap;

/** The events sent only by the coordinator, SDK or scheduler, never by users. */
export const INTERNAL_EVENT_TYPES = BANLI_EVENT_TYPES.filter((t) => isInternalEvent(t));

/**
 * Returns the schema of one event type.
 *
 * @example
 * ```ts
 * eventSchemaFor('review.reject').parse({ type: 'review.reject', at: '2023-02-20', reason: 'emptyContent' });
 * ```
 */
export function eventSchemaFor<T extends BanliEventType>(type: T): SchemaMap[T] {
  const schema = schemaByType[type];
  if (!schema) throw new TypeError(`Unknown banli event type: ${String(type)}`);
  return schema;
}

/** Tells whether an event type is internal (sent by the coordinator, SDK or scheduler only). */
export function isInternalEvent(type: BanliEventType): boolean {
  return getMeta(schemaByType[type])?.['x-internal'] === true;
}
