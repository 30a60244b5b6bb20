import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore, MIGRATION_EVENT, type Store } from '../src/index.js';
import { driveTo, STAGES, type Stage } from './support/inFlight.js';
import { planV1toV2, publishV2 } from './support/migrateGuide.js';

const clock = createManualClock('2024-05-10');
const idOf = (i: number) => `c-${String(i).padStart(3, '0')}`;

async function inFlight(n: number): Promise<Store> {
  const store = createMemoryStore();
  const v1 = createBanli({ store, clock, policy: presets.guangdongCity });
  for (let i = 0; i < n; i++) await driveTo(v1, idOf(i), STAGES[i % STAGES.length] as Stage);
  return store;
}

/** A store whose `append` dies on the nth call, before (nothing written) or after the write committed. */
function crashingOn(store: Store, nth: number, when: 'before' | 'after'): Store {
  let calls = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'append') return Reflect.get(target, prop, receiver);
      return async (request: Parameters<Store['append']>[0]) => {
        calls++;
        if (calls === nth && when === 'before') throw new Error('crash before append');
        const result = await target.append(request);
        if (calls === nth) throw new Error('crash after append');
        return result;
      };
    },
  });
}

async function migrationsPerStream(store: Store, n: number): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    counts.push((await store.readStream(idOf(i))).filter((e) => e.type === MIGRATION_EVENT).length);
  }
  return counts;
}

describe('migrate after a crash', () => {
  for (const when of ['before', 'after'] as const) {
    it(`should migrate every case exactly once when resumed after a crash ${when} the 20th append`, async () => {
      const n = 70;
      const store = await inFlight(n);
      const eligible = (await publishV2(store, clock).migrate(planV1toV2, { dryRun: true })).counts.wouldMigrate;
      const crashed = publishV2(crashingOn(store, 20, when), clock).migrate(planV1toV2);
      await expect(crashed).rejects.toThrow(`crash ${when} append`);
      const migratedBefore = (await migrationsPerStream(store, n)).reduce((a, b) => a + b, 0);
      expect(migratedBefore).toBe(when === 'before' ? 19 : 20);
      const resumed = await publishV2(store, clock).migrate(planV1toV2);
      expect(resumed.counts.alreadyMigrated).toBe(migratedBefore);
      expect(resumed.counts.migrated).toBe(eligible - migratedBefore);
      const counts = await migrationsPerStream(store, n);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(eligible);
      expect(Math.max(...counts)).toBe(1);
    });
  }

  it('should migrate each case once when two runs race', async () => {
    const n = 28;
    const store = await inFlight(n);
    const [a, b] = await Promise.all([
      publishV2(store, clock).migrate(planV1toV2),
      publishV2(store, clock).migrate(planV1toV2),
    ]);
    const counts = await migrationsPerStream(store, n);
    expect(Math.max(...counts)).toBe(1);
    expect(a.counts.migrated + b.counts.migrated).toBe(counts.reduce((x, y) => x + y, 0));
  });
});
