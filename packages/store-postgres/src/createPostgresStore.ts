import type { Store } from '@banli/sdk';
import { createPgExecutor, type PgConnection } from './pgExecutor.js';
import { createSqlStore, type SqlStoreOptions } from './sqlStore.js';

/** Options of `createPostgresStore`: a connection string (the store owns and closes its pool) or your own `pg` pool. */
export type PostgresStoreOptions = PgConnection & SqlStoreOptions;

/**
 * Creates a store on a PostgreSQL server, migrating its schema on start; safe for several processes at once.
 *
 * @example
 * ```ts
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL ?? '' });
 * const banli = createBanli({ store });
 * // Concurrent appends share one commit (group commit, on by default); tune or turn it off:
 * const unbatched = await createPostgresStore({ connectionString: process.env.DATABASE_URL ?? '', groupCommit: false });
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const executor = createPgExecutor(options);
  try {
    return await createSqlStore(executor, options);
  } catch (error) {
    await executor.close();
    throw error;
  }
}
