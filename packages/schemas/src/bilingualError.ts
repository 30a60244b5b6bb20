import type { Bilingual } from './label.js';

/**
 * The one base class of banli's errors: a stable machine-readable `code`, the message in zh-CN and en (`messages`),
 * `message` = the English one, and the `cause` when one is given. Every package's errors extend it
 * (`CalendarError`, `BanliCoreError`, `BanliError` and the SDK's errors, `StoreSetupError`, the server's
 * `HttpProblem`, {@link DocNumberError}, {@link BanliValidationError}), so `error instanceof BilingualError` is the
 * one answer to "is this a banli error with a message in both languages".
 *
 * A subclass sets its own `name` at the end of its constructor, after its own fields: the fields then come in the
 * order the class declares them, with `name` last, in `JSON.stringify` and `console.log` output.
 *
 * @example
 * ```ts
 * class QuotaError extends BilingualError<'QUOTA'> {
 *   constructor() {
 *     super('QUOTA', { 'zh-CN': '超出配额', en: 'Quota exceeded' });
 *     this.name = 'QuotaError';
 *   }
 * }
 * const error = new QuotaError();
 * error instanceof BilingualError; // true
 * error.messages['zh-CN']; // '超出配额'
 * error.message; // 'Quota exceeded'
 * ```
 */
export class BilingualError<Code extends string = string> extends Error {
  /** Stable machine-readable code, e.g. `calendar_coverage` or `VALIDATION`. */
  readonly code: Code;
  /** The message in Simplified Chinese and English; `message` is the English one. */
  readonly messages: Bilingual;

  constructor(code: Code, messages: Bilingual, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.code = code;
    this.messages = messages;
  }
}

// The name of a BilingualError made directly, on the prototype as for the built-in errors (subclasses name themselves).
Object.defineProperty(BilingualError.prototype, 'name', {
  value: 'BilingualError',
  writable: true,
  configurable: true,
});
