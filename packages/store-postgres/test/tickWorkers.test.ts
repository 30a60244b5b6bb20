import type { DeadlineKey } from '@banli/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { exited, spawnScript, waitForLine } from './support/child/spawn.js';
import { banliOn, seedAccepted } from './support/seed.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

// Issue 16 item 4, across processes: four `tick` processes on one PostgreSQL schema. Before the fix, 1–5 due
// deadlines per run were left unfired and reported `skipped` after version conflicts with other workers.

const keyOf = (k: DeadlineKey): string => `${k.streamId}|${k.deadlineId}|${k.due}`;
const ids = Array.from({ length: 4 }, (_, i) => `mp-tick-${i}`);

describeWithServer('tick in four processes on one PostgreSQL schema', () => {
  const schema = uniqueSchema();
  beforeAll(async () => {
    const store = await createPostgresStore({ connectionString: pgUrl ?? '', schema });
    const banli = banliOn(store);
    for (const id of ids) await seedAccepted(banli, id);
    await store.close?.();
  });
  afterAll(() => dropSchema(schema));

  it('should fire every due deadline exactly once, skip none, and publish each notification once', async () => {
    const store = await createPostgresStore({ connectionString: pgUrl ?? '', schema });
    const due = (await store.deadlinesDueBetween('0000-01-01', '2023-07-31')).map(keyOf);
    expect(due.length).toBeGreaterThanOrEqual(ids.length * 2);
    const now = '2023-08-01';
    const workers = Array.from({ length: 4 }, (_, i) =>
      spawnScript('./tickWorker.ts', [pgUrl ?? '', schema, `w${i}`, now]),
    );
    const results = workers.map((w) => exited(w));
    await Promise.all(workers.map((w) => waitForLine(w, 'ready')));
    for (const w of workers) w.kill('SIGUSR2');
    const outputs = await Promise.all(results);
    const reports = outputs.map((o) => {
      expect(o.code, o.err).toBe(0);
      return JSON.parse(o.out.trim().split('\n').at(-1) ?? '{}') as {
        fired: DeadlineKey[];
        skipped: DeadlineKey[];
        published: string[];
      };
    });
    const fired = reports.flatMap((r) => r.fired.map(keyOf));
    expect(reports.flatMap((r) => r.skipped)).toEqual([]);
    expect([...fired].sort()).toEqual([...due].sort());
    const published = reports.flatMap((r) => r.published);
    expect(new Set(published).size).toBe(published.length);
    for (const id of ids) {
      const log = await store.readStream(id);
      expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
    }
    await store.close?.();
  });
});
