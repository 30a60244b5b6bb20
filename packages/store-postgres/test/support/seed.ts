import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { type Actor, type Banli, createBanli, createManualClock, type ManualClock, type Store } from '@banli/sdk';

export const seedId = seedProposal132402.id;
export const caseIdOf = (id: string): string => `${id}/zs-commerce`;
export const actors = {
  proposer: { role: 'proposer', id: 'member-liang-xiaoheng' },
  committee: { role: 'committee', id: 'zs-cppcc-proposals-committee' },
  office: { role: 'assigningOffice', id: 'zs-gov-office', unitId: 'zs-government-office' },
  lead: { role: 'leadUnit', id: 'chen-qihang', unitId: 'zs-commerce' },
  leader: { role: 'leader', id: 'bureau-director', unitId: 'zs-commerce' },
} satisfies Record<string, Actor>;

/** A banli over `store` with the guangdongCity policy, the default calendar and a manual clock. */
export function banliOn(store: Store, clock: ManualClock = createManualClock('2023-02-20')): Banli {
  return createBanli({ store, clock, policy: presets.guangdongCity });
}

/** Submits, registers and assigns (2023-03-15) the seed proposal under `id`; the case then awaits acceptance. */
export async function seedAssigned(banli: Banli, id = seedId) {
  const { proposer, committee, office } = actors;
  await banli.submit({ ...seedProposal132402, id }, { actor: proposer, at: '2023-02-20' });
  await banli.send(id, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
  await banli.send(id, { type: 'review.register', at: '2023-03-01' }, { actor: committee });
  return banli.send(
    id,
    { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 },
    { actor: office },
  );
}

/** `seedAssigned`, then the lead unit accepts the case (2023-03-16). */
export async function seedAccepted(banli: Banli, id = seedId) {
  await seedAssigned(banli, id);
  return banli.send(id, { type: 'case.accept', at: '2023-03-16', caseId: caseIdOf(id) }, { actor: actors.lead });
}

/** A contact record: a command that is accepted any number of times while the case is in handling. */
export const contact = (id: string, note: string) => ({
  type: 'case.recordContact',
  at: '2023-03-20',
  caseId: caseIdOf(id),
  proposerId: 'member-liang-xiaoheng',
  method: 'phone',
  note,
});
