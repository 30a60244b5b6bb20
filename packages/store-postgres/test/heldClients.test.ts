import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { createPgExecutor } from '../src/index.js';
import { describeWithServer, pgUrl } from './support/server.js';

// Issue 19: statements outside transactions (the group commit's `append_batch`) run on connections the executor keeps
// checked out, so they are written at once instead of after every pending microtask (`pool.query` checks a
// connection out through process.nextTick).

/** Lets `n` microtasks run, never reaching the end of the microtask queue (so no `process.nextTick` runs). */
async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

const pools: pg.Pool[] = [];
const poolOf = (max: number): pg.Pool => {
  const pool = new pg.Pool({ connectionString: pgUrl, max });
  pools.push(pool);
  return pool;
};

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

describeWithServer('connections held for statements outside transactions', () => {
  it('should hand a statement to the connection before the pending microtasks run', async () => {
    const executor = createPgExecutor({ connectionString: pgUrl ?? '' });
    try {
      await executor.query('select 1');
      const sent = vi.spyOn(pg.Client.prototype, 'query');
      const pending = executor.query<{ n: number }>('select $1::int as n', [2], { name: 'banli_test_held' });
      await microtasks(50);
      // Through pool.query the statement waits for process.nextTick, after every microtask: 0 calls here.
      expect(sent).toHaveBeenCalledTimes(1);
      expect((await pending).rows).toEqual([{ n: 2 }]);
    } finally {
      await executor.close();
    }
  });

  it('should return a held connection to the pool on the next turn of the event loop and on close', async () => {
    const pool = poolOf(5);
    const executor = createPgExecutor({ pool });
    await executor.query('select 1');
    expect(pool.totalCount - pool.idleCount).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.idleCount).toBe(pool.totalCount);
    await executor.query('select 1');
    expect(pool.totalCount - pool.idleCount).toBe(1);
    await executor.close();
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('should not keep a pool ended without closing the executor waiting', async () => {
    const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
    const executor = createPgExecutor({ pool });
    await executor.query('select 1');
    await pool.end();
    expect(pool.totalCount).toBe(0);
  });

  it('should hold none from a pool of one connection, so transactions still run', async () => {
    const pool = poolOf(1);
    const executor = createPgExecutor({ pool });
    await executor.query('select 1');
    expect(pool.idleCount).toBe(pool.totalCount);
    expect(await executor.transaction(async (tx) => (await tx.query<{ n: number }>('select 3 as n')).rows)).toEqual([
      { n: 3 },
    ]);
    await executor.close();
  });

  it('should replace a connection the server closed', async () => {
    const pool = poolOf(5);
    const errors: Error[] = [];
    pool.on('error', (error) => errors.push(error));
    const executor = createPgExecutor({ pool });
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      const pid = async () => (await executor.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      const first = await pid();
      await admin.query('select pg_terminate_backend($1)', [first]);
      // The idle connection reports the termination as an 'error' event; give it time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = await pid();
      expect(second).toBeTypeOf('number');
      expect(second).not.toBe(first);
    } finally {
      await admin.end();
      await executor.close();
    }
  });
});
