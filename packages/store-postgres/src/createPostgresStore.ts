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
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const executor = createPgExecutor(options);
  try {
    // Two batches in flight on a server: one runs while the other waits for its WAL flush.
    const { groupCommit } = options;
    return await createSqlStore(executor, {
      ...options,
      groupCommit: groupCommit === false ? false : { ...groupCommit, inFlight: groupCommit?.inFlight ?? 2 },
    });
  } catch (error) {
    await executor.close();
    throw error;
  }
}
