import { type AppendRequest, ConcurrencyConflictError, type Store } from '@banli/sdk';
import { storeFixtures } from '@banli/sdk/store-contract';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPgExecutor,
  createPgliteExecutor,
  createSqlStore,
  type SqlExecutor,
  type SqlStoreOptions,
} from '../src/index.js';

const { append: appendOf, deadline: fixtureDeadline, summary: fixtureSummary } = storeFixtures;

import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

/** Wraps an executor to count the append statements (one per batch) it runs. */
function counting(inner: SqlExecutor) {
  const counter = { batches: 0 };
  const executor: SqlExecutor = {
    query(sql, params, options) {
      if (sql.includes('append_batch')) counter.batches++;
      return inner.query(sql, params, options);
    },
    transaction: (fn) => inner.transaction(fn),
    close: () => inner.close(),
  };
  return { executor, counter };
}

interface Opened {
  store: Store;
  counter: { batches: number };
  /** Reads through another connection than the store's (PGlite has only one). */
  read: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  schema: string;
}

type Open = (options?: SqlStoreOptions) => Promise<Opened>;

const settle = (promises: Promise<unknown>[]) => Promise.allSettled(promises);
const conflictOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' && r.reason instanceof ConcurrencyConflictError ? r.reason : undefined;
const noted = (streamId: string, expectedVersion: number, note: string, patch: Partial<AppendRequest> = {}) => {
  const request = appendOf(streamId, expectedVersion, 1, patch);
  const [event] = request.events;
  return { ...request, events: [{ ...event, event: { ...event?.event, note } }] } as AppendRequest;
};

function groupCommitTests(open: Open) {
  it('should write many concurrent appends to distinct streams in few statements, each settled after its commit', async () => {
    const { store, counter, read, schema } = await open();
    const ids = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const seen: number[] = [];
    const results = await Promise.all(
      ids.map(async (id) => {
        const result = await store.append(appendOf(id, 0, 2));
        // Resolved means committed: another connection already sees the stream at its new version.
        const rows = await read(`select version from "${schema}".streams where stream_id = $1`, [id]);
        seen.push(Number(rows[0]?.version));
        return result;
      }),
    );
    expect(results).toEqual(ids.map(() => ({ version: 2 })));
    expect(seen).toEqual(ids.map(() => 2));
    // The first append is written alone at once; the 19 queued meanwhile share the next statement.
    expect(counter.batches).toBe(2);
    for (const id of ids) expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2]);
    await store.close?.();
  });

  it('should write no more than maxBatch appends per statement', async () => {
    const { store, counter } = await open({ groupCommit: { maxBatch: 5 } });
    await Promise.all(Array.from({ length: 21 }, (_, i) => store.append(appendOf(`m${i}`, 0))));
    expect(counter.batches).toBe(5);
    expect(await store.queryStreams()).toHaveLength(21);
    await store.close?.();
  });

  it('should write each append alone with groupCommit: false', async () => {
    const { store, counter } = await open({ groupCommit: false });
    await Promise.all(Array.from({ length: 6 }, (_, i) => store.append(appendOf(`f${i}`, 0))));
    expect(counter.batches).toBe(6);
    expect(await store.queryStreams()).toHaveLength(6);
    await store.close?.();
  });

  it('should let exactly one of many concurrent appends at the same version win and write nothing of the others', async () => {
    const { store } = await open();
    await store.append(appendOf('p1', 0));
    const notes = Array.from({ length: 8 }, (_, i) => `racer-${i}`);
    const results = await settle(notes.map((note) => store.append(noted('p1', 1, note))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const conflicts = results.map(conflictOf).filter((c) => c !== undefined);
    expect(conflicts).toHaveLength(7);
    for (const c of conflicts) expect([c.reason, c.expectedVersion, c.actualVersion]).toEqual(['version', 1, 2]);
    const log = await store.readStream('p1');
    expect(log.map((e) => e.version)).toEqual([1, 2]);
    const winner = notes[results.findIndex((r) => r.status === 'fulfilled')];
    expect(log[1]?.event.note).toBe(winner);
    expect((await store.getSummary('p1'))?.version).toBe(2);
    await store.close?.();
  });

  it('should keep one winner per version and every other stream with two batches in flight', async () => {
    const { store } = await open({ groupCommit: { maxBatch: 4, inFlight: 2 } });
    await store.append(appendOf('p1', 0));
    const racers = Array.from({ length: 8 }, (_, i) => store.append(noted('p1', 1, `racer-${i}`)));
    const others = Array.from({ length: 16 }, (_, i) => store.append(appendOf(`o${i}`, 0, 2)));
    const results = await settle(racers);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.map(conflictOf).filter((c) => c?.reason === 'version')).toHaveLength(7);
    expect(await Promise.all(others)).toEqual(others.map(() => ({ version: 2 })));
    expect((await store.readStream('p1')).map((e) => e.version)).toEqual([1, 2]);
    expect(await store.queryStreams()).toHaveLength(17);
    await store.close?.();
  });

  it('should apply appends to one stream in one batch in call order: the next sees the previous, a stale one conflicts', async () => {
    const { store, counter } = await open();
    const first = store.append(appendOf('other', 0)); // written alone; the next four queue behind it
    const results = await settle([
      store.append(noted('p1', 0, 'one')),
      store.append(noted('p1', 1, 'two')),
      store.append(noted('p1', 1, 'stale')),
      store.append(noted('p2', 0, 'p2')),
    ]);
    await first;
    expect(counter.batches).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : conflictOf(r)?.reason))).toEqual([
      { version: 1 },
      { version: 2 },
      'version',
      { version: 1 },
    ]);
    expect((await store.readStream('p1')).map((e) => e.event.note)).toEqual(['one', 'two']);
    await store.close?.();
  });

  it('should refuse only the append of a batch whose idempotency key is taken', async () => {
    const { store, counter } = await open();
    const key = (k: string) => ({ idempotency: { key: k, fingerprint: k, result: { k } } });
    const first = store.append(appendOf('before', 0, 1, key('k0')));
    const results = await settle([
      store.append(appendOf('a', 0, 1, key('k1'))),
      store.append(appendOf('b', 0, 1, key('k1'))),
      store.append(appendOf('c', 0, 1, key('k0'))),
      store.append(appendOf('d', 0)),
    ]);
    await first;
    expect(counter.batches).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : conflictOf(r)?.reason))).toEqual([
      'ok',
      'idempotencyKey',
      'idempotencyKey',
      'ok',
    ]);
    expect(await store.load('b')).toBeUndefined();
    expect(await store.load('c')).toBeUndefined();
    expect((await store.getIdempotency('k1'))?.streamId).toBe('a');
    expect((await store.getIdempotency('k0'))?.streamId).toBe('before');
    expect((await store.load('d'))?.version).toBe(1);
    await store.close?.();
  });

  it('should refuse only the append of a batch that fires an already fired deadline', async () => {
    const { store } = await open();
    const deadline = fixtureDeadline('a', 'reply', '2023-06-30');
    await store.append(appendOf('a', 0, 1, { deadlines: [deadline] }));
    await store.markDeadlinesFired([deadline], 1);
    const fired = { firedDeadlines: [{ streamId: 'a', deadlineId: 'reply', due: '2023-06-30' }] };
    const results = await settle([store.append(appendOf('a', 1, 1, fired)), store.append(appendOf('b', 0))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : conflictOf(r)?.reason))).toEqual([
      'deadlineFired',
      'ok',
    ]);
    expect((await store.load('a'))?.version).toBe(1);
    await store.close?.();
  });

  it('should reject with its database error only an append the database refuses, writing none of it', async () => {
    const { store, counter } = await open();
    await store.append(appendOf('bad', 0));
    const first = store.append(appendOf('x', 0));
    // A status outside the table's check constraint fails after the append's summary and events were written.
    const bogus = appendOf('bad', 1, 1, {
      deadlines: [fixtureDeadline('bad', 'reply', '2023-06-30', { status: 'bogus' as never })],
    });
    const results = await settle([
      store.append(appendOf('a', 0)),
      store.append(bogus),
      store.append(appendOf('bad', 1, 1, { summary: fixtureSummary('bad', 2, { state: 'next' }) })),
    ]);
    await first;
    expect(counter.batches).toBe(2);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { version: 1 } });
    expect(results[1]?.status).toBe('rejected');
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23514' });
    // The refused append left nothing behind, so the next append at the same version went through.
    expect(results[2]).toEqual({ status: 'fulfilled', value: { version: 2 } });
    expect((await store.readStream('bad')).length).toBe(2);
    expect((await store.getSummary('bad'))?.state).toBe('next');
    expect(await store.listDeadlines('bad')).toEqual([]);
    await store.close?.();
  });

  it('should retry each append alone when the database refuses the whole batch, so only the faulty one fails', async () => {
    const { store, counter } = await open();
    const first = store.append(appendOf('x', 0));
    // jsonb refuses the NUL character: the whole batch's parameter fails to parse.
    const nul = appendOf('nul', 0, 1, { summary: fixtureSummary('nul', 1, { state: 'bad\u0000state' }) });
    const results = await settle([store.append(appendOf('a', 0)), store.append(nul), store.append(appendOf('z', 0))]);
    await first;
    expect(counter.batches).toBe(5);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^22/) });
    expect(await store.load('nul')).toBeUndefined();
    expect((await store.queryStreams()).map((s) => s.streamId)).toEqual(['a', 'x', 'z']);
    await store.close?.();
  });

  it('should finish queued appends before closing', async () => {
    const { store, read, schema } = await open();
    const pending = Array.from({ length: 5 }, (_, i) => store.append(appendOf(`q${i}`, 0)));
    await store.close?.();
    expect(await Promise.all(pending)).toEqual(pending.map(() => ({ version: 1 })));
    const rows = await read(`select count(*)::int as n from "${schema}".streams`);
    expect(rows[0]?.n).toBe(5);
  });
}

describeWithServer('group commit on PostgreSQL', () => {
  const schemas: string[] = [];
  const reader = new pg.Pool({ connectionString: pgUrl, max: 2 });
  afterAll(async () => {
    await reader.end();
    for (const s of schemas) await dropSchema(s);
  });
  groupCommitTests(async (options) => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const { executor, counter } = counting(createPgExecutor({ connectionString: pgUrl ?? '', max: 4 }));
    const store = await createSqlStore(executor, { ...options, schema });
    const read = async (sql: string, params?: unknown[]) => (await reader.query(sql, params)).rows;
    return { store, counter, read, schema };
  });
});

describe('group commit on PGlite', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  groupCommitTests(async (options) => {
    const schema = uniqueSchema();
    const { executor, counter } = counting(await createPgliteExecutor({ pglite: db }));
    const store = await createSqlStore(executor, { ...options, schema });
    const read = async (sql: string, params?: unknown[]) => (await db.query<Record<string, unknown>>(sql, params)).rows;
    return { store, counter, read, schema };
  });
});
