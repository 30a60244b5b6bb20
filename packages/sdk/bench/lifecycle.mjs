// The lifecycle both SDK bench scripts drive: the seed proposal 132402 from submission to archive, 12 commands after
// creation, each with the actor that sends it.
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';

export const committee = { role: 'committee', id: 'committee' };
const assignment = { ...seedAssignment132402, mode: 'sole', coUnits: [] };
const office = { role: 'assigningOffice', id: 'office', unitId: 'zs-government-office' };
const lead = { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' };
const leader = { role: 'leader', id: 'director', unitId: 'zs-commerce' };

/** The seed proposal under another id. */
export const proposalFor = (id) => ({ ...seedProposal132402, id });

/** The events of one lifecycle after creation, each with its actor. */
export function script(id) {
  const caseId = `${id}/zs-commerce`;
  const steps = [
    [
      { type: 'proposal.submit', at: '2023-02-20' },
      { role: 'proposer', id: 'member-liang-xiaoheng' },
    ],
    [{ type: 'review.start', at: '2023-02-21' }, committee],
    [{ type: 'review.register', at: '2023-03-01' }, committee],
    [{ type: 'assignment.assign', at: '2023-03-15', assignment }, office],
    [{ type: 'case.accept', at: '2023-03-16', caseId }, lead],
    [{ type: 'case.startDrafting', at: '2023-06-01', caseId }, lead],
    [{ type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 }, lead],
    [{ type: 'signOff.approve', at: '2023-06-29', caseId, signer: '局长' }, leader],
  ];
  for (const p of seedProposal132402.proposers) {
    const feedback = { proposerId: p.id, level: 'satisfied', date: '2023-07-10' };
    steps.push([
      { type: 'feedback.submit', at: '2023-07-10', caseId, feedback },
      { role: 'proposer', id: p.id },
    ]);
  }
  steps.push([{ type: 'proposal.archive', at: '2023-07-20' }, committee]);
  return steps;
}
