import type { Store } from '@banli/sdk';
import { createPgliteExecutor, type PgliteConnection } from './pgliteExecutor.js';
import { createSqlStore, type SqlStoreOptions } from './sqlStore.js';

/** Options of `createPgliteStore`: a data directory (omit it for in-memory) or your own PGlite instance. */
export type PgliteStoreOptions = PgliteConnection & SqlStoreOptions;

/**
 * Creates a store on embedded PGlite (no server, no native build), file-backed when given a `dataDir`.
 *
 * @example
 * ```ts
 * const store = await createPgliteStore({ dataDir: './banli-data' });
 * const banli = createBanli({ store });
 * ```
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<Store> {
  const executor = await createPgliteExecutor(options);
  try {
    return await createSqlStore(executor, options);
  } catch (error) {
    await executor.close();
    throw error;
  }
}
