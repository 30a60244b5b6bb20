/** The one bilingual text type (`{ 'zh-CN': string; en: string }`) and the base class of every banli error, defined in @banli/schemas. */
export { type Bilingual, BilingualError } from '@banli/schemas';
export type { AlertPolicy } from './alertPolicy.js';
export type { AllowedCommand } from './allowedCommands.js';
export type { Backdated, BackdatedRecord } from './backdated.js';
export { businessDate, type Clock, createManualClock, type ManualClock, systemClock } from './clock.js';
export type { CommandResult, DeadlineChange } from './commandResult.js';
export type { SendOptions, SubmitOptions } from './commands.js';
export {
  type AddHolidayNoticeOptions,
  type AddHolidayNoticeReport,
  type Banli,
  type BanliOptions,
  CalendarPersistenceUnsupported,
  createBanli,
  type WorkflowVersion,
} from './createBanli.js';
export type { PolicyLike, SystemFactory, SystemFactoryOptions } from './defaults.js';
export type { BanliStats } from './engineStats.js';
export {
  AlreadyExists,
  AlreadyExistsError,
  BackdatingRefused,
  BackdatingRefusedError,
  BanliError,
  type BanliErrorCode,
  ConcurrencyConflict,
  ConcurrencyConflictError,
  type ConflictReason,
  type DateOrderScope,
  IdempotencyMismatch,
  IdempotencyMismatchError,
  NotCovered,
  NotFound,
  NotFoundError,
  PermissionError,
  TransitionRefusedError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export type { CaseFacts, CommitmentFacts, MergedCommitmentFacts, ProposalFacts } from './facts.js';
export type { JsonObject, JsonValue } from './json.js';
export { formatChineseDate, type LetterBlock, type LetterInput, letterBlocks } from './letters/model.js';
export { opinionBlocks, renderOpinion } from './letters/opinion.js';
export { escapeHtml, escapeMarkdown, type LetterFormat, renderLetter } from './letters/render.js';
export { DEFAULT_LIMITS, type SizeLimits } from './limits.js';
export { MergeUnsupported } from './merge.js';
export { type DefinitionMachines, type EngineChoice, systemFactory } from './migrate/factory.js';
export {
  createSystemRegistry,
  type DefinitionKey,
  definitionKeyOf,
  type SystemRegistry,
  stateKeyOf,
} from './migrate/registry.js';
export type { MigrationReport, StreamMigration, StreamMigrationStatus } from './migrate/report.js';
export { MIGRATION_EVENT, type MigrateOptions, migrationKey } from './migrate/run.js';
export type { BanliNotification, NotificationListener } from './notifications.js';
export type { DeadLetter, DeliverOptions, DeliveryReport, OutboxHandler } from './outbox/deliver.js';
export {
  DeadLetterNotFound,
  type Outbox,
  type OutboxPage,
  type OutboxReadOptions,
  type OutboxSubscribeOptions,
  OutboxUnsupported,
} from './outbox/outbox.js';
export type { DeadlineView, ProposalQuery, ProposalView } from './queries.js';
export type { CorrectionOutcome, MovedDeadline, RecomputeOptions, RecomputeReport } from './recompute.js';
export { type AccessView, authorize } from './roles/authorize.js';
export { EVENT_TYPES, type EventType, ROLE_MATRIX, roleMaySend } from './roles/matrix.js';
export {
  type Actor,
  ROLE_LABELS,
  ROLE_SCOPES,
  ROLES,
  type Role,
  type RoleScope,
  roleLabel,
} from './roles/roles.js';
export { formatRoleTable } from './roles/table.js';
export type { TickOptions, TickReport } from './scheduler/tick.js';
export type { SnapshotRebuild, SnapshotRebuildReason } from './snapshotRebuild.js';
export type { StateView } from './stateView.js';
export type {
  AdoptionFigures,
  CaseFigures,
  CommitmentFigures,
  CoUnitFigures,
  MeetingFigures,
  SatisfactionCounts,
  Statistics,
  StatisticsOptions,
  UnitFigures,
} from './stats/statistics.js';
export { computeStatistics } from './stats/statistics.js';
export { createMemoryStore, type MemoryStoreOptions } from './store/memory.js';
export { checkAppendRow } from './store/partialAppend.js';
export type {
  AlertClaim,
  AlertKey,
  AlertRecord,
  AppendRequest,
  AppendResult,
  CalendarYearRecord,
  ClaimOptions,
  ConsumerLease,
  DeadLetterRecord,
  DeadlineAlert,
  DeadlineClaim,
  DeadlineIndexEntry,
  DeadlineKey,
  DeadlineSpan,
  IdempotencyRecord,
  LoadedStream,
  LoggedTransition,
  MachineRef,
  OutboxRecord,
  OutboxStore,
  ReadStreamOptions,
  SentAlert,
  Store,
  StoredActor,
  StoredEvent,
  StoredSnapshot,
  StreamQuery,
  StreamSummary,
  SummaryChanges,
} from './store/port.js';
export type {
  HandlingStateLike,
  HandlingSystemLike,
  SystemCaseSummary,
  SystemDeadline,
  SystemNotification,
  SystemSummary,
} from './system.js';

// The store contract suite lives under `@banli/sdk/store-contract` (issue 18: test code is not part of the root).
// These root names are kept for existing callers and will be removed in a later release.
import * as contractSuite from './storeContract.js';

/** @deprecated Import `defineStoreContract` from `@banli/sdk/store-contract`. */
export const defineStoreContract = contractSuite.defineStoreContract;
/** @deprecated Import `defineStoreContract` from `@banli/sdk/store-contract`. */
export const storeContract = contractSuite.defineStoreContract;
/** @deprecated Import `storeFixtures` from `@banli/sdk/store-contract`. */
export const storeFixtures = contractSuite.storeFixtures;
/** @deprecated Import `ContractAssertion` from `@banli/sdk/store-contract`. */
export type ContractAssertion = contractSuite.ContractAssertion;
/** @deprecated Import `ContractTestApi` from `@banli/sdk/store-contract`. */
export type ContractTestApi = contractSuite.ContractTestApi;
/** @deprecated Import `StoreFactory` from `@banli/sdk/store-contract`. */
export type StoreFactory = contractSuite.StoreFactory;
