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

/** Thrown by the coordinator's `send` when the machines refuse an event (`can` is false). */
export class TransitionRefusedError extends BanliCoreError {
  readonly eventType: string;
  readonly stateValue: unknown;

  constructor(eventType: string, stateValue: unknown) {
    super('transition_refused', {
      'zh-CN': `当前状态不允许事件“${eventType}”：${JSON.stringify(stateValue)}`,
      en: `Event "${eventType}" is not allowed in state ${JSON.stringify(stateValue)}`,
    });
    this.name = 'TransitionRefusedError';
    this.eventType = eventType;
    this.stateValue = stateValue;
  }
}
