import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { type Actor, type BanliOptions, createBanli, createManualClock, createMemoryStore } from '../../src/index.js';
import { createFakeSystem } from './fakeSystem.js';

export const proposal = seedProposal132402;
export const id = proposal.id;
export const caseId = `${id}:zs-commerce`;
export const actors = {
  proposer: { role: 'proposer', id: 'member-liang-xiaoheng' },
  otherProposer: { role: 'proposer', id: 'member-placeholder-1' },
  stranger: { role: 'proposer', id: 'someone-else' },
  committee: { role: 'committee', id: 'cppcc-office' },
  office: { role: 'assigningOffice', id: 'gov-office', unitId: 'zs-government-office' },
  lead: { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' },
  otherUnit: { role: 'leadUnit', id: 'clerk2', unitId: 'zs-education' },
  co: { role: 'coUnit', id: 'co-clerk', unitId: 'zs-education' },
  leader: { role: 'leader', id: 'director', unitId: 'zs-commerce' },
  supervisor: { role: 'supervisor', id: 'dban' },
  system: { role: 'system', id: 'scheduler' },
} satisfies Record<string, Actor>;

/** A banli on the fake coordinator with an isolated in-memory store and a manual clock. */
export function setupFake(options: BanliOptions = {}) {
  const clock = createManualClock('2023-03-01');
  const store = createMemoryStore({ isolate: true });
  const banli = createBanli({ store, clock, createSystem: () => createFakeSystem(), ...options });
  return { banli, store, clock };
}

/** Drives the fake case to `inHandling` with one accepted lead case. */
export async function toHandling(banli: ReturnType<typeof setupFake>['banli']) {
  await banli.submit(proposal, { actor: actors.proposer, at: '2023-03-01' });
  await banli.send(id, { type: 'review.start', at: '2023-03-02' }, { actor: actors.committee });
  await banli.send(id, { type: 'review.register', at: '2023-03-03' }, { actor: actors.committee });
  await banli.send(
    id,
    { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 },
    { actor: actors.office },
  );
  return banli.send(id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: actors.lead });
}

export const replyEvent = { type: 'reply.submitDraft', at: '2023-04-10', caseId, letter: seedReplyLetter132402 };
