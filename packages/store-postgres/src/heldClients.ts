import type pg from 'pg';

/** Connections an executor keeps checked out of its pool for statements outside transactions. */
export interface HeldClients {
  /**
   * Runs `use` on a held connection (checking one out while fewer than the limit are held), or resolves to
   * `undefined` without running it when every held connection is busy and no more may be held.
   */
  run<T>(use: (client: pg.PoolClient) => Promise<T>): Promise<{ value: T } | undefined>;
  /** Returns the idle held connections to the pool now, and each busy one when its statement settles; holds no more. */
  release(): void;
}

/** The most connections a pool opens (`pg`'s default is 10). */
const maxOf = (pool: pg.Pool): number => (pool.options as { max?: number }).max ?? 10;

interface Held {
  client: pg.PoolClient;
  onError: (error: Error) => void;
}

/**
 * Keeps up to `limit` connections checked out of `pool` (at most its `max` less one, so a transaction always finds
 * one) while microtasks run, so a statement outside a transaction is written to the socket in the same microtask that
 * issues it. `pool.query` checks a connection out through `process.nextTick`, which runs only once the microtask queue
 * is empty: when a group-commit batch settles and wakes many callers, their commands run one after another in
 * microtasks, and a batch started meanwhile reached the server only after all of them. A connection left idle is
 * returned to the pool on the event loop's next turn (`setImmediate`), so a pool ended without closing the executor
 * is not kept waiting. A held connection whose statement fails, or that reports an error while idle (the server
 * closed it), is returned to the pool as broken (the pool closes it); the next statement checks out another.
 */
export function createHeldClients(pool: () => Promise<pg.Pool>, limit: number): HeldClients {
  const idle: Held[] = [];
  let count = 0;
  let released = false;
  let sweepScheduled = false;
  const returnIdleLater = (): void => {
    if (sweepScheduled) return;
    sweepScheduled = true;
    setImmediate(() => {
      sweepScheduled = false;
      for (const held of [...idle]) giveBack(held);
    });
  };
  const giveBack = (held: Held, error?: Error): void => {
    const i = idle.indexOf(held);
    if (i >= 0) idle.splice(i, 1);
    count--;
    held.client.removeListener('error', held.onError);
    held.client.release(error);
  };
  const checkOut = async (from: pg.Pool): Promise<Held> => {
    count++;
    let client: pg.PoolClient;
    try {
      client = await from.connect();
    } catch (error) {
      count--;
      throw error;
    }
    // Checked out, a client's 'error' events are its holder's to handle: unhandled, one would end the process.
    const held: Held = {
      client,
      onError: (error) => {
        if (idle.includes(held)) giveBack(held, error);
      },
    };
    client.on('error', held.onError);
    return held;
  };
  return {
    async run(use) {
      const from = await pool();
      let held = idle.pop();
      if (held === undefined) {
        if (released || count >= Math.min(limit, maxOf(from) - 1)) return undefined;
        held = await checkOut(from);
      }
      let value: Awaited<ReturnType<typeof use>>;
      try {
        value = await use(held.client);
      } catch (error) {
        giveBack(held, error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      if (released) giveBack(held);
      else {
        idle.push(held);
        returnIdleLater();
      }
      return { value };
    },
    release() {
      released = true;
      for (const held of [...idle]) giveBack(held);
    },
  };
}
