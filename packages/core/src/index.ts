export { type CalendarRef, type DueDateResolver, fillDueDates, type ResolvedDueDate } from './calendar.js';
export type { CaseEmitted } from './case/emitted.js';
export type { CaseEvent, CaseEventOf, CaseEventType, ContactMethod } from './case/events.js';
export { type LetterCheckOptions, letterProblems } from './case/letterProblems.js';
export { CASE_MACHINE_VERSION, caseMachine } from './case/machine.js';
export type {
  AdjustmentRecord,
  CaseContext,
  CaseInput,
  CaseRole,
  ContactRecord,
  CountersignRecord,
  ExtensionRecord,
  FeedbackRecord,
  IssuedLetter,
  PublicationRecord,
  ReturnRecord,
  UnitTenure,
} from './case/types.js';
export {
  type Deadline,
  type DeadlineKind,
  type DeadlineStatus,
  deadlineKindMeta,
  deadlineLabel,
  hasOverdue,
  isCountedMiss,
  isPending,
} from './deadlines.js';
export {
  BanliCoreError,
  BanliError,
  type BanliErrorCode,
  type CoreErrorCode,
  TransitionRefusedError,
} from './errors.js';
export { persist as persistSnapshot, restore as restoreSnapshot } from './internal/engine/persist.js';
export { toMermaid } from './mermaid.js';
export { type EventMeta, eventMeta, notificationMeta } from './meta.js';
export { type Citation, type CitationBasis, CitationBasisSchema, CitationSchema } from './policy/citation.js';
export { type Coverage, CoverageSchema, coverageOf } from './policy/coverage.js';
export { type LetterRequirement, LetterRequirementSchema } from './policy/letterRequirement.js';
export { presets } from './policy/presets/index.js';
export { type ReplyPeriod, ReplyPeriodSchema, replyPeriodOf } from './policy/replyPeriod.js';
export {
  type Policy,
  type PolicyPeriods,
  PolicyPeriodsSchema,
  PolicySchema,
  policyClasses,
  ReplyClassSchema,
} from './policy/schema.js';
export { SOURCES } from './policy/sources.js';
export { caseIdFor, responsibleUnits } from './proposal/assignment.js';
export type { ProposalEmitted } from './proposal/emitted.js';
export type { ProposalEvent, ProposalEventOf, ProposalEventType } from './proposal/events.js';
export { PROPOSAL_MACHINE_VERSION, proposalMachine } from './proposal/machine.js';
export type { CaseLink, ProposalContext, ProposalInput, ReviewDecision } from './proposal/types.js';
export {
  formatChineseDate,
  type RefusalDetail,
  type RefusalReason,
  type RefusalRule,
  refusalRule,
  shortPeriod,
  stageReason,
} from './refusal/index.js';
export type { StateMeta } from './stateMeta.js';
export { createHandlingSystem } from './system/createHandlingSystem.js';
export { allDeadlines, caseSummaries, openDeadlines, summarize } from './system/selectors.js';
export type {
  CaseSummary,
  EngineFallback,
  EngineStats,
  HandlingState,
  HandlingSummary,
  HandlingSystem,
  HandlingSystemOptions,
  MachineVersion,
  Notification,
  PersistedMachineSnapshot,
  SendResult,
  StartInput,
  StartResult,
  TakenTransition,
} from './system/types.js';
export { type BanliTag, tagMeta } from './tags.js';
export { type DeadlineMove, successorRule } from './versioning/deadlineRules.js';
export { InvalidMigrationError, VersionMismatchError } from './versioning/errors.js';
export { structureHash } from './versioning/hash.js';
export {
  type MigrationEnvironment,
  migrateHandlingState,
  type StateMigration,
  type StateMove,
} from './versioning/migrateState.js';
export { leafPaths, valueOfPaths } from './versioning/paths.js';
export {
  type DeadlineAction,
  type DefinitionVersions,
  defineMigration,
  type MachineMigration,
  type MigrationInfo,
  type MigrationPlan,
  type StateMapping,
  type StateRule,
  type StateTarget,
} from './versioning/plan.js';
export { isPolicyRef, type PolicyRef, policyHash, policyRef } from './versioning/policyRef.js';
export { isReplayedVersion, REPLAYED_VERSIONS } from './versioning/replayed.js';
export { writtenUnderEarlierVersion } from './versioning/replayedVersions.js';
export { type ConfigNode, type MachineRevision, reviseMachine } from './versioning/revise.js';
export { calendarRef, calendarResolver, withCalendar, withDueDateResolver } from './withCalendar.js';
