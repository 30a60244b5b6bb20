import { proposalSetup } from '../setup.js';
import { mergeIn } from './intake.js';

/** S31: the first proposer withdraws the item in writing; a co-signer may only withdraw their own signature. */
const withdraw = {
  'proposal.withdraw': {
    guard: 'isFirstProposerRequest',
    target: 'withdrawn',
    actions: ['recordWithdrawal', 'emitWithdrawn'],
  },
  'proposal.withdrawSignature': {
    guard: 'isCosignerRequest',
    actions: ['recordSignatureWithdrawal', 'emitSignatureWithdrawn'],
  },
} as const;
const reassigned = { 'case.reassigned': { guard: 'isOpenCase', actions: 'recordCaseReassigned' } } as const;
const closure = {
  'case.closed': [
    {
      guard: 'completesClosure',
      target: 'closed',
      actions: ['recordCaseClosed', { type: 'stamp', params: { key: 'closedAt' } }, 'emitClosed'],
    },
    { guard: 'isOpenCase', actions: 'recordCaseClosed' },
  ],
} as const;

/** 已立案: waiting for the assignment (交办). */
export const registered = proposalSetup.createStateConfig({
  description: 'Registered, waiting for assignment',
  meta: { label: { 'zh-CN': '已立案', en: 'Registered' } },
  tags: ['awaitingOffice'],
  on: {
    'assignment.assign': {
      guard: 'isValidAssignment',
      target: 'assigned',
      actions: ['recordAssignment', 'emitCasesOpened'],
    },
    ...mergeIn,
    ...withdraw,
  },
});

/** 已交办: cases opened, waiting for the first acceptance. */
export const assigned = proposalSetup.createStateConfig({
  description: 'Assigned; waiting for the units to accept',
  meta: { label: { 'zh-CN': '已交办', en: 'Assigned' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'case.accepted': { guard: 'isOpenCase', target: 'inHandling', actions: 'recordCaseAccepted' },
    ...reassigned,
    ...mergeIn,
    ...withdraw,
  },
});

/** 办理中: the units handle their cases. */
export const inHandling = proposalSetup.createStateConfig({
  description: 'The units handle their cases',
  meta: { label: { 'zh-CN': '办理中', en: 'In handling' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'case.accepted': { guard: 'isOpenCase', actions: 'recordCaseAccepted' },
    'case.replied': [
      {
        guard: 'completesReplies',
        target: 'answered',
        actions: ['recordCaseReplied', { type: 'stamp', params: { key: 'answeredAt' } }, 'emitAnswered'],
      },
      { guard: 'isOpenCase', actions: 'recordCaseReplied' },
    ],
    ...closure,
    ...reassigned,
    ...mergeIn,
    ...withdraw,
  },
});

/** 已答复: every case replied; waiting for feedback, re-handling and follow-up to finish. */
export const answered = proposalSetup.createStateConfig({
  description: 'Every responsible unit has replied',
  meta: { label: { 'zh-CN': '已答复', en: 'Answered' } },
  tags: ['awaitingProposer'],
  on: {
    'case.replied': { guard: 'isOpenCase', actions: 'recordCaseReplied' },
    ...closure,
  },
});

/** 已办结: every case closed; waiting to be archived. */
export const closed = proposalSetup.createStateConfig({
  description: 'Every case is closed',
  meta: { label: { 'zh-CN': '已办结', en: 'Closed' } },
  tags: ['awaitingOffice'],
  on: {
    'proposal.archive': {
      target: 'archived',
      actions: [{ type: 'stamp', params: { key: 'archivedAt' } }, 'emitArchived'],
    },
  },
});
