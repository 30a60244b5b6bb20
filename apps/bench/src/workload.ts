import type { ReplyLetter } from '@banli/schemas';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import type { Actor } from '@banli/sdk';

/** An SDK actor (role and id). */
export type BenchActor = Actor;

/** One command of a lifecycle: the event and who sends it. */
export type Command = [event: { type: string; at: string; [key: string]: unknown }, actor: BenchActor];

/** The committee, the assigning office, the lead unit's clerk and its director. */
export const actors = {
  committee: { role: 'committee', id: 'committee' },
  office: { role: 'assigningOffice', id: 'office', unitId: 'zs-government-office' },
  lead: { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' },
  leader: { role: 'leader', id: 'director', unitId: 'zs-commerce' },
} as const satisfies Record<string, BenchActor>;

/** The sole-unit assignment of the seed proposal. */
const assignment = { ...seedAssignment132402, mode: 'sole', coUnits: [] };

/** The proposal of lifecycle `i`: the seed proposal 132402 under a new id. */
export function proposalFor(id: string) {
  return { ...seedProposal132402, id };
}

/** The id of proposal `i`. */
export const idOf = (i: number): string => `p${String(i).padStart(7, '0')}`;

/** The unit case id of a proposal. */
export const caseIdOf = (id: string): string => `${id}/zs-commerce`;

/**
 * The 12 commands after creation of one whole lifecycle (submit → register → assign → accept → draft → sign off →
 * three proposers' feedback → archive), the seed letter 132402 as the reply: 13 commands with the creation.
 */
export function lifecycle(id: string): Command[] {
  const caseId = caseIdOf(id);
  const steps: Command[] = [
    [
      { type: 'proposal.submit', at: '2023-02-20' },
      { role: 'proposer', id: 'member-liang-xiaoheng' },
    ],
    [{ type: 'review.start', at: '2023-02-21' }, actors.committee],
    [{ type: 'review.register', at: '2023-03-01' }, actors.committee],
    [{ type: 'assignment.assign', at: '2023-03-15', assignment }, actors.office],
    [{ type: 'case.accept', at: '2023-03-16', caseId }, actors.lead],
    [{ type: 'case.startDrafting', at: '2023-06-01', caseId }, actors.lead],
    [{ type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 }, actors.lead],
    [{ type: 'signOff.approve', at: '2023-06-29', caseId, signer: '局长' }, actors.leader],
  ];
  for (const p of seedProposal132402.proposers) {
    const feedback = { proposerId: p.id, level: 'satisfied', date: '2023-07-10' };
    steps.push([
      { type: 'feedback.submit', at: '2023-07-10', caseId, feedback },
      { role: 'proposer', id: p.id },
    ]);
  }
  steps.push([{ type: 'proposal.archive', at: '2023-07-20' }, actors.committee]);
  return steps;
}

/** Commands per lifecycle, the creation included. */
export const COMMANDS_PER_LIFECYCLE = lifecycle('x').length + 1;

/**
 * The seed letter 132402 grown to at least `bytes` bytes of JSON (UTF-8): its own answer paragraphs repeated in each
 * response's body, so it stays a valid reply to the seed proposal (every point still answered) and reads like one.
 */
export function letterOfSize(bytes: number): ReplyLetter {
  const size = (l: ReplyLetter) => Buffer.byteLength(JSON.stringify(l));
  const responses = (seedReplyLetter132402.responses ?? []).map((r) => ({ ...r, body: [...r.body] }));
  const letter: ReplyLetter = { ...seedReplyLetter132402, responses };
  const paragraphs = responses.flatMap((r) => r.body);
  for (let i = 0; size(letter) < bytes; i++) {
    const r = responses[i % responses.length];
    r?.body.push(paragraphs[i % paragraphs.length] as string);
  }
  return letter;
}
