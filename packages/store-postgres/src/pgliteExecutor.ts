import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable } from './executor.js';

/** Where the embedded database lives: a directory (file-backed), `memory://` or nothing (in memory), or your own PGlite. */
export type PgliteConnection = { dataDir?: string } | { pglite: PGlite };

/**
 * Creates a query executor over PGlite (PostgreSQL compiled to WebAssembly); PGlite runs one statement at a time.
 *
 * @example
 * ```ts
 * const executor = await createPgliteExecutor({ dataDir: './banli-data' });
 * ```
 */
export async function createPgliteExecutor(connection: PgliteConnection = {}): Promise<SqlExecutor> {
  const owned = !('pglite' in connection);
  const db = 'pglite' in connection ? connection.pglite : await PGlite.create(connection.dataDir);
  const queryable = (target: Pick<PGlite, 'query'>): SqlQueryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<R>(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
  });
  return {
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    async close() {
      if (owned && !db.closed) await db.close();
    },
  };
}
