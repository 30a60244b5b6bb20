import { createBanli, createManualClock } from '@banli/sdk';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { exited, spawnScript, waitForLine } from './support/child/spawn.js';
import { banliOn, seedAccepted } from './support/seed.js';
import { describeWithServer, dropSchema, pgUrl, uniqueSchema } from './support/server.js';

// Issue 16 item 4 across processes: four delivery workers for one consumer on one PostgreSQL schema while another
// process commits commands and ticks. Every notification of the log reaches a handler, and none twice.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithServer('the outbox with four worker processes on one PostgreSQL schema', () => {
  const schema = uniqueSchema();
  afterAll(() => dropSchema(schema));

  it('should deliver every notification of the log exactly once across the workers', async () => {
    const store = await createPostgresStore({ connectionString: pgUrl ?? '', schema });
    const workers = Array.from({ length: 4 }, (_, i) =>
      spawnScript('./outboxWorker.ts', [pgUrl ?? '', schema, `w${i}`]),
    );
    const lines: string[][] = workers.map(() => []);
    workers.forEach((w, i) => {
      let buffer = '';
      w.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        for (const line of parts) if (line.startsWith('k ')) lines[i]?.push(line.slice(2));
      });
    });
    const results = workers.map((w) => exited(w));
    await Promise.all(workers.map((w) => waitForLine(w, 'ready')));

    // Commit while the workers deliver: three cases, then a tick that fires deadlines and sends escalations.
    const banli = banliOn(store, createManualClock('2023-02-20'));
    for (let i = 0; i < 3; i++) await seedAccepted(banli, `mp-outbox-${i}`);
    const tick = await banli.tick('2023-08-01', { batchSize: 3 });
    expect(tick.fired.length).toBeGreaterThan(0);
    expect(tick.escalations).toBeGreaterThan(0);

    // What the log holds, counted in SQL: every entry's notifications and every alert recorded with one.
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(
      `select (select coalesce(sum(jsonb_array_length(emitted)), 0) from "${schema}".events)
        + (select count(*) from "${schema}".sent_alerts where notification is not null) as n`,
    );
    await client.end();
    const total = Number(rows[0]?.n);
    expect(total).toBeGreaterThan(30);
    const reader = createBanli({ store, policy: banli.policy, clock: createManualClock('2023-08-01') });
    let expected: string[] = [];
    for (let i = 0; i < 600 && expected.length < total; i++) {
      expected = (await reader.outbox.read('', { limit: 10_000 })).notifications.map((n) => n.key);
      if (expected.length < total) await sleep(50);
    }
    expect(expected).toHaveLength(total);
    for (let i = 0; i < 1200 && lines.flat().length < total; i++) await sleep(50);
    await sleep(300); // a duplicate, if any, has time to show
    for (const w of workers) w.kill('SIGUSR2');
    const outputs = await Promise.all(results);
    for (const o of outputs) expect(o.code, o.err).toBe(0);
    const delivered = lines.flat();
    expect(new Set(delivered).size).toBe(delivered.length);
    expect([...delivered].sort()).toEqual([...expected].sort());
    // In outbox order per worker: each worker's keys appear in the order the log gives them.
    const rank = new Map(expected.map((k, i) => [k, i]));
    for (const mine of lines) {
      const order = mine.map((k) => rank.get(k) ?? -1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    await store.close?.();
  }, 240_000);
});
