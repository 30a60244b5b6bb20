import type { PGlite } from '@electric-sql/pglite';
import { type DataDirLock, lockDataDir } from './dataDirLock.js';
import { loadPglite } from './drivers.js';
import type { SqlExecutor, SqlQueryable } from './executor.js';

/** The directory a `dataDir` names on the local file system, or `undefined` for memory and browser storage. */
function localDir(dataDir: string | undefined): string | undefined {
  if (dataDir === undefined || dataDir === '' || /^(memory|idb|opfs-ahp):\/\//.test(dataDir)) return undefined;
  return dataDir.startsWith('file://') ? dataDir.slice('file://'.length) : dataDir;
}

/** Where the embedded database lives: a directory (file-backed), `memory://` or nothing (in memory), or your own PGlite. */
export type PgliteConnection = { dataDir?: string } | { pglite: PGlite };

/**
 * Creates a query executor over PGlite (PostgreSQL compiled to WebAssembly); PGlite runs one statement at a time.
 * A data directory is locked for this process until `close()` (or the process's death): opening one that another
 * process holds throws `StoreSetupError` (`STORE_LOCKED`). Durability: PGlite survives a process crash but never
 * calls fsync, so an OS crash or power loss may lose recent commits; use PostgreSQL where that matters.
 * `@electric-sql/pglite` is an optional peer dependency: if it is not installed, this rejects with `StoreSetupError`
 * code `STORE_DRIVER_MISSING`.
 *
 * @example
 * ```ts
 * const executor = await createPgliteExecutor({ dataDir: './banli-data' });
 * ```
 */
export async function createPgliteExecutor(connection: PgliteConnection = {}): Promise<SqlExecutor> {
  const owned = !('pglite' in connection);
  const dir = 'pglite' in connection ? undefined : localDir(connection.dataDir);
  const lock: DataDirLock | undefined = dir === undefined ? undefined : await lockDataDir(dir);
  let db: PGlite;
  try {
    db = 'pglite' in connection ? connection.pglite : await (await loadPglite()).create(connection.dataDir);
  } catch (error) {
    await lock?.release();
    throw error;
  }
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
      try {
        if (owned && !db.closed) await db.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
