import { type Bilingual, BilingualError } from '@banli/schemas';
import type { RefusalReason } from './refusal/reason.js';

/** Machine-readable codes of the configuration and persistence errors @banli/core throws ({@link BanliCoreError}). */
export type CoreErrorCode =
  | 'calendar_not_provided'
  | 'case_not_found'
  | 'unroutable_event'
  | 'invalid_policy'
  | 'invalid_engine'
  | 'invalid_state'
  | 'version_mismatch'
  | 'invalid_migration';

/** A {@link BilingualError} with a {@link CoreErrorCode}: how core refuses a policy, a calendar or a stored state. */
export class BanliCoreError extends BilingualError<CoreErrorCode> {
  constructor(code: CoreErrorCode, messages: Bilingual, options?: { cause?: unknown }) {
    super(code, messages, options);
    this.name = 'BanliCoreError';
  }
}

/**
 * Codes of the `BanliError` family: the refusal core's coordinator throws (`TRANSITION_REFUSED`) and the errors
 * @banli/sdk throws on commands. Defined once here, with the class, and re-exported by @banli/sdk.
 */
export type BanliErrorCode =
  | 'VALIDATION'
  | 'PERMISSION'
  | 'TRANSITION_REFUSED'
  | 'CONCURRENCY_CONFLICT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'IDEMPOTENCY_MISMATCH'
  | 'BACKDATED'
  | 'NOT_COVERED'
  | 'CALENDAR_PERSISTENCE_UNSUPPORTED'
  | 'OUTBOX_UNSUPPORTED'
  | 'MERGE_UNSUPPORTED';

/**
 * The base class of every error a command can meet: a {@link BilingualError} with a {@link BanliErrorCode}, and the
 * item's state at the time when the caller knows it. @banli/sdk re-exports it and derives its errors from it.
 */
export class BanliError extends BilingualError<BanliErrorCode> {
  /** The proposal's state (summary) when the command was refused, if the proposal exists. */
  readonly state: unknown;

  constructor(code: BanliErrorCode, messages: Bilingual, state?: unknown, options?: { cause?: unknown }) {
    super(code, messages, options);
    this.state = state;
    this.name = new.target.name;
  }
}

/**
 * The machines do not accept this event now (`can` is false). One class for core and @banli/sdk: the coordinator's
 * `send` throws it, and the SDK throws the same class (re-exported) with the proposal's state view attached.
 * `reason` names the rule that refused it: a machine-readable `reason.code` (e.g. `adjustment.windowClosed`), the rule
 * in plain zh-CN and en (also this error's `messages`), and its domain.md source when it has one.
 */
export class TransitionRefusedError extends BanliError {
  /** The refused event type. */
  readonly eventType: string;
  /** The rule that refused the event. */
  readonly reason: RefusalReason;
  /** The machines' state value when the event was refused, when the coordinator threw it. */
  readonly stateValue: unknown;

  constructor(eventType: string, reason: RefusalReason, state?: unknown, stateValue?: unknown) {
    super('TRANSITION_REFUSED', reason.messages, state);
    this.eventType = eventType;
    this.reason = reason;
    this.stateValue = stateValue;
  }
}
