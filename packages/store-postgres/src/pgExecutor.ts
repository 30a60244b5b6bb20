import pg from 'pg';
import type { QueryOptions, SqlExecutor, SqlQueryable } from './executor.js';

/** How to reach a PostgreSQL server: a connection string (the executor owns its pool) or your own pool. */
export type PgConnection = { connectionString: string; max?: number } | { pool: pg.Pool };

/**
 * Creates a query executor over a `pg` pool; each transaction runs on one pooled client.
 *
 * @example
 * ```ts
 * const executor = createPgExecutor({ connectionString: 'postgres://localhost/banli' });
 * ```
 */
export function createPgExecutor(connection: PgConnection): SqlExecutor {
  const owned = !('pool' in connection);
  const pool =
    'pool' in connection
      ? connection.pool
      : new pg.Pool({ connectionString: connection.connectionString, max: connection.max ?? 10 });
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
  return {
    query: (sql, params, options) => run(pool, sql, params, options),
    async transaction(fn) {
      const client = await pool.connect();
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
      if (owned) await pool.end();
    },
  };
}
