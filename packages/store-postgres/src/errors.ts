import type { Bilingual } from '@banli/sdk';

/** Codes of the errors this package throws itself (conflicts are the SDK's `ConcurrencyConflictError`). */
export type StoreErrorCode = 'STORE_CONFIG' | 'STORE_MIGRATION' | 'STORE_LOCKED' | 'STORE_DRIVER_MISSING';

/**
 * A store that cannot be set up: an invalid schema name, a database migrated by a newer release, a PGlite data
 * directory another process holds (`STORE_LOCKED`), or the driver it runs on not installed (`STORE_DRIVER_MISSING`:
 * `pg` and `@electric-sql/pglite` are optional peer dependencies; install the one you use).
 */
export class StoreSetupError extends Error {
  /** Stable machine-readable code. */
  readonly code: StoreErrorCode;
  /** The message in zh-CN and en. */
  readonly messages: Bilingual;

  constructor(code: StoreErrorCode, messages: Bilingual, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.name = 'StoreSetupError';
    this.code = code;
    this.messages = messages;
  }
}
