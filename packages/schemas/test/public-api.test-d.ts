import { expectTypeOf } from 'vitest';
import type { z } from 'zod';
import {
  type Adoption,
  type Assignment,
  type BANLI_EVENT_TYPES,
  type BanliEvent,
  type BanliEventOf,
  type BanliEventSchema,
  type BanliEventType,
  type DeadlineRule,
  type Disclosure,
  eventSchemaFor,
  type Feedback,
  type Proposal,
  type Proposer,
  type RejectionReason,
  type ReplyClass,
  type ReplyLetter,
  type Unit,
} from '../src/index.js';

// Types are inferred from the schemas.
expectTypeOf<BanliEvent>().toEqualTypeOf<z.infer<typeof BanliEventSchema>>();
expectTypeOf<(typeof BANLI_EVENT_TYPES)[number]>().toEqualTypeOf<BanliEventType>();

// Field shapes promised by the schemas README and docs/architecture.md.
expectTypeOf<Proposal['kind']>().toEqualTypeOf<'proposal' | 'suggestion'>();
expectTypeOf<Proposal['channel']>().toEqualTypeOf<'session' | 'interSession'>();
expectTypeOf<Proposal['session']>().toMatchTypeOf<{ term: number; meeting: number }>();
expectTypeOf<Proposer>().toMatchTypeOf<{ id: string; name: string; first?: boolean | undefined }>();
expectTypeOf<Unit>().toMatchTypeOf<{ id: string; name: string; code?: string | undefined }>();
expectTypeOf<Assignment['mode']>().toEqualTypeOf<'sole' | 'lead' | 'split' | 'reference'>();
expectTypeOf<ReplyClass>().toEqualTypeOf<'A' | 'B' | 'C' | 'D'>();
expectTypeOf<Adoption>().toEqualTypeOf<
  'adopted' | 'partlyAdopted' | 'planned' | 'underStudy' | 'forReference' | 'notAdopted'
>();
expectTypeOf<NonNullable<Disclosure['mode']>>().toEqualTypeOf<'proactive' | 'onRequest' | 'withheld'>();
expectTypeOf<Feedback['level']>().toEqualTypeOf<'satisfied' | 'basicallySatisfied' | 'dissatisfied'>();
expectTypeOf<keyof ReplyLetter>().toEqualTypeOf<
  | 'proposalId'
  | 'reference'
  | 'docNumber'
  | 'printedDocNumber'
  | 'class'
  | 'classGrade'
  | 'classMark'
  | 'letterhead'
  | 'title'
  | 'addressees'
  | 'greeting'
  | 'opening'
  | 'intro'
  | 'responses'
  | 'body'
  | 'closing'
  | 'issuingUnit'
  | 'coUnits'
  | 'consultedUnits'
  | 'signatories'
  | 'date'
  | 'dateText'
  | 'contacts'
  | 'disclosure'
  | 'reportTo'
  | 'copyTo'
  | 'imprint'
>();

// Event payloads.
expectTypeOf<BanliEventOf<'review.reject'>['reason']>().toEqualTypeOf<RejectionReason>();
expectTypeOf<BanliEventOf<'assignment.assign'>['assignment']>().toEqualTypeOf<Assignment>();
expectTypeOf<BanliEventOf<'case.requestExtension'>['rule']>().toEqualTypeOf<DeadlineRule | undefined>();
expectTypeOf<BanliEventOf<'case.accept'>>().toEqualTypeOf<{ type: 'case.accept'; at: string; caseId: string }>();
expectTypeOf<BanliEventOf<'deadline.elapsed'>['caseId']>().toEqualTypeOf<string | undefined>();
expectTypeOf(eventSchemaFor('feedback.submit').parse({})).toEqualTypeOf<BanliEventOf<'feedback.submit'>>();

// @ts-expect-error not an event type
eventSchemaFor('proposal.explode');
