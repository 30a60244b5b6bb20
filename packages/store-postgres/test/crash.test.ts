import { createManualClock, type Store } from '@banli/sdk';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgExecutor, createPgliteExecutor, createSqlStore, type SqlExecutor } from '../src/index.js';
import { crashingExecutor, SimulatedCrash } from './support/crashingExecutor.js';
import { actors, banliOn, caseIdOf, contact, seedAccepted, seedAssigned } from './support/seed.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

// Every append is one statement (`append_batch`), atomic on the server: a process dies before it or after it.
const appendStatement = /append_batch/;

async function crashyStore(inner: SqlExecutor, schema: string) {
  const { executor, arm } = crashingExecutor(inner, appendStatement);
  const store: Store = await createSqlStore(executor, { schema });
  return { store, arm };
}

function crashTests(open: () => Promise<{ executor: SqlExecutor; schema: string }>) {
  it('should leave the store as it was when a command dies before its append reaches the database', async () => {
    const { executor, schema } = await open();
    const { store, arm } = await crashyStore(executor, schema);
    const banli = banliOn(store);
    await seedAccepted(banli, 'crash-1');
    const before = await banli.get('crash-1');
    const log = await banli.history('crash-1');
    arm();
    await expect(banli.send('crash-1', contact('crash-1', 'lost'), { actor: actors.lead })).rejects.toBeInstanceOf(
      SimulatedCrash,
    );
    expect(await store.readStream('crash-1')).toEqual(log);
    expect((await store.getSummary('crash-1'))?.version).toBe(log.length);
    const loaded = await store.load('crash-1');
    expect(loaded?.version).toBe(log.length);
    expect(loaded?.snapshot?.version ?? 0).toBeLessThanOrEqual(log.length);
    // A fresh SDK instance on the same database hydrates the same state.
    const fresh = banliOn(await createSqlStore(executor, { schema }));
    expect(await fresh.get('crash-1')).toEqual(before);
    const retried = await fresh.send('crash-1', contact('crash-1', 'kept'), { actor: actors.lead });
    expect(retried.version).toBe(log.length + 1);
    const after = await banli.history('crash-1');
    expect(after.map((e) => e.event.note ?? null).slice(log.length)).toEqual(['kept']);
    expect((await banli.get('crash-1')).version).toBe(log.length + 1);
  });

  it('should keep the whole command when it dies after its append committed, and replay it on retry', async () => {
    const { executor, schema } = await open();
    const { store, arm } = await crashyStore(executor, schema);
    const banli = banliOn(store);
    await seedAccepted(banli, 'crash-3');
    const log = await banli.history('crash-3');
    arm('after');
    const options = { actor: actors.lead, idempotencyKey: 'crash-3-contact' };
    await expect(banli.send('crash-3', contact('crash-3', 'kept'), options)).rejects.toBeInstanceOf(SimulatedCrash);
    const after = await store.readStream('crash-3');
    expect(after.slice(0, log.length)).toEqual(log);
    expect(after.slice(log.length).map((e) => e.event.note)).toEqual(['kept']);
    expect((await store.getSummary('crash-3'))?.version).toBe(log.length + 1);
    expect((await store.getIdempotency('crash-3-contact'))?.version).toBe(log.length + 1);
    // A fresh SDK instance hydrates the new state; the retried command returns the committed result, writing nothing.
    const fresh = banliOn(await createSqlStore(executor, { schema }));
    expect((await fresh.get('crash-3')).version).toBe(log.length + 1);
    const retried = await fresh.send('crash-3', contact('crash-3', 'kept'), options);
    expect(retried.version).toBe(log.length + 1);
    expect((await store.readStream('crash-3')).length).toBe(log.length + 1);
  });

  it('should let another scheduler fire, exactly once, what a scheduler that died mid-tick had claimed', async () => {
    const { executor, schema } = await open();
    const { store, arm } = await crashyStore(executor, schema);
    const clock = createManualClock('2023-03-15');
    const banli = banliOn(store, clock);
    await seedAssigned(banli, 'crash-2');
    const due = await store.deadlinesDueBetween('0000-01-01', '2023-05-31');
    expect(due.length).toBeGreaterThan(0);
    arm();
    await expect(banli.tick('2023-06-01', { claimant: 'dies' })).rejects.toBeInstanceOf(SimulatedCrash);
    expect((await banli.history('crash-2')).filter((e) => e.type === 'deadline.elapsed')).toEqual([]);
    for (const entry of due) expect(await store.hasFired(entry)).toBe(false);
    // The dead scheduler's claims are leases: nobody takes them until they expire.
    expect((await banli.tick('2023-06-01', { claimant: 'early' })).fired).toEqual([]);
    clock.advance(60_001);
    const report = await banli.tick('2023-06-01', { claimant: 'survivor' });
    const keys = report.fired.map((k) => `${k.deadlineId}|${k.due}`);
    for (const entry of due)
      expect([...keys, ...report.skipped.map((k) => `${k.deadlineId}|${k.due}`)]).toContain(
        `${entry.deadlineId}|${entry.due}`,
      );
    const elapsed = (await banli.history('crash-2')).filter((e) => e.type === 'deadline.elapsed');
    expect(elapsed.map((e) => e.event.deadlineId).sort()).toEqual(report.fired.map((k) => k.deadlineId).sort());
    expect((await banli.get('crash-2')).cases.find((c) => c.caseId === caseIdOf('crash-2'))).toBeDefined();
  });
}

describe('createSqlStore on PGlite (simulated crashes)', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  crashTests(async () => ({ executor: await createPgliteExecutor({ pglite: db }), schema: uniqueSchema() }));
});

describeWithServer('createSqlStore on PostgreSQL (simulated crashes)', () => {
  const executors: SqlExecutor[] = [];
  const schemas: string[] = [];
  afterAll(async () => {
    for (const e of executors) await e.close();
    for (const s of schemas) await dropSchema(s);
  });
  crashTests(async () => {
    const executor = createPgExecutor({ connectionString: pgUrl ?? '' });
    const schema = uniqueSchema();
    executors.push(executor);
    schemas.push(schema);
    return { executor, schema };
  });
});
