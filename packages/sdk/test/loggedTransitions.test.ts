import { chinaMainland } from '@banli/calendar';
import { createHandlingSystem, presets } from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore, type HandlingSystemLike } from '../src/index.js';
import { createFakeSystem } from './support/fakeSystem.js';
import { seedActors, seedAssigned, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 17 item 1: each log entry records the transitions the engine reported, so coverage reads what actually ran.

const engineSystem =
  (engine: 'compiled' | 'xstate') =>
  ({ policy, calendar }: { policy: typeof presets.guangdongCity; calendar: typeof chinaMainland }) =>
    createHandlingSystem({ policy, calendar, engine }) as unknown as HandlingSystemLike;

describe('log entries record the transitions the engine took', () => {
  for (const engine of ['compiled', 'xstate'] as const) {
    it(`should log each event's transitions exactly as the coordinator reported them (${engine})`, async () => {
      const { banli } = seedBanli({ createSystem: engineSystem(engine) });
      await seedAssigned(banli);
      const history = await banli.history(seedId);
      // The same events sent to the coordinator directly report the same transitions.
      const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland, engine });
      const begun = system.begin({ proposal: seedProposal132402, at: '2023-02-20' });
      expect(history[0]?.transitions).toEqual(begun.transitions);
      let state = begun.state;
      for (const entry of history.slice(1)) {
        const sent = system.send(state, entry.event as never);
        expect(entry.transitions).toEqual(sent.transitions);
        state = sent.state;
      }
      // The submission takes draft → submitted; the assignment opens the case, which computes its due dates.
      expect(history[1]?.transitions).toContainEqual({
        machine: 'proposal',
        source: 'proposal.lifecycle.draft',
        eventType: 'proposal.submit',
        targets: ['proposal.lifecycle.submitted'],
        event: 'proposal.submit',
      });
      const assigned = history.find((e) => e.type === 'assignment.assign');
      expect(assigned?.transitions).toContainEqual({
        machine: 'case',
        caseId: seedCaseId,
        source: 'case',
        eventType: '',
        targets: [],
        event: 'xstate.init',
      });
    });
  }

  it('should log the same transitions on both engines', async () => {
    const logs = await Promise.all(
      (['compiled', 'xstate'] as const).map(async (engine) => {
        const { banli } = seedBanli({ createSystem: engineSystem(engine) });
        await seedAssigned(banli);
        await banli.send(
          seedId,
          { type: 'case.accept', at: '2023-03-16', caseId: seedCaseId },
          { actor: seedActors.lead },
        );
        return (await banli.history(seedId)).map((e) => e.transitions);
      }),
    );
    expect(logs[0]).toEqual(logs[1]);
    expect(logs[0]?.every((t) => Array.isArray(t))).toBe(true);
  });

  it('should keep the logged transitions when the log is read back from the store by another instance', async () => {
    const store = createMemoryStore({ isolate: true });
    const options = { store, policy: presets.guangdongCity, calendar: chinaMainland };
    const first = createBanli({ ...options, clock: createManualClock('2023-02-20') });
    await seedAssigned(first);
    const second = createBanli({ ...options, clock: createManualClock('2023-03-16') });
    await second.send(
      seedId,
      { type: 'case.accept', at: '2023-03-16', caseId: seedCaseId },
      { actor: seedActors.lead },
    );
    const history = await second.history(seedId);
    expect(history.map((e) => e.transitions === undefined)).toEqual(history.map(() => false));
    expect(history.at(-1)?.transitions).toContainEqual(
      expect.objectContaining({ machine: 'case', eventType: 'case.accept', source: 'case.lifecycle.accepting' }),
    );
  });

  it('should log no transitions (unknown, not an empty list) when the coordinator does not report them', async () => {
    const banli = createBanli({
      store: createMemoryStore({ isolate: true }),
      clock: createManualClock('2023-02-20'),
      createSystem: () => {
        // A coordinator (written in JavaScript, say) whose results carry no transitions.
        const fake = createFakeSystem() as unknown as HandlingSystemLike;
        const send = (state: never, event: never) => {
          const { transitions: _, ...rest } = fake.send(state, event);
          return rest as ReturnType<HandlingSystemLike['send']>;
        };
        return { ...fake, begin: undefined, send } as HandlingSystemLike;
      },
    });
    await banli.submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' });
    await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: seedActors.committee });
    const history = await banli.history(seedId);
    expect(history).toHaveLength(3);
    for (const entry of history) expect('transitions' in entry).toBe(false);
  });

  it('should load a log whose older entries have no transitions and keep going', async () => {
    const store = createMemoryStore({ isolate: true });
    const options = { store, policy: presets.guangdongCity, calendar: chinaMainland, snapshotEvery: 1000 };
    const first = createBanli({ ...options, clock: createManualClock('2023-02-20') });
    await seedAssigned(first);
    // Rewrite the stream as an older release logged it: the same entries, without `transitions`.
    const old = (await first.history(seedId)).map(({ transitions: _, ...e }) => e);
    const legacy = createMemoryStore({ isolate: true });
    const summary = await store.getSummary(seedId);
    const deadlines = await store.listDeadlines(seedId);
    await legacy.append({
      streamId: seedId,
      expectedVersion: 0,
      events: old,
      summary: summary as NonNullable<typeof summary>,
      deadlines,
    });
    const later = createBanli({ ...options, store: legacy, clock: createManualClock('2023-03-16') });
    await later.send(seedId, { type: 'case.accept', at: '2023-03-16', caseId: seedCaseId }, { actor: seedActors.lead });
    const history = await later.history(seedId);
    expect(history.map((e) => 'transitions' in e)).toEqual([...old.map(() => false), true]);
  });
});
