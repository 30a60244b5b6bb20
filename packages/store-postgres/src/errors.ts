import type { Bilingual } from '@banli/schemas';
/** Codes of the errors this package throws itself (conflicts are the SDK's `ConcurrencyConflictError`). */
export type StoreErrorCode = 'STORE_CONFIG' | 'STORE_MIGRATION' | 'STORE_LOCKED';

/**
 * A store that cannot be set up: an invalid schema name, a database migrated by a newer release, or a PGlite data
 * directory another process holds (`STORE_LOCKED`).
 */
export class StoreSetupError extends Error {
  /** Stable machine-readable code. */
  readonly code: StoreErrorCode;
  /** The message in zh-CN and en. */
  readonly messages: Bilingual;

  constructor(code: StoreErrorCode, messages: Bilingual) {
    super(messages.en);
    this.name = 'StoreSetupError';
    this.code = code;
    this.messages = messages;
  }
}
