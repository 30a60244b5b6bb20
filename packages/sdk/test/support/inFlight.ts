import { fixtures, seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import type { Banli } from '../../src/index.js';
import { seedActors } from './seedBanli.js';

/** The stages simulated in-flight proposals are left in (one sole case at 市商务局 from `accepting` on). */
export const STAGES = [
  'draft',
  'submitted',
  'review',
  'registered',
  'accepting',
  'adjustmentRequested',
  'handling',
  'draftingNoVisit',
  'draftingVisited',
  'signOff',
  'awaitingFeedback',
  'rehandling',
  'closed',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

const sole = {
  ...seedAssignment132402,
  mode: 'sole' as const,
  leadUnit: fixtures.seedUnits.zsCommerce,
  coUnits: [],
};
const proposerIds = seedProposal132402.proposers.map((p) => p.id);

/** The case id of simulated proposal `id`. */
export const caseOf = (id: string) => `${id}/${fixtures.seedUnits.zsCommerce.id}`;

/** Drives a copy of the seed proposal with this id to a stage, with fixed business dates. */
export async function driveTo(banli: Banli, id: string, stage: Stage): Promise<void> {
  const { proposer, committee, office, lead, leader } = seedActors;
  const order = STAGES.indexOf(stage);
  const caseId = caseOf(id);
  const send = (event: Record<string, unknown>, actor: (typeof seedActors)[keyof typeof seedActors]) =>
    banli.send(id, event, { actor });
  await banli.submit({ ...seedProposal132402, id }, { actor: proposer, at: '2024-02-20', draft: stage === 'draft' });
  if (order <= 1) return;
  await send({ type: 'review.start', at: '2024-02-21' }, committee);
  if (stage === 'review') return;
  await send({ type: 'review.register', at: '2024-03-01' }, committee);
  if (stage === 'registered') return;
  await send({ type: 'assignment.assign', at: '2024-03-15', assignment: { ...sole, date: '2024-03-15' } }, office);
  if (stage === 'accepting') return;
  if (stage === 'withdrawn') {
    await send(
      { type: 'proposal.withdraw', at: '2024-03-20', by: proposer.id, writtenRequest: { date: '2024-03-20' } },
      proposer,
    );
    return;
  }
  if (stage === 'adjustmentRequested') {
    await send({ type: 'case.requestAdjustment', at: '2024-03-18', caseId, reason: '职能不符' }, lead);
    return;
  }
  await send({ type: 'case.accept', at: '2024-03-18', caseId }, lead);
  if (stage === 'handling') return;
  if (stage !== 'draftingNoVisit') {
    const visit = { type: 'case.recordContact', at: '2024-04-01', caseId, proposerId: proposer.id, method: 'visit' };
    await send(visit, lead);
  }
  await send({ type: 'case.startDrafting', at: '2024-04-20', caseId }, lead);
  if (stage === 'draftingNoVisit' || stage === 'draftingVisited') return;
  await send({ type: 'reply.submitDraft', at: '2024-04-25', caseId, letter: seedReplyLetter132402 }, lead);
  if (stage === 'signOff') return;
  await send({ type: 'signOff.approve', at: '2024-04-28', caseId, signer: '局长' }, leader);
  if (stage === 'awaitingFeedback') return;
  for (const [i, proposerId] of proposerIds.entries()) {
    const unhappy = stage === 'rehandling' && i === 0;
    const feedback = unhappy
      ? { proposerId, level: 'dissatisfied', comment: '措施不具体', date: '2024-05-06' }
      : { proposerId, level: 'satisfied', date: '2024-05-06' };
    await send({ type: 'feedback.submit', at: '2024-05-06', caseId, feedback }, { role: 'proposer', id: proposerId });
  }
  if (stage === 'rehandling') await send({ type: 'rehandling.start', at: '2024-05-08', caseId }, committee);
}
