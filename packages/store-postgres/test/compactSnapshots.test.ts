// Issue 19: compact snapshots (deadlines as short entries, cases and facts without what the proposal says, `$c`
// marks) go through the SQL stores' jsonb, which reorders object keys, and read back as the memory store's do: after
// each step of the seed case that changes the stored form, a fresh instance reading the snapshot alone sees what
// the same commands on the memory store show.
import { presets } from '@banli/core';
import { seedAssignment132402, seedLifecycle132402, seedProposal132402 } from '@banli/schemas/fixtures';
import {
  type Banli,
  createBanli,
  createManualClock,
  createMemoryStore,
  type SnapshotRebuild,
  type Store,
} from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/index.js';
import { actors, caseIdOf, seedAccepted, seedId } from './support/seed.js';
import { describeWithServer, serverStore } from './support/server.js';

const caseId = caseIdOf(seedId);
const rebuilds: SnapshotRebuild[] = [];
const on = (store: Store, cache = true): Banli =>
  createBanli({
    store,
    policy: presets.guangdongCity,
    clock: createManualClock('2023-02-20'),
    snapshotEvery: 1,
    cache: cache ? undefined : false,
    onSnapshotRebuild: (r) => void rebuilds.push(r),
  });

/** The seed case with its six co-units, a tick that marks deadlines missed, late opinions, an extension, the letter. */
async function lifecycle(banli: Banli, check: () => Promise<void>) {
  await seedAccepted(banli);
  await check();
  await banli.tick('2023-04-18');
  await check();
  const seedSteps = seedLifecycle132402(seedId);
  const tail = seedSteps.slice(seedSteps.findIndex(([event]) => event.type === 'reply.submitDraft'));
  expect(tail.map(([event]) => event.type)).toEqual([
    'reply.submitDraft',
    'signOff.approve',
    ...seedProposal132402.proposers.map(() => 'feedback.submit'),
    'proposal.archive',
  ]);
  const steps: [Record<string, unknown>, { role: string; id: string; unitId?: string }][] = [
    ...seedAssignment132402.coUnits.map(
      (unit) =>
        [
          {
            type: 'coUnit.submitOpinion',
            at: '2023-04-20',
            caseId,
            opinion: {
              fromUnit: unit,
              toUnit: seedAssignment132402.leadUnit,
              text: `${unit.name}会办意见`,
              date: '2023-04-20',
            },
          },
          { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id },
        ] as [Record<string, unknown>, { role: string; id: string; unitId?: string }],
    ),
    [
      {
        type: 'case.requestExtension',
        at: '2023-06-01',
        caseId,
        reason: '情况复杂',
        rule: { kind: 'months', months: 1 },
      },
      actors.lead,
    ],
    [{ type: 'extension.approve', at: '2023-06-02', caseId }, actors.office],
    [{ type: 'case.startDrafting', at: '2023-06-05', caseId }, actors.lead],
    // Then as the seed lifecycle ends: the letter, sign-off, each proposer's feedback (satisfied), the archive.
    ...tail,
  ];
  // Checked where the stored form changes most: the extension (an own rule, a period start), sign-off, the archive.
  for (const [event, actor] of steps) {
    await banli.send(seedId, event, { actor: actor as never });
    if (['extension.approve', 'signOff.approve', 'proposal.archive'].includes(String(event.type))) await check();
  }
}

async function alike(open: () => Promise<Store>) {
  rebuilds.length = 0;
  const memory = on(createMemoryStore({ isolate: true }));
  const seen: unknown[] = [];
  await lifecycle(memory, async () => {
    seen.push({ view: await memory.get(seedId), deadlines: await memory.deadlines(seedId) });
  });
  const store = await open();
  try {
    const writer = on(store);
    let i = 0;
    await lifecycle(writer, async () => {
      const snapshot = (await store.load(seedId))?.snapshot;
      const version = (await writer.get(seedId)).version;
      expect(snapshot?.version).toBe(version);
      expect(JSON.stringify(snapshot?.state)).toContain('"$c"');
      // A fresh instance reads the snapshot alone (no later entries) and sees what the memory store's run saw.
      const reader = on(store, false);
      expect({ view: await reader.get(seedId), deadlines: await reader.deadlines(seedId) }).toEqual(seen[i]);
      i++;
    });
    expect(i).toBe(seen.length);
    expect(rebuilds).toEqual([]);
  } finally {
    await store.close?.();
  }
}

describe('compact snapshots in PGlite', () => {
  it('should read back, snapshot alone, what the memory store shows', async () => {
    await alike(() => createPgliteStore());
  });
});

describeWithServer('compact snapshots in PostgreSQL', () => {
  it('should read back, snapshot alone, what the memory store shows', async () => {
    await alike(() => serverStore());
  });
});
