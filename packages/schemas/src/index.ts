export { type Assignment, AssignmentSchema, assignedUnits, replyingUnits, type UnitRole } from './assignment.js';
export { ASSIGNMENT_MODE_LABELS, type AssignmentMode, AssignmentModeSchema } from './assignmentMode.js';
export { BilingualError } from './bilingualError.js';
export {
  CLASS_MARK_POSITION_LABELS,
  type ClassMark,
  ClassMarkPositionSchema,
  ClassMarkSchema,
  classOfMark,
  restateClassMark,
  withLetterClass,
} from './classMark.js';
export { type CoHandlingOpinion, CoHandlingOpinionSchema } from './coHandlingOpinion.js';
export { fastParseCoHandlingOpinion } from './coHandlingOpinionFastParse.js';
export {
  type DeadlineRule,
  DeadlineRuleSchema,
  EventDeadlineRuleSchema,
  isMonthDay,
  MAX_EVENT_RULE_DEPTH,
  MAX_RULE_DAYS,
  MAX_RULE_MONTHS,
} from './deadlineRule.js';
export {
  checkDocNumber,
  type DocNumber,
  DocNumberError,
  type DocNumberParseResult,
  type DocNumberParts,
  type DocNumberProblem,
  DocNumberSchema,
  formatDocNumber,
  parseDocNumber,
  toAsciiDigits,
} from './docNumber.js';
export {
  AdjustmentKeepEventSchema,
  AdjustmentReassignEventSchema,
  CaseAcceptEventSchema,
  CaseAddMergedItemEventSchema,
  CaseCloseEventSchema,
  CaseDropProposerEventSchema,
  CaseOverrideCloseEventSchema,
  CaseRecordContactEventSchema,
  CaseRequestAdjustmentEventSchema,
  CaseRequestExtensionEventSchema,
  CaseStartDraftingEventSchema,
  CaseTerminateEventSchema,
  CONTACT_METHOD_LABELS,
  ContactMethodSchema,
  CoUnitSubmitOpinionEventSchema,
  ExtensionApproveEventSchema,
  ExtensionDenyEventSchema,
} from './events/caseEvents.js';
export {
  FAST_PARSED_EVENT_TYPES,
  fastLetterEventCounted,
  fastLetterEventParser,
  type LetterEventSizes,
} from './events/fastLetterEvents.js';
export {
  AssignmentAssignEventSchema,
  CaseAcceptedEventSchema,
  CaseClosedEventSchema,
  CaseReassignedEventSchema,
  CaseRepliedEventSchema,
  DeadlineElapsedEventSchema,
  ProposalAddMergedItemEventSchema,
  ProposalArchiveEventSchema,
  ProposalSubmitEventSchema,
  ProposalWithdrawEventSchema,
  ProposalWithdrawSignatureEventSchema,
  ReviewConvertEventSchema,
  ReviewMergeEventSchema,
  ReviewRegisterEventSchema,
  ReviewRejectEventSchema,
  ReviewStartEventSchema,
  WrittenRequestSchema,
} from './events/proposalEvents.js';
export {
  CountersignApproveEventSchema,
  CountersignRequestChangesEventSchema,
  FeedbackSubmitEventSchema,
  FollowUpReplyEventSchema,
  PublicationDiscloseEventSchema,
  PublicationPublishEventSchema,
  RehandlingStartEventSchema,
  ReplySubmitDraftEventSchema,
  SignOffApproveEventSchema,
  SignOffReturnEventSchema,
  SupervisorApproveEventSchema,
  SupervisorReturnEventSchema,
} from './events/replyEvents.js';
export {
  BANLI_EVENT_TYPES,
  type BanliEvent,
  type BanliEventOf,
  BanliEventSchema,
  type BanliEventType,
  CASE_EVENT_TYPES,
  eventSchemaFor,
  INTERNAL_EVENT_TYPES,
  isInternalEvent,
  PROPOSAL_EVENT_TYPES,
} from './events/union.js';
export {
  FEEDBACK_LEVEL_LABELS,
  type Feedback,
  type FeedbackLevel,
  FeedbackLevelSchema,
  FeedbackSchema,
} from './feedback.js';
export { fastCheckOf } from './internal/fastChecks.js';
export type { FastParse } from './internal/fastParse.js';
export { type IsoDate, IsoDateSchema, isRealIsoDate } from './isoDate.js';
export { BANLI_ISSUE_CODES, type BanliIssueCode, type MessageParams } from './issueCodes.js';
export { type ItemReference, ItemReferenceSchema } from './itemReference.js';
export { type BanliJsonSchema, jsonSchemas, publicSchemas } from './jsonSchema.js';
export { type Bilingual, BilingualSchema, LOCALES, type Locale } from './label.js';
export {
  classMarkProblem,
  type LetterProblem,
  type LetterProblemCode,
  letterKindProblems,
  missingFieldProblem,
} from './letterCheck.js';
export {
  hasLetterField,
  LETTER_FIELD_LABELS,
  type LetterField,
  LetterFieldSchema,
  NAMED_LETTER_FIELDS,
} from './letterField.js';
export {
  type Contact,
  ContactSchema,
  type CopyTo,
  CopyToSchema,
  DISCLOSURE_MODE_LABELS,
  type Disclosure,
  DisclosureModeSchema,
  DisclosureSchema,
  type Imprint,
  ImprintSchema,
  isPhoneNumber,
  type RecipientList,
  RecipientListSchema,
} from './letterFooter.js';
export { upcastLetterEvent, upcastReplyLetter } from './letterUpcast.js';
export { en, enMessages } from './locales/en.js';
export type { BanliLocale, MessageTemplate, TypeName } from './locales/types.js';
export { zhCN, zhCNMessages } from './locales/zh-CN.js';
export { type MergedItem, MergedItemSchema } from './mergedItem.js';
export { type BanliIssue, type FormatOptions, formatIssues, locales } from './messages/format.js';
export {
  type BanliParseResult,
  BanliValidationError,
  type LocaleOption,
  parseWith,
  safeParseWith,
} from './messages/safeParseWith.js';
export { type BanliMeta, bilingual, getLabel, getMeta } from './meta.js';
export {
  CHANNEL_LABELS,
  ChannelSchema,
  PROPOSAL_KIND_LABELS,
  type Proposal,
  ProposalKindSchema,
  ProposalSchema,
  type SuggestionPoint,
  SuggestionPointSchema,
} from './proposal.js';
export {
  PROPOSER_TYPE_LABELS,
  type Proposer,
  ProposerSchema,
  type ProposerType,
  ProposerTypeSchema,
} from './proposer.js';
export { letterWarnings } from './reader/letterWarnings.js';
export {
  type PrintedCoHandlingOpinion,
  parseCoHandlingOpinion,
  type ReadCoHandlingOpinion,
} from './reader/parseCoHandlingOpinion.js';
export { parseReplyLetter, type ReaderWarning, type ReadLetter } from './reader/parseReplyLetter.js';
export { findPrintedDate, type PrintedDate } from './reader/printedDate.js';
export {
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  type RejectionReason,
  type RejectionReasonInfo,
  RejectionReasonSchema,
} from './rejectionReason.js';
export { REPLY_CLASS_LABELS, REPLY_CLASS_SCHEMES, type ReplyClass, ReplyClassSchema } from './replyClass.js';
export { PrintedDocNumberSchema, type ReplyLetter, ReplyLetterSchema, replyLetterSchemaFor } from './replyLetter.js';
export { fastParseReplyLetter } from './replyLetterFastParse.js';
export { ADOPTION_LABELS, type Adoption, AdoptionSchema, type Response, ResponseSchema } from './response.js';
export { chineseNumeral, type Session, SessionSchema, sessionLabel } from './session.js';
export {
  SIGNATORY_ROLE_LABELS,
  type Signatory,
  type SignatoryRole,
  SignatoryRoleSchema,
  SignatorySchema,
} from './signatory.js';
export {
  QUOTED_PREFIX_LENGTH,
  quotePrefix,
  type TextRuleViolation,
  textRuleViolation,
} from './textRules.js';
export { type Unit, type UnitPrincipal, UnitPrincipalSchema, UnitSchema } from './unit.js';

// The fixtures live under `@banli/schemas/fixtures` (issue 18: sample data is not part of the schemas' API). These
// root re-exports are kept for existing callers and will be removed in a later release.
import * as rootFixtures from './fixtures/index.js';

/** @deprecated Import `fixtures` from `@banli/schemas/fixtures`. */
export const fixtures = rootFixtures.fixtures;
/** @deprecated Import `sampleCoHandlingOpinion` from `@banli/schemas/fixtures`. */
export const sampleCoHandlingOpinion = rootFixtures.sampleCoHandlingOpinion;
/** @deprecated Import `sampleNpcAssignment` from `@banli/schemas/fixtures`. */
export const sampleNpcAssignment = rootFixtures.sampleNpcAssignment;
/** @deprecated Import `sampleNpcFeedback` from `@banli/schemas/fixtures`. */
export const sampleNpcFeedback = rootFixtures.sampleNpcFeedback;
/** @deprecated Import `sampleNpcReplyLetter` from `@banli/schemas/fixtures`. */
export const sampleNpcReplyLetter = rootFixtures.sampleNpcReplyLetter;
/** @deprecated Import `sampleNpcSuggestion` from `@banli/schemas/fixtures`. */
export const sampleNpcSuggestion = rootFixtures.sampleNpcSuggestion;
/** @deprecated Import `samplePartyFeedback` from `@banli/schemas/fixtures`. */
export const samplePartyFeedback = rootFixtures.samplePartyFeedback;
/** @deprecated Import `samplePartyProposal` from `@banli/schemas/fixtures`. */
export const samplePartyProposal = rootFixtures.samplePartyProposal;
/** @deprecated Import `sampleSplitAssignment` from `@banli/schemas/fixtures`. */
export const sampleSplitAssignment = rootFixtures.sampleSplitAssignment;
/** @deprecated Import `sampleWithheldReplyLetter` from `@banli/schemas/fixtures`. */
export const sampleWithheldReplyLetter = rootFixtures.sampleWithheldReplyLetter;
/** @deprecated Import `seedAssignment132402` from `@banli/schemas/fixtures`. */
export const seedAssignment132402 = rootFixtures.seedAssignment132402;
/** @deprecated Import `seedProposal132402` from `@banli/schemas/fixtures`. */
export const seedProposal132402 = rootFixtures.seedProposal132402;
/** @deprecated Import `seedReplyLetter132402` from `@banli/schemas/fixtures`. */
export const seedReplyLetter132402 = rootFixtures.seedReplyLetter132402;
