import type pg from 'pg';
import { loadPg } from './drivers.js';
import type { QueryOptions, SqlExecutor, SqlQueryable } from './executor.js';
import { createHeldClients } from './heldClients.js';

/** How many pooled connections the executor keeps checked out for statements outside transactions, at most. */
const HELD_CONNECTIONS = 2;

/** An owned pool's idle-connection failures need a listener and no action (see `createPgExecutor`). */
const ignoreIdleConnectionError = (): void => {};

/** How to reach a PostgreSQL server: a connection string (the executor owns its pool) or your own pool. */
export type PgConnection = { connectionString: string; max?: number } | { pool: pg.Pool };

/**
 * Creates a query executor over a `pg` pool; each transaction runs on one pooled client. A statement outside a
 * transaction runs on a connection the executor keeps checked out while microtasks run (up to two, at most the
 * pool's `max` less one; idle ones go back to the pool on the event loop's next turn, and on `close()`), or through
 * the pool while those are busy. On a held connection a statement is written at once, where `pool.query` first waits
 * for every pending microtask (a group-commit batch started while callers woken by the last commit run their commands
 * reached the server only after all of them). `pg` is an optional peer
 * dependency, loaded on the first query when a connection string is given: if it is not installed, that query (and
 * so `createPostgresStore`) rejects with `StoreSetupError` code `STORE_DRIVER_MISSING`. A pool the executor makes
 * itself listens for its idle connections' failures (a server restart no longer ends the process); a pool you pass
 * is yours to give an `'error'` listener, as `pg` asks of every pool.
 *
 * @example
 * ```ts
 * const executor = createPgExecutor({ connectionString: 'postgres://localhost/banli' });
 * ```
 */
export function createPgExecutor(connection: PgConnection): SqlExecutor {
  const owned = !('pool' in connection);
  let pool: pg.Pool | undefined = 'pool' in connection ? connection.pool : undefined;
  let loading: Promise<pg.Pool> | undefined;
  const poolOf = async (): Promise<pg.Pool> => {
    if (pool) return pool;
    const { connectionString, max } = connection as { connectionString: string; max?: number };
    loading ??= loadPg().then((driver) => {
      const made = new driver.Pool({ connectionString, max: max ?? 10 });
      // When an idle connection fails (the server restarted, or ended the backend), the pool drops it and emits
      // 'error'; with no listener that event would end the process. Nothing is lost: the next statement opens a new
      // connection, and a statement that fails still rejects.
      made.on('error', ignoreIdleConnectionError);
      return made;
    });
    pool = await loading;
    return pool;
  };
  const run = async <R>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ) => {
    const values = params as unknown[] | undefined;
    // A named statement is parsed and planned once per connection, then only bound and executed.
    const result = options?.name
      ? await client.query({ name: options.name, text: sql, values })
      : await client.query(sql, values);
    return { rows: result.rows as R[] };
  };
  const held = createHeldClients(poolOf, HELD_CONNECTIONS);
  return {
    async query<R>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const onHeld = await held.run((client) => run<R>(client, sql, params, options));
      return onHeld ? onHeld.value : run<R>(await poolOf(), sql, params, options);
    },
    async transaction(fn) {
      const client = await (await poolOf()).connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const tx: SqlQueryable = { query: (sql, params, options) => run(client, sql, params, options) };
        const value = await fn(tx);
        await client.query('commit');
        return value;
      } catch (error) {
        // A failed rollback means the connection is unusable: destroy it instead of returning it to the pool.
        await client.query('rollback').catch((e: Error) => {
          broken = e;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      held.release();
      if (!owned) return;
      // A pool still being made is ended once made; one never made (or whose driver is missing) has nothing to end.
      const made = pool ?? (await loading?.catch(() => undefined));
      await made?.end();
    },
  };
}
