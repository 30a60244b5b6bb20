import type { AppendRequest } from '@banli/sdk';
import { storeFixtures } from '@banli/sdk/store-contract';
import { describe, expect, it } from 'vitest';
import { createAppender } from '../src/append.js';
import type { SqlQueryable } from '../src/executor.js';
import { tablesIn } from '../src/tables.js';

// Issue 19: which appends share a group-commit batch, counted on a fake server (no timing). Callers of an in-process
// application compute their next command in microtasks after their append settles; the appender holds the next batch
// while those callers are still expected, so batches do not alternate 1 / 15 at 16 callers.

/** A server that answers each `append_batch` on a later turn of the event loop (as a socket would). */
function fakeServer() {
  const batches: number[] = [];
  const db: SqlQueryable = {
    async query<R>(_sql: string, params?: readonly unknown[]) {
      const payloads = JSON.parse(String(params?.[0])) as { version: number }[];
      batches.push(payloads.length);
      await new Promise((resolve) => setImmediate(resolve));
      return { rows: [{ outcomes: payloads.map(({ version }) => ({ version })) }] as R[] };
    },
  };
  return { db, batches };
}

const appenderOn = (db: SqlQueryable, maxBatch = 64) =>
  createAppender(db, tablesIn('banli'), { maxBatch, inFlight: 1 });

/** Lets `n` microtasks run (a command computed without I/O). */
async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/** `callers` callers, each appending `commands` times to its own stream, computing 30 microtasks between appends. */
async function run(append: (request: AppendRequest) => Promise<unknown>, callers: number, commands: number) {
  await Promise.all(
    Array.from({ length: callers }, async (_, c) => {
      for (let v = 0; v < commands; v++) {
        await microtasks(30);
        await append(storeFixtures.append(`s${c}`, v));
      }
    }),
  );
}

describe('group-commit batch shape', () => {
  it('should split 16 callers that compute between appends into two batches of 8, not 1 and 15', async () => {
    const { db, batches } = fakeServer();
    await run(appenderOn(db).append, 16, 12);
    // All 16 start at once: the first is written alone, the other 15 gather meanwhile. When those 15 settle, the next
    // batch waits for half of the callers it woke (the old code sent the one queued meanwhile alone: 1, 15, 1, 15).
    expect(batches.slice(0, 2)).toEqual([1, 15]);
    expect(new Set(batches.slice(2, -1))).toEqual(new Set([8]));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(16 * 12);
  });

  it('should write a lone caller’s append at once, before the end of the microtask queue', async () => {
    const { db, batches } = fakeServer();
    const { append } = appenderOn(db);
    await append(storeFixtures.append('one', 0));
    // Its caller comes back from the settled append: nothing else is expected, so nothing waits.
    const second = append(storeFixtures.append('one', 1));
    await microtasks(5);
    expect(batches).toEqual([1, 1]);
    await second;
  });

  it('should wait for woken callers that do not append again no longer than the microtask queue runs', async () => {
    const { db, batches } = fakeServer();
    const { append } = appenderOn(db);
    const a = append(storeFixtures.append('a', 0));
    const bc = Promise.all(['b', 'c'].map((id) => append(storeFixtures.append(id, 0))));
    await a;
    await microtasks(10);
    // 'b' and 'c' are being written; 'd' is queued meanwhile. Their callers stop once woken.
    const d = append(storeFixtures.append('d', 0));
    let sentBeforeNextTurn: number[] | undefined;
    await bc.then(() => {
      // Woken: the two are expected back, so 'd' may wait while they run, but not past this run of microtasks.
      setImmediate(() => {
        sentBeforeNextTurn = [...batches];
      });
    });
    await d;
    expect(batches).toEqual([1, 2, 1]);
    expect(sentBeforeNextTurn).toEqual([1, 2, 1]);
  });
});
