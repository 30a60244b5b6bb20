import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type Banli, createBanli, createManualClock, createMemoryStore, type DeadlineKey } from '../src/index.js';
import { seedAccepted } from './support/seedBanli.js';

// Issue 16 item 4: with several workers, `fire()` gave up after version conflicts caused by other workers firing
// other deadlines of the same proposal, called the deadline `skipped` and kept its lease, so it fired a day late.

const keyOf = (k: DeadlineKey) => `${k.streamId}|${k.deadlineId}|${k.due}`;

describe('tick with several workers on one store', () => {
  it('should fire every due deadline exactly once and call none skipped', async () => {
    const store = createMemoryStore({ isolate: true });
    const clock = createManualClock('2023-02-20');
    const make = (): Banli =>
      createBanli({ store, clock, policy: presets.guangdongCity, calendar: chinaMainland, maxRetries: 0 });
    const seeder = make();
    // The seed case's proposal, accepted: several deadlines of one proposal fall due together.
    await seedAccepted(seeder);
    const due = await store.deadlinesDueBetween('0000-01-01', '2023-07-31');
    expect(due.length).toBeGreaterThanOrEqual(2);
    const workers = [make(), make(), make(), make()];
    const reports = await Promise.all(workers.map((w, i) => w.tick('2023-08-01', { claimant: `w${i}`, batchSize: 1 })));
    const fired = reports.flatMap((r) => r.fired.map(keyOf));
    expect(reports.flatMap((r) => r.skipped)).toEqual([]);
    expect(new Set(fired).size).toBe(fired.length);
    const elapsed = (await store.readStream(seedProposal132402.id)).filter((e) => e.type === 'deadline.elapsed');
    expect(elapsed.length).toBe(fired.length);
    // Nothing due is left for the next day's tick: it was all fired on time.
    const next = await seeder.tick('2023-08-02');
    expect(next.fired).toEqual([]);
    for (const d of due) expect(await store.hasFired(d)).toBe(true);
  });
});
