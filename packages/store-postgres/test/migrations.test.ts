import type { SummaryChanges } from '@banli/sdk';
import { storeFixtures } from '@banli/sdk/store-contract';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPgExecutor,
  createPgliteExecutor,
  createPgliteStore,
  createPostgresStore,
  migrate,
  migrations,
  StoreSetupError,
  tablesIn,
} from '../src/index.js';
import { partialSummaryUpdate } from '../src/migrations.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

describe('migrate', () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it('should apply every migration once and nothing on a second start', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const t = tablesIn(uniqueSchema());
    expect(await migrate(executor, t)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(executor, t)).toEqual([]);
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${t.migrations}`);
    expect(rows[0]?.n).toBe(migrations.length);
  });

  it('should apply a later migration on top of an already migrated schema', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const t = tablesIn(uniqueSchema());
    await migrate(executor, t);
    const next = { version: 99, name: 'test column', statements: () => [`alter table ${t.streams} add column x int`] };
    expect(await migrate(executor, t, [...migrations, next])).toEqual([99]);
    const { rows } = await db.query(`select x from ${t.streams}`);
    expect(rows).toEqual([]);
  });

  it('should read entries written before migration 4 without transitions and keep the ones written after', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const schema = uniqueSchema();
    const t = tablesIn(schema);
    expect(await migrate(executor, t, migrations.slice(0, 3))).toEqual([1, 2, 3]);
    // A release before migration 4 writes with its own append_batch, which has no transitions column to fill.
    const before = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    const old = storeFixtures.append('p1', 0);
    for (const e of old.events) e.transitions = storeFixtures.transitions();
    await before.append(old);
    expect(await migrate(executor, t, migrations.slice(0, 4))).toEqual([4]);
    const after = await createPgliteStore({ pglite: db, schema, groupCommit: false });
    const next = storeFixtures.append('p1', 1);
    for (const e of next.events) e.transitions = storeFixtures.transitions();
    await after.append(next);
    const read = await after.readStream('p1');
    expect(read.map((e) => 'transitions' in e)).toEqual([false, true]);
    expect(read[1]?.transitions).toEqual(storeFixtures.transitions());
    expect((await after.load('p1'))?.events.map((e) => e.transitions ?? 'unknown')).toEqual([
      'unknown',
      storeFixtures.transitions(),
    ]);
  });

  it('should keep the kind filter answering alike across migration 8 and answer it from streams_kind_idx', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const schema = uniqueSchema();
    const t = tablesIn(schema);
    const upTo8 = migrations.findIndex((m) => m.version === 8);
    expect(upTo8).toBeGreaterThan(0);
    await migrate(executor, t, migrations.slice(0, upTo8));
    const kinds: Record<string, string | undefined> = {
      k1: 'proposal',
      k2: 'suggestion',
      k3: undefined,
      k4: 'suggestion',
    };
    const appendKind = async (store: Awaited<ReturnType<typeof createPgliteStore>>, id: string, kind?: string) => {
      const summary = storeFixtures.summary(id, 1);
      const facts = kind === undefined ? summary.facts : { ...summary.facts, kind };
      await store.append(storeFixtures.append(id, 0, 1, { summary: { ...summary, facts } }));
    };
    const before = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    for (const [id, kind] of Object.entries(kinds)) await appendKind(before, id, kind);
    const ids = async (store: typeof before, kind: string, extra: { limit?: number; afterStreamId?: string } = {}) =>
      (await store.queryStreams({ kind, ...extra })).map((r) => r.streamId);
    const answers = async (store: typeof before) => [
      await ids(store, 'suggestion'),
      await ids(store, 'proposal'),
      await ids(store, 'suggestion', { limit: 1 }),
      await ids(store, 'suggestion', { afterStreamId: 'k2' }),
    ];
    // Before migration 8 the filter read the summary's JSON (the released query, run as it was).
    const released = async (kind: string, tail = '') =>
      (
        await db.query<{ stream_id: string }>(
          `select s.stream_id from ${t.streams} as s where s.summary->'facts'->>'kind' = $1 ${tail}
           order by s.stream_id`,
          [kind],
        )
      ).rows.map((r) => r.stream_id);
    const old = [
      await released('suggestion'),
      await released('proposal'),
      (await released('suggestion')).slice(0, 1),
      await released('suggestion', `and s.stream_id > 'k2'`),
    ];
    expect(old).toEqual([['k2', 'k4'], ['k1'], ['k2'], ['k4']]);
    expect(await migrate(executor, t, migrations.slice(0, upTo8 + 1))).toEqual([8]);
    const after = await createPgliteStore({ pglite: db, schema, groupCommit: false });
    expect(await answers(after)).toEqual(old);
    // Rows written after the migration carry their kind too, and one appended again keeps it.
    await appendKind(after, 'k5', 'suggestion');
    const k2 = storeFixtures.summary('k2', 2);
    await after.append(
      storeFixtures.append('k2', 1, 1, { summary: { ...k2, facts: { ...k2.facts, kind: 'suggestion' } } }),
    );
    expect(await ids(after, 'suggestion')).toEqual(['k2', 'k4', 'k5']);
    // The column follows the summary: a summary that no longer records a kind matches no kind.
    await after.append(storeFixtures.append('k4', 1));
    expect(await ids(after, 'suggestion')).toEqual(['k2', 'k5']);
    // The planner can answer the filter from the index (sequential scans off, so the table's size does not decide).
    const sql = `select s.summary from ${t.streams} as s where s.kind = 'suggestion' and s.stream_id > 'k2'
      order by s.stream_id limit 10`;
    await db.exec('set enable_seqscan = off');
    try {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain ${sql}`);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('streams_kind_idx');
    } finally {
      await db.exec('reset enable_seqscan');
    }
  });

  it('should take partial appends from migration 10 on, keeping what a stream written before them holds', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const schema = uniqueSchema();
    const t = tablesIn(schema);
    const upTo9 = migrations.findIndex((m) => m.version === 9);
    expect(upTo9).toBeGreaterThan(0);
    await migrate(executor, t, migrations.slice(0, upTo9));
    const deadlines = [
      storeFixtures.deadline('p1', 'reply', '2023-06-30', {}, [{ id: 'reminder:3', at: '2023-06-27' }]),
    ];
    const first = storeFixtures.summary('p1', 1, { facts: { kind: 'suggestion', title: '旧', lastAt: '2023-03-01' } });
    const partial = storeFixtures.append('p1', 1, 1, {
      summaryChanges: { version: 2, updatedAt: 9, state: 'answered', factChanges: { lastAt: '2023-03-02' } },
    });
    delete partial.summary;
    delete partial.deadlines;
    // Opened on the schema before migration 9 without migrating: it does not claim partial appends, and its
    // append_batch refuses one (a database error) without writing anything.
    const before = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    expect(before.partialAppends).toBe(false);
    await before.append(storeFixtures.append('p1', 0, 1, { summary: first, deadlines }));
    await expect(before.append(partial)).rejects.toThrow();
    expect(await before.getSummary('p1')).toEqual(first);
    // Migration 9 alone takes changed fields but not changed fact keys: a store on it does not claim partial appends.
    expect(await migrate(executor, t, migrations.slice(0, upTo9 + 1))).toEqual([9]);
    const at9 = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    expect(at9.partialAppends).toBe(false);
    expect(await migrate(executor, t, migrations.slice(0, upTo9 + 2))).toEqual([10]);
    const after = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    expect(after.partialAppends).toBe(true);
    expect(await after.append(partial)).toEqual({ version: 2 });
    const facts = { kind: 'suggestion', title: '旧', lastAt: '2023-03-02' };
    expect(await after.getSummary('p1')).toEqual({ ...first, version: 2, updatedAt: 9, state: 'answered', facts });
    expect(await after.listDeadlines('p1')).toEqual(deadlines);
    expect((await after.queryStreams({ kind: 'suggestion', states: ['answered'] })).map((s) => s.streamId)).toEqual([
      'p1',
    ]);
    expect((await after.claimDueAlerts('2023-06-27', { claimant: 'w', instant: 1, limit: 9 })).length).toBe(1);
  });

  it('should keep appending and loading a stream written before migration 11, partial appends included', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const schema = uniqueSchema();
    const t = tablesIn(schema);
    const upTo10 = migrations.findIndex((m) => m.version === 10) + 1;
    expect(upTo10).toBeGreaterThan(0);
    await migrate(executor, t, migrations.slice(0, upTo10));
    // Written by a release at migration 10: a whole append, then a partial one changing fields and fact keys.
    const at10 = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    expect(at10.partialAppends).toBe(true);
    const deadlines = [
      storeFixtures.deadline('p1', 'reply', '2023-06-30', {}, [{ id: 'reminder:3', at: '2023-06-27' }]),
    ];
    const facts = { kind: 'proposal', title: '旧', lastAt: '2023-03-01', cases: { c1: { round: 1 } } };
    const first = storeFixtures.summary('p1', 1, { facts });
    await at10.append(storeFixtures.append('p1', 0, 1, { summary: first, deadlines }));
    const partialOf = (expectedVersion: number, summaryChanges: SummaryChanges) => {
      const request = storeFixtures.append('p1', expectedVersion, 1, { summaryChanges });
      delete request.summary;
      delete request.deadlines;
      return request;
    };
    await at10.append(
      partialOf(1, { version: 2, updatedAt: 2, tags: ['overdue'], factChanges: { lastAt: '2023-03-02' } }),
    );
    expect(await migrate(executor, t)).toEqual([11]);
    const after = await createPgliteStore({ pglite: db, schema, migrate: false, groupCommit: false });
    expect(after.partialAppends).toBe(true);
    const changes: SummaryChanges = {
      version: 3,
      updatedAt: 3,
      state: 'answered',
      caseStates: ['replied'],
      unitIds: ['commerce', 'finance'],
      factChanges: { kind: 'suggestion', cases: { c1: { round: 2 } } },
    };
    expect(await after.append(partialOf(2, changes))).toEqual({ version: 3 });
    const expected = {
      ...first,
      version: 3,
      updatedAt: 3,
      state: 'answered',
      caseStates: ['replied'],
      tags: ['overdue'],
      unitIds: ['commerce', 'finance'],
      facts: { kind: 'suggestion', title: '旧', lastAt: '2023-03-02', cases: { c1: { round: 2 } } },
    };
    expect(await after.getSummary('p1')).toEqual(expected);
    expect(await after.listDeadlines('p1')).toEqual(deadlines);
    expect((await after.load('p1'))?.events.map((e) => e.version)).toEqual([1, 2, 3]);
    // The indexed columns follow the merged summary: every filter finds the stream by its new values only.
    const found = async (query: Parameters<typeof after.queryStreams>[0]) =>
      (await after.queryStreams(query)).map((s) => s.streamId);
    expect(
      await found({ kind: 'suggestion', states: ['answered'], caseStates: ['replied'], tags: ['overdue'] }),
    ).toEqual(['p1']);
    expect(await found({ unitId: 'finance' })).toEqual(['p1']);
    expect(await found({ kind: 'proposal' })).toEqual([]);
    expect(await found({ caseStates: ['handling'] })).toEqual([]);
  });

  it('should merge a partial append into the stored summary once from migration 11 on, not once per column', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const schema = uniqueSchema();
    const t = tablesIn(schema);
    await migrate(executor, t);
    const literals = {
      changes: `'{"version":2,"updatedAt":2,"state":"answered","factChanges":{"lastAt":"2023-03-02"}}'::jsonb`,
      streamId: `'p1'`,
      expected: '1',
      next: '2',
    };
    // How many times the plan computes the merge (`s.summary || …`, the stored summary with the changes).
    const merges = async (mergeOnce: boolean) => {
      const statement = partialSummaryUpdate(t, { factChanges: true, mergeOnce }, literals);
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain (verbose, costs off) ${statement}`);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      return plan.split('s.summary ||').length - 1;
    };
    // Migration 10's statement: the planner pulled the merge up into each of the eight columns read from it.
    expect(await merges(false)).toBe(8);
    expect(await merges(true)).toBe(1);
    // And migration 11's append_batch runs that statement.
    const { rows } = await db.query<{ src: string }>(
      `select prosrc as src from pg_proc where proname = 'append_batch' and pronamespace = $1::regnamespace`,
      [schema],
    );
    expect(rows[0]?.src).toContain(partialSummaryUpdate(t, { factChanges: true, mergeOnce: true }));
  });

  it('should refuse to start on a schema migrated by a newer release', async () => {
    const executor = await createPgliteExecutor({ pglite: db });
    const t = tablesIn(uniqueSchema());
    const future = migrations.length + 1;
    const next = { version: future, name: 'from the future', statements: () => [] };
    await migrate(executor, t, [...migrations, next]);
    const error = await migrate(executor, t).catch((e: unknown) => e as StoreSetupError);
    expect(error).toBeInstanceOf(StoreSetupError);
    expect((error as StoreSetupError).code).toBe('STORE_MIGRATION');
    expect((error as StoreSetupError).messages['zh-CN']).toContain(String(future));
    expect((error as StoreSetupError).messages.en).toContain('newer release');
  });
});

describe('tablesIn', () => {
  it('should refuse a schema name that would need quoting, with zh-CN and en messages', () => {
    const error = (() => {
      try {
        tablesIn('banli"; drop table x; --');
      } catch (e) {
        return e as StoreSetupError;
      }
    })();
    expect(error).toBeInstanceOf(StoreSetupError);
    expect(error?.code).toBe('STORE_CONFIG');
    expect(error?.messages['zh-CN']).toContain('模式名');
    expect(error?.messages.en).toContain('schema name');
  });
});

describeWithServer('migrate on PostgreSQL', () => {
  const schema = uniqueSchema();
  afterAll(() => dropSchema(schema));

  it('should migrate once when several processes start together', async () => {
    const stores = await Promise.all(
      [1, 2, 3].map(() => createPostgresStore({ connectionString: pgUrl ?? '', schema, max: 2 })),
    );
    await Promise.all(stores.map((s) => s.close?.()));
    const pool = new pg.Pool({ connectionString: pgUrl });
    try {
      const { rows } = await pool.query(`select version from "${schema}".banli_migrations`);
      expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      await pool.end();
    }
  });

  it('should leave a pool it was given open when the store closes', async () => {
    const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
    try {
      const store = await createPostgresStore({ pool, schema });
      await store.close?.();
      const { rows } = await pool.query('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
      const executor = createPgExecutor({ pool });
      await expect(executor.transaction(async () => Promise.reject(new Error('abort')))).rejects.toThrow('abort');
      expect((await executor.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});
