import { fixtureAppend as appendOf, fixtureSnapshot, fixtureSummary, fixtureTransitions } from './contractFixtures.js';
import { defineAppendAllContract } from './contractMerge.js';
import { defineOutboxContract } from './contractOutbox.js';
import { definePartialAppendContract } from './contractPartial.js';
import { defineSchedulingContract } from './contractScheduling.js';
import type { AppendRequest, Store } from './port.js';

/** The assertions the contract suite uses; vitest's and jest's `expect` satisfy it. */
export interface ContractAssertion {
  toEqual(expected: unknown): void;
  toBe(expected: unknown): void;
  toBeUndefined(): void;
  toHaveLength(length: number): void;
}

/** The test functions the contract suite is defined with (pass vitest's), so the SDK has no runtime test dependency. */
export interface ContractTestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>) => void;
  expect: (actual: unknown) => ContractAssertion;
}

/** Builds a store for one test: each test gets a fresh, empty store. */
export type StoreFactory = () => Promise<Store>;

/** Runs `fn` with a fresh store and closes it afterwards. */
async function withStore(makeStore: StoreFactory, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await fn(store);
  } finally {
    await store.close?.();
  }
}

/** Awaits a promise that must reject and returns its error (a conflict error exposes `code` and `reason`). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; reason?: string };
  }
  throw new Error('expected the promise to reject');
}

/**
 * Defines the store contract suite: every store adapter must pass it.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import { createMemoryStore } from '@banli/sdk';
 * import { defineStoreContract } from '@banli/sdk/store-contract';
 * defineStoreContract('memory', async () => createMemoryStore(), { describe, it, expect });
 * ```
 */
export function defineStoreContract(name: string, makeStore: StoreFactory, api: ContractTestApi): void {
  const { describe, it, expect } = api;
  const run = (fn: (store: Store) => Promise<void>) => () => withStore(makeStore, fn);

  describe(`store contract: ${name}`, () => {
    it(
      'should create a stream at version 1 and read it back as JSON',
      run(async (store) => {
        const request = appendOf('p1', 0);
        expect(await store.append(request)).toEqual({ version: 1 });
        expect(await store.readStream('p1')).toEqual(request.events);
        expect(await store.getSummary('p1')).toEqual(request.summary);
      }),
    );

    it(
      "should keep each entry's logged transitions, and read an entry logged without them without them",
      run(async (store) => {
        const request = appendOf('p1', 0, 3);
        const [withTransitions, none] = request.events;
        if (withTransitions) withTransitions.transitions = fixtureTransitions();
        if (none) none.transitions = [];
        expect(await store.append(request)).toEqual({ version: 3 });
        const read = await store.readStream('p1');
        expect(read).toEqual(request.events);
        expect(read.map((e) => (e.transitions === undefined ? 'unknown' : e.transitions.length))).toEqual([
          2,
          0,
          'unknown',
        ]);
        expect((await store.load('p1'))?.events.map((e) => e.transitions)).toEqual(read.map((e) => e.transitions));
      }),
    );

    it(
      'should return nothing for an unknown stream',
      run(async (store) => {
        expect(await store.load('nope')).toBeUndefined();
        expect(await store.readStream('nope')).toEqual([]);
        expect(await store.getSummary('nope')).toBeUndefined();
        expect(await store.listDeadlines('nope')).toEqual([]);
      }),
    );

    it(
      'should append several events in order and page through them',
      run(async (store) => {
        await store.append(appendOf('p1', 0, 2));
        await store.append(appendOf('p1', 2, 3));
        const all = await store.readStream('p1');
        expect(all.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
        const page = await store.readStream('p1', { afterVersion: 1, limit: 2 });
        expect(page.map((e) => e.version)).toEqual([2, 3]);
      }),
    );

    it(
      'should refuse a stale expectedVersion and write nothing',
      run(async (store) => {
        await store.append(appendOf('p1', 0, 2));
        const error = await rejectionOf(store.append(appendOf('p1', 1, 1, { summary: fixtureSummary('p1', 9) })));
        expect(error.code).toBe('CONCURRENCY_CONFLICT');
        expect(error.reason).toBe('version');
        expect((await store.readStream('p1')).length).toBe(2);
        expect((await store.getSummary('p1'))?.version).toBe(2);
      }),
    );

    it(
      'should refuse an expectedVersion ahead of the stream (events 1, 2, then 6) and write nothing',
      run(async (store) => {
        await store.append(appendOf('p1', 0, 2));
        for (const ahead of [3, 5]) {
          const error = await rejectionOf(store.append(appendOf('p1', ahead, 1, { summary: fixtureSummary('p1', 9) })));
          expect(error.code).toBe('CONCURRENCY_CONFLICT');
          expect(error.reason).toBe('version');
        }
        expect((await store.readStream('p1')).map((e) => e.version)).toEqual([1, 2]);
        expect((await store.getSummary('p1'))?.version).toBe(2);
        expect(await store.append(appendOf('p1', 2))).toEqual({ version: 3 });
      }),
    );

    it(
      'should refuse to start a missing stream past version 0 (a gap before its first event) and write nothing',
      run(async (store) => {
        const error = await rejectionOf(store.append(appendOf('p1', 3, 2)));
        expect(error.code).toBe('CONCURRENCY_CONFLICT');
        expect(error.reason).toBe('version');
        expect(await store.readStream('p1')).toEqual([]);
        expect(await store.getSummary('p1')).toBeUndefined();
        expect(await store.load('p1')).toBeUndefined();
      }),
    );

    it(
      'should refuse to create a stream that exists',
      run(async (store) => {
        await store.append(appendOf('p1', 0));
        const error = await rejectionOf(store.append(appendOf('p1', 0)));
        expect(error.reason).toBe('version');
        expect((await store.readStream('p1')).length).toBe(1);
      }),
    );

    it(
      'should let exactly one of two concurrent appends at the same version win',
      run(async (store) => {
        await store.append(appendOf('p1', 0));
        const results = await Promise.allSettled([store.append(appendOf('p1', 1)), store.append(appendOf('p1', 1))]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.readStream('p1')).length).toBe(2);
      }),
    );

    it(
      'should refuse events whose versions do not follow expectedVersion',
      run(async (store) => {
        const bad = appendOf('p1', 0, 1, { events: [{ ...appendOf('p1', 0).events[0], version: 3 } as never] });
        await rejectionOf(store.append(bad as AppendRequest));
        expect(await store.readStream('p1')).toEqual([]);
      }),
    );

    it(
      'should load the latest snapshot plus the events after it',
      run(async (store) => {
        await store.append(appendOf('p1', 0, 2, { snapshot: fixtureSnapshot('p1', 2) }));
        await store.append(appendOf('p1', 2, 1, { snapshot: fixtureSnapshot('p1', 3) }));
        await store.append(appendOf('p1', 3, 2));
        const loaded = await store.load('p1');
        expect(loaded?.version).toBe(5);
        expect(loaded?.snapshot).toEqual(fixtureSnapshot('p1', 3));
        expect(loaded?.events.map((e) => e.version)).toEqual([4, 5]);
      }),
    );

    it(
      'should load every event when no snapshot was written',
      run(async (store) => {
        await store.append(appendOf('p1', 0, 3));
        const loaded = await store.load('p1');
        expect(loaded?.snapshot).toBeUndefined();
        expect(loaded?.events.map((e) => e.version)).toEqual([1, 2, 3]);
      }),
    );

    it(
      'should store and return the idempotency record with the stream and its new version',
      run(async (store) => {
        const idempotency = { key: 'k1', fingerprint: 'f', result: { ok: true, ids: ['a'] } };
        await store.append(appendOf('p1', 0, 2, { idempotency }));
        expect(await store.getIdempotency('k1')).toEqual({ ...idempotency, streamId: 'p1', version: 2 });
        expect(await store.getIdempotency('k2')).toBeUndefined();
      }),
    );

    it(
      'should refuse a taken idempotency key and write nothing',
      run(async (store) => {
        await store.append(appendOf('p1', 0, 1, { idempotency: { key: 'k1', fingerprint: 'f', result: 1 } }));
        const again = appendOf('p2', 0, 1, { idempotency: { key: 'k1', fingerprint: 'g', result: 2 } });
        const error = await rejectionOf(store.append(again));
        expect(error.reason).toBe('idempotencyKey');
        expect(await store.load('p2')).toBeUndefined();
        expect((await store.getIdempotency('k1'))?.streamId).toBe('p1');
      }),
    );

    it(
      'should keep calendar years added at run time, idempotently, in the order saved',
      run(async (store) => {
        const year = (y: number) => ({
          year: y,
          source: `notice ${y}`,
          holidays: [
            {
              name: 'newYear',
              label: { 'zh-CN': '元旦', en: "New Year's Day" },
              start: `${y}-01-01`,
              end: `${y}-01-01`,
            },
          ],
          makeUpWorkdays: [],
        });
        const record = (y: number, version: string, basedOn: string) => ({
          calendarId: 'cn-mainland',
          version,
          basedOn,
          year: y,
          data: year(y),
          source: `notice ${y}`,
          savedAt: 1,
        });
        expect(await store.listCalendarYears?.('cn-mainland')).toEqual([]);
        await store.saveCalendarYear?.(record(2027, '2026.1+2027', '2026.1'));
        await store.saveCalendarYear?.({ ...record(2027, '2026.1+2027', '2026.1'), savedAt: 2 }); // the same again
        await store.saveCalendarYear?.(record(2028, '2026.1+2027+2028', '2026.1+2027'));
        await store.saveCalendarYear?.({ ...record(2029, 'x', 'y'), calendarId: 'other' });
        expect(await store.listCalendarYears?.('cn-mainland')).toEqual([
          record(2027, '2026.1+2027', '2026.1'),
          record(2028, '2026.1+2027+2028', '2026.1+2027'),
        ]);
        const error = await rejectionOf(
          Promise.resolve(store.saveCalendarYear?.({ ...record(2027, '2026.1+2027', '2026.1'), source: 'other' })),
        );
        expect(error.reason).toBe('calendarYear');
        expect((await store.listCalendarYears?.('cn-mainland'))?.[0]?.source).toBe('notice 2027');
      }),
    );

    defineAppendAllContract({ describe, it, expect }, run);
    defineSchedulingContract({ describe, it, expect }, run);
    defineOutboxContract({ describe, it, expect }, run);
    definePartialAppendContract({ describe, it, expect }, run);
  });
}
