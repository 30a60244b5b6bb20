import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDerivations, loadAggregate, replayAll } from '../src/internal/aggregate.js';
import { createFakeSystem } from './support/fakeSystem.js';
import { actors, caseId, id, replyEvent, setupFake, toHandling } from './support/setup.js';

const system = createFakeSystem();
const derive = createDerivations(system);

async function compare(store: ReturnType<typeof setupFake>['store']) {
  const loaded = await loadAggregate(store, system, derive, id);
  const full = replayAll(() => ({ system, derive }), id, await store.readStream(id));
  // `derived` is a memo of what is worked out from the state (a load may seed it with the last logged view), not state.
  expect({ ...loaded, lastSnapshotVersion: 0, derived: undefined }).toEqual({ ...full, derived: undefined });
}

describe('loadAggregate', () => {
  it('should equal a full replay whatever the snapshot interval', async () => {
    for (const snapshotEvery of [1, 2, 3, 7]) {
      const { banli, store } = setupFake({ snapshotEvery });
      await toHandling(banli);
      await compare(store);
      await banli.send(
        id,
        { type: 'case.requestExtension', at: '2023-04-01', caseId, reason: 'x' },
        { actor: actors.lead },
      );
      await banli.tick('2023-05-01');
      await compare(store);
      await banli.send(id, { ...replyEvent, at: '2023-05-02' }, { actor: actors.lead });
      await compare(store);
      const loaded = await store.load(id);
      const expectedSnapshot = { 1: 9, 2: 8, 3: 9, 7: 7 }[snapshotEvery];
      expect(loaded?.version).toBe(9);
      expect(loaded?.snapshot?.version).toBe(expectedSnapshot);
      expect(loaded?.events.map((e) => e.version)).toEqual([8, 9].filter((v) => v > (expectedSnapshot ?? 0)));
    }
  });

  it('should equal a full replay for random command sequences (property)', async () => {
    const commands = [
      (b: ReturnType<typeof setupFake>['banli'], at: string) =>
        b.send(id, { type: 'case.requestExtension', at, caseId, reason: 'r' }, { actor: actors.lead }),
      (b: ReturnType<typeof setupFake>['banli'], at: string) => b.tick(at),
      (b: ReturnType<typeof setupFake>['banli'], at: string) =>
        b.send(id, { ...replyEvent, at }, { actor: actors.lead }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 60 })), { maxLength: 8 }),
        async (snapshotEvery, steps) => {
          const { banli, store } = setupFake({ snapshotEvery });
          await toHandling(banli);
          let day = 0;
          for (const [which, gap] of steps) {
            day += gap;
            const at = new Date(Date.UTC(2023, 2, 17 + day)).toISOString().slice(0, 10);
            await (commands[which] as (typeof commands)[0])(banli, at).catch(() => undefined);
          }
          await compare(store);
        },
      ),
      { numRuns: 40 },
    );
  });
});
