import { z } from 'zod';
import { AssignmentSchema } from './assignment.js';
import { AssignmentModeSchema } from './assignmentMode.js';
import { ClassMarkSchema } from './classMark.js';
import { CoHandlingOpinionSchema } from './coHandlingOpinion.js';
import { DeadlineRuleSchema } from './deadlineRule.js';
import { DocNumberSchema } from './docNumber.js';
import { ContactMethodSchema } from './events/caseEvents.js';
import { BanliEventSchema } from './events/union.js';
import { FeedbackLevelSchema, FeedbackSchema } from './feedback.js';
import { IsoDateSchema } from './isoDate.js';
import { ItemReferenceSchema } from './itemReference.js';
import { BilingualSchema } from './label.js';
import { LetterFieldSchema } from './letterField.js';
import {
  ContactSchema,
  CopyToSchema,
  DisclosureModeSchema,
  DisclosureSchema,
  ImprintSchema,
  RecipientListSchema,
} from './letterFooter.js';
import { ChannelSchema, ProposalKindSchema, ProposalSchema, SuggestionPointSchema } from './proposal.js';
import { ProposerSchema, ProposerTypeSchema } from './proposer.js';
import { RejectionReasonSchema } from './rejectionReason.js';
import { ReplyClassSchema } from './replyClass.js';
import { ReplyLetterSchema } from './replyLetter.js';
import { AdoptionSchema, ResponseSchema } from './response.js';
import { SessionSchema } from './session.js';
import { SignatorySchema } from './signatory.js';
import { UnitSchema } from './unit.js';

/** The public aggregate and value schemas by name (each event schema is also reachable through `BanliEvent`). */
export const publicSchemas = {
  IsoDate: IsoDateSchema,
  Bilingual: BilingualSchema,
  DocNumber: DocNumberSchema,
  Unit: UnitSchema,
  Session: SessionSchema,
  ProposalKind: ProposalKindSchema,
  Channel: ChannelSchema,
  ProposerType: ProposerTypeSchema,
  Proposer: ProposerSchema,
  SuggestionPoint: SuggestionPointSchema,
  Proposal: ProposalSchema,
  AssignmentMode: AssignmentModeSchema,
  Assignment: AssignmentSchema,
  CoHandlingOpinion: CoHandlingOpinionSchema,
  ReplyClass: ReplyClassSchema,
  Adoption: AdoptionSchema,
  Response: ResponseSchema,
  Contact: ContactSchema,
  DisclosureMode: DisclosureModeSchema,
  Disclosure: DisclosureSchema,
  CopyTo: CopyToSchema,
  RecipientList: RecipientListSchema,
  Imprint: ImprintSchema,
  Signatory: SignatorySchema,
  ClassMark: ClassMarkSchema,
  ItemReference: ItemReferenceSchema,
  ReplyLetter: ReplyLetterSchema,
  LetterField: LetterFieldSchema,
  FeedbackLevel: FeedbackLevelSchema,
  Feedback: FeedbackSchema,
  RejectionReason: RejectionReasonSchema,
  ContactMethod: ContactMethodSchema,
  DeadlineRule: DeadlineRuleSchema,
  BanliEvent: BanliEventSchema,
} as const;

/** The JSON Schema (draft 2020-12) of one public schema, with the bilingual `x-label`/`x-description` kept. */
export type BanliJsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * Converts every public schema to JSON Schema (input side, so optional fields stay optional).
 *
 * @example
 * ```ts
 * jsonSchemas().ReplyLetter.properties?.docNumber; // { type: 'string', pattern: '^\\S+?〔\\d{4}〕[1-9]\\d*号$', … }
 * ```
 */
export function jsonSchemas(): Record<keyof typeof publicSchemas, BanliJsonSchema> {
  const entries = Object.entries(publicSchemas).map(([name, schema]) => [
    name,
    z.toJSONSchema(schema, { io: 'input' }),
  ]);
  return Object.fromEntries(entries) as Record<keyof typeof publicSchemas, BanliJsonSchema>;
}
