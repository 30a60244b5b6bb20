import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { type Actor, type BanliOptions, createBanli, createManualClock, createMemoryStore } from '../../src/index.js';

export const seedId = seedProposal132402.id;
export const seedCaseId = `${seedId}/zs-commerce`;
export const seedActors = {
  proposer: { role: 'proposer', id: 'member-liang-xiaoheng' },
  committee: { role: 'committee', id: 'zs-cppcc-proposals-committee' },
  office: { role: 'assigningOffice', id: 'zs-gov-office', unitId: 'zs-government-office' },
  lead: { role: 'leadUnit', id: 'chen-qihang', unitId: 'zs-commerce' },
  leader: { role: 'leader', id: 'bureau-director', unitId: 'zs-commerce' },
} satisfies Record<string, Actor>;

/** A banli on @banli/core with the guangdongCity policy and the China-mainland calendar. */
export function seedBanli(options: BanliOptions = {}) {
  const clock = createManualClock('2023-02-20');
  const store = createMemoryStore({ isolate: true });
  const banli = createBanli({ store, clock, policy: presets.guangdongCity, calendar: chinaMainland, ...options });
  return { banli, store, clock };
}

/** Submits, registers and assigns (2023-03-15) the seed proposal. */
export async function seedAssigned(banli: ReturnType<typeof seedBanli>['banli']) {
  const { proposer, committee, office } = seedActors;
  await banli.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
  await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
  await banli.send(seedId, { type: 'review.register', at: '2023-03-01' }, { actor: committee });
  return banli.send(
    seedId,
    { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 },
    { actor: office },
  );
}

/** Submits, registers, assigns (2023-03-15) and accepts the seed proposal. */
export async function seedAccepted(banli: ReturnType<typeof seedBanli>['banli']) {
  await seedAssigned(banli);
  return banli.send(seedId, { type: 'case.accept', at: '2023-03-16', caseId: seedCaseId }, { actor: seedActors.lead });
}

/** A contact record in the seed case dated `at` (the lead unit may record any number while handling). */
export const seedContact = (at: string) => ({
  type: 'case.recordContact',
  at,
  caseId: seedCaseId,
  proposerId: seedActors.proposer.id,
  method: 'phone',
});

/**
 * The seed case accepted, a contact recorded on 2023-03-28, then one dated a day earlier sent by the lead unit: what
 * that send threw, and the stored stream before it.
 */
export async function seedBackdatedContact() {
  const { banli, store } = seedBanli();
  await seedAccepted(banli);
  await banli.send(seedId, seedContact('2023-03-28'), { actor: seedActors.lead });
  const before = await store.load(seedId);
  const error = await banli
    .send(seedId, seedContact('2023-03-27'), { actor: seedActors.lead })
    .catch((e: unknown) => e);
  return { error, before, store };
}
