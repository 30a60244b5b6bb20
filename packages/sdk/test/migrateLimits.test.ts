// Issue 16 (item 8's follow-up): `migrate` is held to `limits.streamEvents` like every other writer — a stream that
// holds the maximum already is reported `full` and keeps its version and state; the others migrate.
import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore, systemFactory } from '../src/index.js';
import { driveTo } from './support/inFlight.js';
import { caseMachineV2WithOa, planV1toV2, policyV2 } from './support/migrateGuide.js';

describe('migrate and limits.streamEvents', () => {
  it('reports a full stream as full, in a dry run and applied, and writes nothing to it', async () => {
    const clock = createManualClock('2024-05-10');
    const store = createMemoryStore();
    const v1 = createBanli({ store, clock, policy: presets.guangdongCity });
    await driveTo(v1, 'p-room', 'handling');
    await driveTo(v1, 'p-full', 'draftingNoVisit');
    const room = (await v1.get('p-room')).version;
    const full = (await v1.get('p-full')).version;
    expect(full).toBe(room + 1);
    const v2 = createBanli({
      store,
      clock,
      policy: policyV2,
      createSystem: systemFactory({ caseMachine: caseMachineV2WithOa }),
      previousVersions: [{ policy: presets.guangdongCity }],
      limits: { streamEvents: full },
    });
    for (const dryRun of [true, false]) {
      const report = await v2.migrate(planV1toV2, { dryRun });
      const byId = Object.fromEntries(report.streams.map((s) => [s.streamId, s]));
      expect(byId['p-full']?.status, `dryRun ${dryRun}`).toBe('full');
      expect(byId['p-full']?.reason?.['zh-CN']).toContain(`已达上限（${full} 条事件）`);
      expect(byId['p-full']?.reason?.en).toContain(`maximum of ${full} events`);
      expect(byId['p-room']?.status).toBe(dryRun ? 'wouldMigrate' : 'migrated');
      expect(report.counts.full).toBe(1);
    }
    expect((await store.readStream('p-full')).length).toBe(full);
    expect((await store.readStream('p-room')).length).toBe(room + 1);
  });
});
