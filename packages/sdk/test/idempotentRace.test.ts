import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type Banli, createBanli, createManualClock, createMemoryStore, type Store } from '../src/index.js';
import { seedAccepted, seedActors, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 16 item 3: two instances retrying the same command with the same idempotency key at the same time must both
// get the first result, never AlreadyExistsError, ConcurrencyConflictError or TransitionRefusedError.

function pair(store: Store, cache: number | false): [Banli, Banli] {
  const make = () =>
    createBanli({
      store,
      cache,
      clock: createManualClock('2023-02-20'),
      policy: presets.guangdongCity,
      calendar: chinaMainland,
    });
  return [make(), make()];
}

for (const cache of [1000, false] as const) {
  describe(`concurrent retries with one idempotency key (cache ${cache})`, () => {
    it('should give both submitters the same result', async () => {
      for (let round = 0; round < 20; round++) {
        const store = createMemoryStore({ isolate: true });
        const [a, b] = pair(store, cache);
        const proposal = { ...seedProposal132402, id: `race-${round}` };
        const options = { actor: seedActors.proposer, at: '2023-02-20', idempotencyKey: `submit-${round}` };
        const [ra, rb] = await Promise.all([a.submit(proposal, options), b.submit(proposal, options)]);
        expect(rb).toEqual(ra);
        expect((await store.readStream(proposal.id)).length).toBe(2);
      }
    });

    it('should give both senders the same result for a transition only one of them can make', async () => {
      for (let round = 0; round < 20; round++) {
        const store = createMemoryStore({ isolate: true });
        const [a, b] = pair(store, cache);
        await seedAccepted(a);
        await b.get(seedId); // b has the proposal loaded too (cached when caching is on)
        const start = { type: 'case.requestExtension', at: '2023-04-01', caseId: seedCaseId, reason: '需协调' };
        const options = { actor: seedActors.lead, idempotencyKey: `extension-${round}` };
        const [ra, rb] = await Promise.all([a.send(seedId, start, options), b.send(seedId, start, options)]);
        expect(rb).toEqual(ra);
        expect((await store.readStream(seedId)).length).toBe(7);
      }
    });

    it('should give both senders the same result with an expectedVersion', async () => {
      for (let round = 0; round < 20; round++) {
        const store = createMemoryStore({ isolate: true });
        const [a, b] = pair(store, cache);
        await seedAccepted(a);
        const contact = {
          type: 'case.recordContact',
          at: '2023-04-01',
          caseId: seedCaseId,
          proposerId: 'member-liang-xiaoheng',
          method: 'phone',
        };
        const options = { actor: seedActors.lead, idempotencyKey: `contact-${round}`, expectedVersion: 6 };
        const [ra, rb] = await Promise.all([a.send(seedId, contact, options), b.send(seedId, contact, options)]);
        expect(rb).toEqual(ra);
        expect((await store.readStream(seedId)).length).toBe(7);
      }
    });
  });
}

it('should still refuse a retry whose first attempt was refused', async () => {
  const store = createMemoryStore({ isolate: true });
  const [a, b] = pair(store, 1000);
  await seedAccepted(a);
  const assign = { type: 'assignment.assign', at: '2023-04-01', assignment: seedAssignment132402 };
  const options = { actor: seedActors.office, idempotencyKey: 'assign-again' };
  const results = await Promise.allSettled([a.send(seedId, assign, options), b.send(seedId, assign, options)]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect((await store.readStream(seedId)).length).toBe(6);
});
