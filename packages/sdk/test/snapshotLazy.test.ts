// Issue 19 (SDK ÷ bare actor): a command's snapshot is built when it is read (a store serialising the append, a load)
// or when the aggregate cache lets the aggregate go, not during the command. These tests hold a snapshot built late to
// what the command would have built then (what compacting the replayed state anew gives), whenever and in whatever
// order it is built, and check through a store spy that a snapshot nobody reads is not built while its aggregate is
// cached.
import { chinaMainland } from '@banli/calendar';
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  createBanli,
  createManualClock,
  createMemoryStore,
  type JsonObject,
  type Store,
  type StoredSnapshot,
} from '../src/index.js';
import { replayAll } from '../src/internal/aggregate.js';
import { createSnapshotMemo } from '../src/internal/snapshotMemo.js';
import { compactHandling, noteLogged, originsNow } from '../src/internal/snapshotRefs.js';
import { compactedAnew, derive, policies, policy, system } from './support/snapshots.js';

const id = seedProposal132402.id;
const { committee } = seedLifecycleActors132402;

/** A store that keeps every snapshot it is handed, as handed (never reading it), in append order. */
function spying(inner: Store = createMemoryStore()) {
  const handed: StoredSnapshot[] = [];
  const store: Store = Object.assign(Object.create(inner) as Store, {
    append: async (request: Parameters<Store['append']>[0]) => {
      const result = await inner.append(request);
      if (request.snapshot) handed.push(request.snapshot);
      return result;
    },
  });
  return { store, handed };
}

/** Whether a snapshot's state has not been built yet (an accessor that builds it on first read). */
const unbuilt = (s: StoredSnapshot): boolean => Object.getOwnPropertyDescriptor(s, 'state')?.get !== undefined;

const banliOn = (store: Store, cache?: number | false) =>
  createBanli({
    store,
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
    snapshotEvery: 1,
    ...(cache === undefined ? {} : { cache }),
  });

async function lifecycleOn(banli: ReturnType<typeof banliOn>, streamId = id, steps?: number) {
  await banli.submit({ ...seedProposal132402, id: streamId }, { actor: committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of seedLifecycle132402(streamId).slice(0, steps))
    await banli.send(streamId, event, { actor });
}

describe('snapshots built when read', () => {
  it('builds none of a lifecycle’s snapshots while its aggregate is cached, and each later as the command would have', async () => {
    const { store, handed } = spying();
    const banli = banliOn(store);
    await lifecycleOn(banli);
    expect(handed).toHaveLength(13);
    expect(handed.filter(unbuilt)).toHaveLength(13);
    // Built now, last first (the stream's memo then meets its states out of order): each is what its command would
    // have written.
    for (const s of [...handed].reverse()) {
      expect(JSON.parse(JSON.stringify(s))).toEqual({
        streamId: id,
        version: s.version,
        state: JSON.parse(await compactedAnew(store, id, s.version)),
        machine: s.machine,
        recordedAt: s.recordedAt,
      });
      expect(unbuilt(s)).toBe(false);
      // The fields in the order a snapshot has always had (stores and tests compare its JSON text).
      expect(Object.keys(s)).toEqual(['streamId', 'version', 'state', 'machine', 'recordedAt']);
    }
  });

  it('gives every pending snapshot the same state accessor, which holds nothing of its own', async () => {
    // Fresh get/set closures per snapshot (an object literal's own accessors) kept each command's aggregate, and all
    // its command built, alive across V8's young-generation collections until the next full one (issue 19: GC pauses
    // per command rose by about a third). What a snapshot is built from lives on the snapshot, not in a closure.
    const { store, handed } = spying();
    await lifecycleOn(banliOn(store));
    const accessors = handed.map((s) => Object.getOwnPropertyDescriptor(s, 'state'));
    expect(accessors.every((d) => d?.get !== undefined && d.set !== undefined)).toBe(true);
    expect(new Set(accessors.map((d) => d?.get)).size).toBe(1);
    expect(new Set(accessors.map((d) => d?.set)).size).toBe(1);
    // Built, a snapshot lets go of its source: nothing but its five fields is left to reach the aggregate through.
    const [first] = handed as [StoredSnapshot];
    void first.state;
    const held = Object.getOwnPropertySymbols(first).map((k) => (first as unknown as Record<symbol, unknown>)[k]);
    expect(held.every((v) => v === undefined)).toBe(true);
    expect(Object.keys(first)).toEqual(['streamId', 'version', 'state', 'machine', 'recordedAt']);
  });

  it('builds the one a load reads, and the loaded state is the cached one', async () => {
    const { store, handed } = spying();
    const banli = banliOn(store);
    await lifecycleOn(banli, id, 8);
    const last = handed.at(-1) as StoredSnapshot;
    expect(unbuilt(last)).toBe(true);
    const cold = banliOn(store, false);
    expect(await cold.get(id)).toEqual(await banli.get(id));
    expect(unbuilt(last)).toBe(false);
    expect(last.state).toEqual(JSON.parse(await compactedAnew(store, id, last.version)));
    // Only the snapshot the store holds was read.
    expect(handed.slice(0, -1).every(unbuilt)).toBe(true);
  });

  it('builds a snapshot when the cache lets its aggregate go, and builds it at once without a cache', async () => {
    const { store, handed } = spying();
    const small = banliOn(store, 1);
    await lifecycleOn(small, 'p-a', 3);
    const ofA = handed.at(-1) as StoredSnapshot;
    expect(unbuilt(ofA)).toBe(true);
    // A second proposal takes the cache's only place: the first one's aggregate is let go, its snapshot built.
    await lifecycleOn(small, 'p-b', 1);
    expect(unbuilt(ofA)).toBe(false);
    expect(ofA.state).toEqual(JSON.parse(await compactedAnew(store, 'p-a', ofA.version)));
    expect(unbuilt(handed.at(-1) as StoredSnapshot)).toBe(true);
    const uncached = banliOn(store, false);
    await lifecycleOn(uncached, 'p-c', 2);
    expect(handed.slice(-3).some(unbuilt)).toBe(false);
  });

  it('reads log references as of its command when a value it holds is logged again before it is built', async () => {
    const { store, handed } = spying();
    const banli = banliOn(store);
    await lifecycleOn(banli, id, 4);
    const assigned = (await store.readStream(id)).find((e) => e.type === 'assignment.assign');
    const assignedAt = assigned?.version as number;
    const pending = handed.at(-1) as StoredSnapshot;
    expect(unbuilt(pending)).toBe(true);
    // The same parsed assignment logged again at a later version (as a command retried after a conflict does), before
    // the snapshot of the state holding it is built: it still refers to the entry that wrote it when it was made.
    const assignment = assigned?.event.assignment;
    noteLogged({ type: 'assignment.assign', assignment }, assignedAt + 1);
    const stored = pending.state as { handling: { proposal: { context: { assignment: unknown } } } };
    expect(stored.handling.proposal.context.assignment).toEqual({ logRef: [assignedAt, 'assignment'] });
  });

  it('does not reuse, for a snapshot built as of an earlier moment, a stored form made as of a later one', async () => {
    const { store } = spying();
    await lifecycleOn(banliOn(store), id, 4);
    const { handling } = replayAll(() => ({ system, derive }), id, await store.readStream(id));
    // A context holding an assignment no entry has logged yet (a copy), which an entry logs afterwards.
    const ctx = handling.proposal.context as JsonObject;
    const copy = structuredClone(ctx.assignment);
    const state = { ...handling, proposal: { ...handling.proposal, context: { ...ctx, assignment: copy } } };
    const before = originsNow();
    noteLogged({ type: 'assignment.assign', assignment: copy }, 99);
    type Stored = { proposal: { context: { assignment: unknown } } };
    const memo = createSnapshotMemo();
    const assignmentAsOf = (at: ReturnType<typeof originsNow>) =>
      (compactHandling(state, policies, id, memo, at) as unknown as Stored).proposal.context.assignment;
    expect(assignmentAsOf(originsNow())).toEqual({ logRef: [99, 'assignment'] });
    expect(assignmentAsOf(before)).toEqual(copy);
  });

  it('builds what compacting anew gives on generated command sequences, two cached instances, built in any order', async () => {
    const lifecycle = seedLifecycle132402(id);
    const caseId = `${id}/zs-commerce`;
    const lead = lifecycle[4]?.[1] as Actor;
    const proposerId = seedProposal132402.proposers[0]?.id as string;
    const extra: [JsonObject, Actor][] = [
      [{ type: 'case.recordContact', at: '2023-04-02', caseId, proposerId, method: 'visit' }, lead],
      [{ type: 'case.requestExtension', at: '2023-04-20', caseId, reason: '需协调多个部门' }, lead],
      [
        { type: 'proposal.withdraw', at: '2023-03-20', by: proposerId, writtenRequest: { date: '2023-03-20' } },
        { role: 'proposer', id: proposerId },
      ],
    ];
    let compared = 0;
    const stepArb = fc.record({
      sent: fc.constantFrom(true, true, true, true, true, true, false),
      via: fc.constantFrom<'a' | 'b'>('a', 'a', 'b'),
      before: fc.constantFrom(0, 0, 0, 0, 0, 1, 2, 3, 4),
      // Read the latest snapshot now (as a store serialising it would), or leave it to be built later.
      readNow: fc.constantFrom(false, false, true),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: lifecycle.length - 1, maxLength: lifecycle.length - 1 }),
        fc.constantFrom(1, 2),
        fc.integer({ min: 0, max: 1000 }),
        async (script, snapshotEvery, order) => {
          const { store, handed } = spying();
          const make = () =>
            createBanli({
              store,
              policy,
              calendar: chinaMainland,
              clock: createManualClock('2023-02-20'),
              snapshotEvery,
            });
          const a = make();
          const b = make();
          await a.submit(seedProposal132402, { actor: committee, at: '2023-02-20' });
          for (const [i, step] of script.entries()) {
            const banli = step.via === 'a' ? a : b;
            if (step.before === 4) await banli.tick('2023-09-01');
            else if (step.before > 0) {
              const [event, actor] = extra[step.before - 1] as [JsonObject, Actor];
              await banli.send(id, event, { actor }).catch(() => undefined);
            }
            if (step.readNow) void handed.at(-1)?.state;
            if (!step.sent) continue;
            const [event, actor] = lifecycle[i + 1] as [JsonObject, Actor];
            await banli.send(id, event, { actor }).catch(() => undefined);
          }
          // The rest built now, in an order of the run's choosing.
          const rest = handed.map((s, i) => ({ s, k: (i * 7919 + order) % 1009 })).sort((x, y) => x.k - y.k);
          for (const { s } of rest) void s.state;
          for (const s of handed) expect(s.state).toEqual(JSON.parse(await compactedAnew(store, id, s.version)));
          compared += handed.length;
        },
      ),
      { numRuns: 40, seed: 19_4 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
