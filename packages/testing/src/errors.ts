import type { Bilingual } from '@banli/schemas';

/** Error codes of @banli/testing. */
export type TestingErrorCode = 'SCENARIO_FAILED' | 'UNKNOWN_ACTOR' | 'INVALID_SIMULATION' | 'ENGINES_DISAGREE';

/** A typed error with a stable `code` and a message in zh-CN and en. */
export class BanliTestingError extends Error {
  /** The stable error code. */
  readonly code: TestingErrorCode;
  /** The message in both locales. */
  readonly messages: Bilingual;

  constructor(code: TestingErrorCode, messages: Bilingual) {
    super(messages.en);
    this.name = 'BanliTestingError';
    this.code = code;
    this.messages = messages;
  }
}
