// The machines changed structure (issue 13: merged items, withdrawal, commitments, co-unit opinions, the extension
// cap), so their version labels moved to proposal@2 / case@2; the case machine moved again to case@3 (issue 15: a
// follow-up reply's letter is checked), with the proposal machine's label to proposal@3 (entries name only it), and
// both again to proposal@4 / case@4 (issue 13: merged items' commitments are kept). A snapshot written by an earlier
// version is a stale cache of its
// log: it still loads, rebuilt by replaying the log, and the next append writes a current snapshot.
import { CASE_MACHINE_VERSION, PROPOSAL_MACHINE_VERSION, VersionMismatchError } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, type JsonObject, type Store } from '../src/index.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

/** A store whose snapshots read as written by other machine versions (as a store written before the bump would). */
function withSnapshotsOf(store: Store, versions: { proposal: string; case: string; hash?: string }): Store {
  return Object.assign(Object.create(store) as Store, {
    async load(id: string) {
      const loaded = await store.load(id);
      if (!loaded?.snapshot) return loaded;
      const state = structuredClone(loaded.snapshot.state) as {
        handling: { machine: JsonObject; caseMachine: JsonObject };
      };
      const hash = versions.hash ?? '0123456789abcdef';
      state.handling.machine = { id: 'proposal', version: versions.proposal, hash };
      state.handling.caseMachine = { id: 'case', version: versions.case, hash };
      const machine = { id: 'proposal', version: versions.proposal };
      return { ...loaded, snapshot: { ...loaded.snapshot, state: state as unknown as JsonObject, machine } };
    },
  });
}

describe('machine versions', () => {
  it('labels the changed machines proposal@4 and case@4', () => {
    expect([PROPOSAL_MACHINE_VERSION, CASE_MACHINE_VERSION]).toEqual(['proposal@4', 'case@4']);
  });

  it('loads a case@2 snapshot (before the follow-up letter check) by replaying its log', async () => {
    const { banli, store } = seedBanli();
    await seedAccepted(banli);
    const expected = await banli.get(seedId);
    const old = withSnapshotsOf(store, { proposal: 'proposal@2', case: 'case@2' });
    const later = createBanli({ store: old, clock: createManualClock('2023-03-21') });
    const view = await later.get(seedId);
    expect(view.state).toEqual(expected.state);
    expect(view.version).toBe(expected.version);
  });

  it('loads a proposal@1 / case@1 snapshot by replaying its log, and writes a current snapshot next', async () => {
    const { banli, store } = seedBanli();
    await seedAccepted(banli);
    const contact = {
      type: 'case.recordContact',
      at: '2023-03-20',
      caseId: seedCaseId,
      proposerId: seedActors.proposer.id,
      method: 'visit',
    };
    await banli.send(seedId, contact, { actor: seedActors.lead });
    const expected = await banli.get(seedId);
    const old = withSnapshotsOf(store, { proposal: 'proposal@1', case: 'case@1' });
    const later = createBanli({ store: old, clock: createManualClock('2023-03-21') });
    const view = await later.get(seedId);
    expect(view.state).toEqual(expected.state);
    expect(view.version).toBe(expected.version);
    expect(await later.deadlines(seedId)).toEqual(await banli.deadlines(seedId));
    // Handling goes on, and the snapshot the next append writes is the current version's.
    await later.send(
      seedId,
      { type: 'case.startDrafting', at: '2023-04-20', caseId: seedCaseId },
      {
        actor: seedActors.lead,
      },
    );
    const written = (await store.load(seedId))?.snapshot?.state as { handling: { machine: { version: string } } };
    expect(written.handling.machine.version).toBe('proposal@4');
  });

  it('still refuses a snapshot of the current label with another structure (an unpublished edit)', async () => {
    const { banli, store } = seedBanli();
    await seedAccepted(banli);
    const edited = withSnapshotsOf(store, { proposal: PROPOSAL_MACHINE_VERSION, case: CASE_MACHINE_VERSION });
    const later = createBanli({ store: edited, clock: createManualClock('2023-03-21') });
    await expect(later.get(seedId)).rejects.toBeInstanceOf(VersionMismatchError);
  });
});
