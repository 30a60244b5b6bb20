import type { Banli, DeadlineKey, Store, TickReport } from '@banli/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { banliOn, seedAssigned } from './support/seed.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

const keyOf = (k: DeadlineKey): string => `${k.streamId}|${k.deadlineId}|${k.due}`;
const ids = Array.from({ length: 6 }, (_, i) => `tick-${i}`);

describeWithServer('tick on createPostgresStore (two schedulers on two pools)', () => {
  const schema = uniqueSchema();
  let stores: Store[] = [];
  let one: Banli;
  let two: Banli;

  beforeAll(async () => {
    const open = () => createPostgresStore({ connectionString: pgUrl ?? '', schema, max: 4 });
    stores = await Promise.all([open(), open()]);
    one = banliOn(stores[0] as Store);
    two = banliOn(stores[1] as Store);
    for (const id of ids) await seedAssigned(one, id);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close?.()));
    await dropSchema(schema);
  });

  it('should fire each due deadline exactly once when two schedulers tick concurrently', async () => {
    const now = '2023-06-01';
    const due = await one.store.deadlinesDueBetween('0000-01-01', '2023-05-31');
    expect(due.length).toBeGreaterThanOrEqual(ids.length);
    const reports: TickReport[] = await Promise.all([
      one.tick(now, { claimant: 'one', batchSize: 1 }),
      two.tick(now, { claimant: 'two', batchSize: 1 }),
    ]);
    const fired = reports.flatMap((r) => r.fired.map(keyOf));
    const handled = new Set([...fired, ...reports.flatMap((r) => r.skipped.map(keyOf))]);
    expect(new Set(fired).size).toBe(fired.length);
    for (const entry of due) expect(handled.has(keyOf(entry))).toBe(true);
    const elapsed: string[] = [];
    for (const id of ids) {
      const log = await two.history(id);
      expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
      for (const e of log.filter((x) => x.type === 'deadline.elapsed')) elapsed.push(`${id}|${e.event.deadlineId}`);
    }
    expect(elapsed.sort()).toEqual(fired.map((k) => k.split('|').slice(0, 2).join('|')).sort());
    for (const key of fired) {
      const [streamId = '', deadlineId = '', d = ''] = key.split('|');
      expect(await one.store.hasFired({ streamId, deadlineId, due: d })).toBe(true);
    }
    const again = await Promise.all([one.tick(now, { claimant: 'one' }), two.tick(now, { claimant: 'two' })]);
    expect(again.flatMap((r) => r.fired)).toEqual([]);
  });
});
