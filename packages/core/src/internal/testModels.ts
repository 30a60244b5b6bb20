import { chinaMainland } from '@banli/calendar';
import { type Unit, withLetterClass } from '@banli/schemas';
import { fixtures } from '@banli/schemas/fixtures';
import type { CaseEvent } from '../case/events.js';
import { caseMachine } from '../case/machine.js';
import type { CaseInput } from '../case/types.js';
import { presets } from '../policy/presets/index.js';
import type { Policy } from '../policy/schema.js';
import type { ProposalEvent } from '../proposal/events.js';
import { proposalMachine } from '../proposal/machine.js';
import type { ProposalInput } from '../proposal/types.js';
import { calendarRef, withCalendar } from '../withCalendar.js';

// The models banli's machines are explored and tested with: one copy for core's tests, @banli/testing and the
// benchmarks (reached through `@banli/core/internal`).

/** Early business date (the assignment date) and a late one past every due date. */
export const EARLY = '2023-03-15';
export const LATE = '2024-12-31';

const unit = (id: string): Unit => ({ id, name: id });
/** The lead unit of the model case. */
export const U1 = unit('u1');
/** The unit a case is reassigned or split to. */
export const U2 = unit('u2');
/** The first co-handling unit (and the reference unit). */
export const C1 = unit('c1');
/** The second co-handling unit. */
export const C2 = unit('c2');

/** A policy with every optional step switched on. */
export const fullPolicy: Policy = {
  ...presets.guangdongCity,
  id: 'test-full',
  periods: { ...presets.guangdongCity.periods, assignment: { kind: 'workingDays', days: 5 } },
  requireCountersign: true,
  requireSupervisorReview: true,
  requireCoOpinionsBeforeDrafting: true,
  followUpClasses: ['B'],
};

/** A policy with every optional step switched off. */
export const minimalPolicy: Policy = {
  ...presets.guangdongCity,
  id: 'test-minimal',
  requireCountersign: false,
  requireSupervisorReview: false,
  requireCoOpinionsBeforeDrafting: false,
};

/** The China-mainland calendar as the machines' input names it. */
export const calendar = calendarRef(chinaMainland);
/** The case machine bound to the China-mainland calendar, as the coordinator runs it. */
export const caseModel = withCalendar(caseMachine, chinaMainland);
/** The proposal machine bound to the China-mainland calendar. */
export const proposalModel = withCalendar(proposalMachine, chinaMainland);

/** The model case's input (case `p/u1`, unit `u1`) for a role and a policy. */
export function caseInput(role: CaseInput['role'], policy: Policy): CaseInput {
  return {
    caseId: 'p/u1',
    proposalId: 'p',
    unit: U1,
    role,
    coUnits: role === 'lead' ? [C1, C2] : [],
    proposers: [{ id: 'm1', name: 'M1' }],
    suggestionIds: ['s1'],
    policy,
    calendar,
    assignedAt: EARLY,
  };
}

/** An item merged in (并案): one proposer, one point. */
const mergedItem = {
  proposalId: 'other',
  title: 'Other',
  proposers: [{ id: 'm9', name: 'M9' }],
  suggestionIds: ['o1'],
  mergedAt: EARLY,
};

/** The case-machine configurations explored together: every optional step on, every one off, reference. */
export const caseConfigs: { name: string; input: CaseInput }[] = [
  { name: 'lead, full policy', input: caseInput('lead', fullPolicy) },
  { name: 'lead, minimal policy', input: caseInput('lead', minimalPolicy) },
  { name: 'reference', input: caseInput('reference', minimalPolicy) },
  // 并案: one item merged in before the reply, so merged letters and their commitments (跟踪办理) are explored.
  { name: 'sole, merged item', input: { ...caseInput('sole', minimalPolicy), mergedItems: [mergedItem] } },
];

const letter = (cls: 'A' | 'B' | 'C', mode: 'proactive' | 'onRequest' | 'withheld') => ({
  ...withLetterClass(fixtures.seedReplyLetter132402, cls),
  responses: fixtures.seedReplyLetter132402.responses?.slice(0, 1),
  disclosure: mode === 'withheld' ? { mode, reason: '涉及个人信息' } : { mode },
});

/** A letter to the merged item's proposer, answering its one point. */
const mergedLetter = (cls: 'A' | 'B') => {
  const own = letter(cls, 'proactive');
  const first = own.responses?.[0];
  return { ...own, proposalId: 'other', responses: first ? [{ ...first, suggestionIds: ['o1'] }] : [] };
};

const opinion = (from: Unit) => ({ fromUnit: from, toUnit: U1, text: 'ok', date: EARLY });
const base = { caseId: 'p/u1', at: EARLY };

/** The explicit case-event alphabet (deadline.elapsed is added per state for the first open deadline). */
export const caseEvents: CaseEvent[] = [
  { type: 'case.accept', ...base },
  { type: 'case.requestAdjustment', ...base, reason: 'not ours' },
  { type: 'case.requestAdjustment', caseId: 'p/u1', at: LATE, reason: 'too late' },
  { type: 'adjustment.keep', ...base },
  { type: 'adjustment.reassign', ...base, toUnit: U2 },
  { type: 'coUnit.submitOpinion', ...base, opinion: opinion(C1) },
  { type: 'coUnit.submitOpinion', ...base, opinion: opinion(C2) },
  { type: 'case.recordContact', ...base, proposerId: 'm1', method: 'phone' },
  { type: 'case.requestExtension', ...base, reason: 'complex' },
  { type: 'extension.approve', ...base },
  { type: 'extension.deny', ...base },
  { type: 'case.startDrafting', ...base },
  { type: 'reply.submitDraft', ...base, letter: letter('A', 'proactive') },
  { type: 'reply.submitDraft', ...base, letter: letter('B', 'onRequest') },
  { type: 'reply.submitDraft', ...base, letter: letter('C', 'withheld') },
  { type: 'countersign.approve', ...base, unitId: 'c1' },
  { type: 'countersign.approve', ...base, unitId: 'c2' },
  { type: 'countersign.requestChanges', ...base, unitId: 'c1', note: 'fix' },
  { type: 'signOff.approve', ...base, signer: 'director' },
  { type: 'signOff.return', ...base, note: 'redo' },
  { type: 'supervisor.approve', ...base },
  { type: 'supervisor.approve', ...base, class: 'B' },
  { type: 'supervisor.return', ...base, note: 'redo' },
  { type: 'feedback.submit', ...base, feedback: { proposerId: 'm1', level: 'satisfied', date: EARLY } },
  {
    type: 'feedback.submit',
    ...base,
    feedback: { proposerId: 'm1', level: 'dissatisfied', comment: 'not enough', date: EARLY },
  },
  { type: 'rehandling.start', ...base },
  { type: 'followUp.reply', ...base, letter: letter('A', 'proactive') },
  { type: 'reply.submitDraft', ...base, letter: letter('A', 'proactive'), mergedLetters: [mergedLetter('B')] },
  { type: 'reply.submitDraft', ...base, letter: letter('B', 'proactive'), mergedLetters: [mergedLetter('B')] },
  { type: 'feedback.submit', ...base, feedback: { proposerId: 'm9', level: 'satisfied', date: EARLY } },
  { type: 'followUp.reply', ...base, mergedLetters: [mergedLetter('A')] },
  // A close logged under an earlier machine version (no commitment rule then) replays; a live one never carries this.
  { type: 'case.close', ...base, writtenUnder: 'proposal@1' } as CaseEvent,
  { type: 'case.close', ...base },
  { type: 'case.close', caseId: 'p/u1', at: LATE },
  { type: 'case.overrideClose', ...base, reason: 'committee decision' },
  { type: 'publication.publish', ...base },
  { type: 'publication.disclose', ...base, requestId: 'r1' },
  { type: 'case.dropProposer', ...base, proposerId: 'm2' },
  { type: 'case.addMergedItem', ...base, item: mergedItem },
  { type: 'case.terminate', ...base, reason: 'withdrawn' },
];

/** The model proposal `p`: the seed proposal with two member proposers. */
export const proposal = {
  ...fixtures.seedProposal132402,
  id: 'p',
  proposers: [
    { id: 'm1', type: 'member' as const, name: 'M1', first: true },
    { id: 'm2', type: 'member' as const, name: 'M2' },
  ],
};

/** The proposal machine's input for the model proposal under the full policy. */
export const proposalInput: ProposalInput = { proposal, at: EARLY, policy: fullPolicy, calendar };

const office = unit('office');
const split = { mode: 'split' as const, coUnits: [], splitUnits: [U1, U2], assigningOffice: office, date: EARLY };
const reference = {
  mode: 'reference' as const,
  coUnits: [],
  referenceUnits: [C1],
  assigningOffice: office,
  date: EARLY,
};
const at = { at: EARLY };

/** The explicit proposal-event alphabet. */
export const proposalEvents: ProposalEvent[] = [
  { type: 'proposal.submit', ...at },
  { type: 'review.start', ...at },
  { type: 'review.register', ...at },
  { type: 'review.register', ...at, key: true, supervisingLeader: '副市长' },
  { type: 'review.register', ...at, key: true },
  { type: 'review.merge', ...at, into: 'other' },
  { type: 'proposal.addMergedItem', ...at, item: mergedItem },
  { type: 'review.convert', ...at },
  { type: 'review.reject', ...at, reason: 'emptyContent' },
  { type: 'proposal.withdraw', ...at, by: 'm1', writtenRequest: { date: EARLY } },
  { type: 'proposal.withdrawSignature', ...at, by: 'm2', writtenRequest: { date: EARLY } },
  { type: 'assignment.assign', ...at, assignment: split },
  { type: 'assignment.assign', ...at, assignment: reference },
  { type: 'case.accepted', ...at, caseId: 'p/u1' },
  { type: 'case.accepted', ...at, caseId: 'p/c1' },
  { type: 'case.reassigned', ...at, caseId: 'p/u1', toUnit: C2 },
  { type: 'case.replied', ...at, caseId: 'p/u1', class: 'A' },
  { type: 'case.replied', ...at, caseId: 'p/u2', class: 'B' },
  { type: 'case.closed', ...at, caseId: 'p/u1' },
  { type: 'case.closed', ...at, caseId: 'p/u2' },
  { type: 'case.closed', ...at, caseId: 'p/c1' },
  { type: 'proposal.archive', ...at },
];
