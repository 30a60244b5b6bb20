import { type Bilingual, BilingualError } from '@banli/sdk';

/** Codes of the errors this package throws itself (conflicts are the SDK's `ConcurrencyConflictError`). */
export type StoreErrorCode = 'STORE_CONFIG' | 'STORE_MIGRATION' | 'STORE_LOCKED' | 'STORE_DRIVER_MISSING';

/**
 * A store that cannot be set up: an invalid schema name, a database migrated by a newer release, a PGlite data
 * directory another process holds (`STORE_LOCKED`), or the driver it runs on not installed (`STORE_DRIVER_MISSING`:
 * `pg` and `@electric-sql/pglite` are optional peer dependencies; install the one you use).
 */
export class StoreSetupError extends BilingualError<StoreErrorCode> {
  constructor(code: StoreErrorCode, messages: Bilingual, options?: { cause?: unknown }) {
    super(code, messages, options);
    this.name = 'StoreSetupError';
  }
}
