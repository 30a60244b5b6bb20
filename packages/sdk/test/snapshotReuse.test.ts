// Issue 19 §1: a context's stored form is remembered while the context is unchanged (contexts are immutable), and the
// snapshot compacts each context in one pass. These tests hold the snapshots to what compacting the state anew gives:
// every snapshot a lifecycle writes equals the compaction of the state a full replay of its log rebuilds (fresh
// objects, nothing remembered), a remembered form follows what it was computed from, and a command retried after a
// conflict refers to the letter at the version it was finally written with.
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import {
  seedLifecycle132402,
  seedLifecycleActors132402,
  seedProposal132402,
  seedReplyLetter132402,
} from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  createBanli,
  createManualClock,
  createMemoryStore,
  type JsonObject,
  type Store,
} from '../src/index.js';
import { loadAggregate, replayAll } from '../src/internal/aggregate.js';
import { compactFacts } from '../src/internal/snapshotFacts.js';
import { createSnapshotMemo } from '../src/internal/snapshotMemo.js';
import { compactHandling, noteLogged } from '../src/internal/snapshotRefs.js';
import { seedAccepted, seedActors, seedCaseId, seedId } from './support/seedBanli.js';
import { compactedAnew, derive, policies, policy, system } from './support/snapshots.js';

/** A memory store that records the state of every snapshot it writes, as JSON text, by version. */
function recording(store: Store = createMemoryStore({ isolate: true })) {
  const snapshots = new Map<number, string>();
  const wrapped: Store = Object.assign(Object.create(store) as Store, {
    append: async (request: Parameters<Store['append']>[0]) => {
      const text = request.snapshot && JSON.stringify(request.snapshot.state);
      const result = await store.append(request);
      // Only what the store took: an append refused as a conflict wrote nothing.
      if (request.snapshot && text !== undefined) snapshots.set(request.snapshot.version, text);
      return result;
    },
  });
  return { store: wrapped, inner: store, snapshots };
}

/** An instance on `store` (a snapshot after every command unless `snapshotEvery` says otherwise). */
const banliOn = (store: Store, { cache, snapshotEvery = 1 }: { cache?: false; snapshotEvery?: number } = {}) =>
  createBanli({
    store,
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
    snapshotEvery,
    cache,
  });

/** An instance on `store` with the seed proposal 132402 submitted and the first `steps` commands of its lifecycle sent. */
async function seedLifecycleOn(store: Store, steps?: number) {
  const id = seedProposal132402.id;
  const banli = banliOn(store);
  await banli.submit(seedProposal132402, { actor: seedLifecycleActors132402.committee, draft: true, at: '2023-02-20' });
  for (const [event, actor] of seedLifecycle132402(id).slice(0, steps)) await banli.send(id, event, { actor });
  return banli;
}

async function expectEverySnapshotFresh(store: Store, id: string, snapshots: Map<number, string>) {
  expect(snapshots.size).toBeGreaterThan(0);
  for (const [version, stored] of snapshots)
    expect(JSON.parse(stored)).toEqual(JSON.parse(await compactedAnew(store, id, version)));
}

describe('snapshots with remembered stored forms', () => {
  it('writes at every command of the bench lifecycle what compacting the replayed state anew gives', async () => {
    const id = seedProposal132402.id;
    const { store, snapshots } = recording();
    await seedLifecycleOn(store);
    expect(snapshots.size).toBe(13);
    await expectEverySnapshotFresh(store, id, snapshots);
  });

  it('does so through the seed case with six co-units, contacts, an extension and the fired deadlines of a tick', async () => {
    const { store, snapshots } = recording();
    const banli = banliOn(store);
    await seedAccepted(banli);
    const { lead } = seedActors;
    const contact = { type: 'case.recordContact', caseId: seedCaseId, proposerId: seedActors.proposer.id };
    await banli.send(seedId, { ...contact, at: '2023-03-20', method: 'visit' }, { actor: lead });
    await banli.tick('2023-04-18');
    await banli.send(
      seedId,
      { type: 'case.requestExtension', at: '2023-04-20', caseId: seedCaseId, reason: '需协调多个部门' },
      { actor: lead },
    );
    await banli.send(seedId, { ...contact, at: '2023-04-21', method: 'phone' }, { actor: lead });
    expect(snapshots.size).toBeGreaterThanOrEqual(7);
    await expectEverySnapshotFresh(store, seedId, snapshots);
  });

  it('refers to a letter at the version its command was finally written with after a conflict', async () => {
    const id = seedProposal132402.id;
    const lifecycle = seedLifecycle132402(id);
    const inner = createMemoryStore({ isolate: true });
    const { store, snapshots } = recording(inner);
    const first = await seedLifecycleOn(store, 6);
    // Another instance writes meanwhile: the first one's cached aggregate is stale and its letter command retries.
    const other = banliOn(inner, { cache: false });
    const caseId = `${id}/zs-commerce`;
    const proposerId = seedProposal132402.proposers[0]?.id as string;
    const lead = lifecycle[4]?.[1] as Actor;
    await other.send(
      id,
      { type: 'case.recordContact', at: '2023-06-10', caseId, proposerId, method: 'visit' },
      { actor: lead },
    );
    const [draft, actor] = lifecycle[6] as [JsonObject, Actor];
    expect(draft.type).toBe('reply.submitDraft');
    const { version } = await first.send(id, draft, { actor });
    expect(version).toBe(9);
    const stored = snapshots.get(version) as string;
    expect(stored).toContain('"logRef":[9,"letter"]');
    expect(JSON.parse(stored)).toEqual(JSON.parse(await compactedAnew(inner, id, version)));
    // Read back from that snapshot, the state holds the letter the caller sent, as a full replay does.
    const loaded = await loadAggregate(inner, system, derive, id);
    expect(loaded.lastSnapshotVersion).toBe(9);
    expect(JSON.stringify(loaded.handling.cases[caseId]?.context)).toContain(
      JSON.stringify(seedReplyLetter132402.responses?.[0]?.body[0]),
    );
    const replayed = replayAll(() => ({ system, derive }), id, await inner.readStream(id));
    expect({ ...loaded, lastSnapshotVersion: 0 }).toEqual(replayed);
  });

  it('stores a context again when what its stored form was read from changes', async () => {
    const id = seedProposal132402.id;
    const log = await (async () => {
      const { store } = recording();
      await seedLifecycleOn(store, 5);
      return store.readStream(id);
    })();
    const { handling } = replayAll(() => ({ system, derive }), id, log);
    const caseId = `${id}/zs-commerce`;
    // One memo, as a stream's aggregates pass it on from command to command.
    const memo = createSnapshotMemo();
    const stored = (state: typeof handling) =>
      compactHandling(state, policies, id, memo) as unknown as {
        proposal: { context: { cases: Record<string, unknown>[] } };
        cases: Record<string, { context: Record<string, unknown> }>;
      };
    const before = stored(handling);
    expect(before.cases[caseId]?.context).not.toHaveProperty('key');
    expect(before.proposal.context.cases[0]).not.toHaveProperty('unit');
    // With nothing changed, the stored forms are the ones remembered.
    expect(stored(handling).cases[caseId]?.context).toBe(before.cases[caseId]?.context);
    expect(stored(handling).proposal.context).toBe(before.proposal.context);
    // The same case context under a proposal now registered as key (重点): its `key: false` is no longer the default.
    const proposalCtx = handling.proposal.context as Record<string, unknown>;
    const keyed = { ...proposalCtx, registration: { ...(proposalCtx.registration as object), key: true } };
    const underKey = stored({ ...handling, proposal: { ...handling.proposal, context: keyed } });
    expect(underKey.cases[caseId]?.context.key).toBe(false);
    // The same case context under a proposal with one proposer fewer: its list of proposers is no longer the default.
    const proposal = proposalCtx.proposal as { proposers: unknown[] };
    const fewer = { ...proposalCtx, proposal: { ...proposal, proposers: proposal.proposers.slice(1) } };
    const underFewer = stored({ ...handling, proposal: { ...handling.proposal, context: fewer } });
    expect(underFewer.cases[caseId]?.context.proposers).toHaveLength(proposal.proposers.length);
    expect(stored(handling).cases[caseId]?.context).not.toHaveProperty('proposers');
    // The same proposal context with the case now at another unit: its list names the unit it holds.
    const caseCtx = handling.cases[caseId]?.context as Record<string, unknown>;
    const moved = { ...caseCtx, unit: { id: 'zs-other', name: '另一单位' } };
    const cases = { ...handling.cases, [caseId]: { ...handling.cases[caseId], context: moved } };
    const afterMove = stored({ ...handling, cases } as typeof handling);
    // (the unit it holds is the assignment's, so it is stored as its reference)
    expect(afterMove.proposal.context.cases[0]?.unit).toEqual({ logRef: [5, 'assignment', 'leadUnit'] });
    // The same unit history in a case context assigned on another day (or moved to another unit), with another field
    // changed too: the history's default reads both, so it is stored, as compacting anew stores it.
    expect(stored(handling).cases[caseId]?.context).not.toHaveProperty('unitHistory');
    for (const change of [{ assignedAt: '2023-03-20' }, { unit: { id: 'zs-other', name: '另一单位' } }]) {
      const changed = { ...caseCtx, ...change, contacts: [{ at: '2023-03-21' }] };
      const state = {
        ...handling,
        cases: { ...handling.cases, [caseId]: { ...handling.cases[caseId], context: changed } },
      };
      const fresh = compactHandling(state as typeof handling, policies, id) as unknown as typeof before;
      expect(stored(state as typeof handling).cases[caseId]?.context).toEqual(fresh.cases[caseId]?.context);
      expect(fresh.cases[caseId]?.context).toHaveProperty('unitHistory');
      stored(handling);
    }
  });

  it('refers to a value at the entry it was last logged at, when a retried command logs it again', async () => {
    const id = seedProposal132402.id;
    const { store } = recording();
    await seedLifecycleOn(store, 4);
    const log = await store.readStream(id);
    const { handling } = replayAll(() => ({ system, derive }), id, log);
    const assignedAt = log.find((e) => e.type === 'assignment.assign')?.version as number;
    type Stored = { proposal: { context: { assignment: unknown } } };
    const memo = createSnapshotMemo();
    const storedAssignment = (state: typeof handling) =>
      (compactHandling(state, policies, id, memo) as unknown as Stored).proposal.context.assignment;
    expect(storedAssignment(handling)).toEqual({ logRef: [assignedAt, 'assignment'] });
    // The same parsed assignment logged again at a later version (a command retried after a conflict does this):
    const ctx = handling.proposal.context as Record<string, unknown>;
    noteLogged({ type: 'assignment.assign', assignment: ctx.assignment }, assignedAt + 1);
    // the context remembered before, and a new context holding the same assignment object, both refer to the new entry.
    expect(storedAssignment(handling)).toEqual({ logRef: [assignedAt + 1, 'assignment'] });
    const again = { ...handling, proposal: { ...handling.proposal, context: { ...ctx } } };
    expect(storedAssignment(again)).toEqual({ logRef: [assignedAt + 1, 'assignment'] });
  });

  it('writes what compacting anew gives on generated command sequences, two instances writing in turn', async () => {
    const id = seedProposal132402.id;
    const lifecycle = seedLifecycle132402(id);
    const caseId = `${id}/zs-commerce`;
    const lead = lifecycle[4]?.[1] as Actor;
    const proposerId = seedProposal132402.proposers[0]?.id as string;
    // The lifecycle's commands (most), with a contact, an extension, a tick and a withdrawal mixed in.
    const extra: [JsonObject, Actor][] = [
      [{ type: 'case.recordContact', at: '2023-04-02', caseId, proposerId, method: 'visit' }, lead],
      [{ type: 'case.requestExtension', at: '2023-04-20', caseId, reason: '需协调多个部门' }, lead],
      [
        {
          type: 'proposal.withdraw',
          at: '2023-03-20',
          by: proposerId,
          writtenRequest: { date: '2023-03-20' },
        },
        { role: 'proposer', id: proposerId },
      ],
    ];
    let compared = 0;
    // Per lifecycle command after submission: whether it is sent (mostly), by which instance, and what comes before it.
    const stepArb = fc.record({
      sent: fc.constantFrom(true, true, true, true, true, true, false),
      via: fc.constantFrom<'a' | 'b'>('a', 'a', 'b'),
      before: fc.constantFrom(0, 0, 0, 0, 0, 1, 2, 3, 4),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: lifecycle.length - 1, maxLength: lifecycle.length - 1 }),
        fc.constantFrom(1, 2),
        async (script, snapshotEvery) => {
          const inner = createMemoryStore({ isolate: true });
          const { store, snapshots } = recording(inner);
          const a = banliOn(store, { snapshotEvery });
          const b = banliOn(store, { snapshotEvery });
          await a.submit(seedProposal132402, { actor: seedLifecycleActors132402.committee, at: '2023-02-20' });
          for (const [i, step] of script.entries()) {
            const banli = step.via === 'a' ? a : b;
            // An extra command (a contact, an extension, a withdrawal) or a tick, refused or not, before the next one.
            if (step.before === 4) await banli.tick('2023-09-01');
            else if (step.before > 0) {
              const [event, actor] = extra[step.before - 1] as [JsonObject, Actor];
              await banli.send(id, event, { actor }).catch(() => undefined);
            }
            if (!step.sent) continue;
            const [event, actor] = lifecycle[i + 1] as [JsonObject, Actor];
            await banli.send(id, event, { actor }).catch(() => undefined);
          }
          for (const [version, stored] of snapshots)
            expect(JSON.parse(stored)).toEqual(JSON.parse(await compactedAnew(inner, id, version)));
          compared += snapshots.size;
        },
      ),
      { numRuns: 40, seed: 19_3 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("stores a changed case context's unchanged deadlines afresh when its calendar or policy changed", async () => {
    const { store } = recording();
    const banli = banliOn(store);
    await seedAccepted(banli);
    const { handling } = replayAll(() => ({ system, derive }), seedId, await store.readStream(seedId));
    type Stored = { cases: Record<string, { context: { deadlines?: unknown[] } }> };
    const memo = createSnapshotMemo();
    const storedDeadlines = (state: typeof handling) =>
      (compactHandling(state, policies, seedId, memo) as unknown as Stored).cases[seedCaseId]?.context.deadlines;
    const fresh = (state: typeof handling) =>
      (compactHandling(state, policies, seedId) as unknown as Stored).cases[seedCaseId]?.context.deadlines;
    const first = storedDeadlines(handling);
    expect(first?.length).toBeGreaterThan(0);
    const ctx = handling.cases[seedCaseId]?.context as Record<string, unknown>;
    const withContext = (context: Record<string, unknown>) =>
      ({
        ...handling,
        cases: { ...handling.cases, [seedCaseId]: { ...handling.cases[seedCaseId], context } },
      }) as typeof handling;
    // Another field changed: the deadlines are the ones stored before.
    const contacted = withContext({ ...ctx, contacts: [{ at: '2023-03-20' }] });
    expect(storedDeadlines(contacted)?.[0]).toBe(first?.[0]);
    // Another calendar (the deadlines now name theirs) or another policy (rules by index no more): stored afresh.
    const calendar = { id: 'cn-mainland', version: '2099.1' };
    const recalendared = withContext({ ...ctx, contacts: [], calendar });
    expect(storedDeadlines(recalendared)).toEqual(fresh(recalendared));
    expect(JSON.stringify(storedDeadlines(recalendared))).toContain('"cal"');
    const repoliced = withContext({ ...ctx, policy: presets.sichuan2024 });
    expect(storedDeadlines(repoliced)).toEqual(fresh(repoliced));
    expect(storedDeadlines(repoliced)).not.toEqual(first);
  });

  it("stores a case's facts afresh when its context's feedback or round changed, with the memo", async () => {
    const { store } = recording();
    const banli = banliOn(store);
    await seedAccepted(banli);
    const agg = replayAll(() => ({ system, derive }), seedId, await store.readStream(seedId));
    const memo = createSnapshotMemo();
    const stored = (facts: typeof agg.facts, handling: typeof agg.handling) =>
      JSON.stringify(compactFacts(facts, handling, memo));
    const fresh = (facts: typeof agg.facts, handling: typeof agg.handling) =>
      JSON.stringify(compactFacts(facts, handling));
    expect(stored(agg.facts, agg.handling)).toBe(fresh(agg.facts, agg.handling));
    const ctx = agg.handling.cases[seedCaseId]?.context as Record<string, unknown>;
    const caseFacts = agg.facts.cases[seedCaseId] as (typeof agg.facts.cases)[string];
    // The facts move on (a later date) while the context now holds feedback the facts do not, or another round.
    const later = { ...agg.facts, cases: { [seedCaseId]: { ...caseFacts, lastAt: '2023-03-30' } } };
    const feedback = [{ round: 1, proposerId: 'p', level: 'satisfied', date: '2023-03-30' }];
    for (const change of [{ feedback }, { round: 2 }]) {
      const handling = {
        ...agg.handling,
        cases: {
          ...agg.handling.cases,
          [seedCaseId]: { ...agg.handling.cases[seedCaseId], context: { ...ctx, ...change } },
        },
      } as typeof agg.handling;
      expect(stored(later, handling)).toBe(fresh(later, handling));
      expect(stored(later, handling)).toContain(Object.keys(change)[0] as string);
      expect(stored(agg.facts, agg.handling)).toBe(fresh(agg.facts, agg.handling));
    }
  });
});
