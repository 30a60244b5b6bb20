import type { RefusalReason } from './refusal/reason.js';

/** Machine-readable codes of the errors @banli/core throws. */
export type CoreErrorCode =
  | 'calendar_not_provided'
  | 'transition_refused'
  | 'case_not_found'
  | 'unroutable_event'
  | 'invalid_policy'
  | 'invalid_state'
  | 'version_mismatch'
  | 'invalid_migration';

/** An error with a `code` and a message in zh-CN and en. */
export class BanliCoreError extends Error {
  readonly code: CoreErrorCode;
  readonly messages: { 'zh-CN': string; en: string };

  constructor(code: CoreErrorCode, messages: { 'zh-CN': string; en: string }, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.name = 'BanliCoreError';
    this.code = code;
    this.messages = messages;
  }
}

/**
 * Thrown by the coordinator's `send` when the machines refuse an event (`can` is false). Its messages are the
 * `reason`'s: the rule that refused the event in plain zh-CN and en, with a machine-readable `reason.code`.
 * @banli/sdk rethrows it as its own `TransitionRefusedError` (an SDK `BanliError`, code `TRANSITION_REFUSED`).
 */
export class TransitionRefusedError extends BanliCoreError {
  readonly eventType: string;
  readonly stateValue: unknown;
  /** The rule that refused the event. */
  readonly reason: RefusalReason;

  constructor(eventType: string, stateValue: unknown, reason: RefusalReason) {
    super('transition_refused', reason.messages);
    this.name = 'TransitionRefusedError';
    this.eventType = eventType;
    this.stateValue = stateValue;
    this.reason = reason;
  }
}
