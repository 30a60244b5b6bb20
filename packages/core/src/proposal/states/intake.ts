import { proposalSetup } from '../setup.js';

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

/** 并案 (target side): another item is merged into this one while no case has replied (S20). */
export const mergeIn = {
  'proposal.addMergedItem': { guard: 'canAddMergedItem', actions: ['recordMergedItem', 'emitItemMerged'] },
} as const;

/** 草稿: the proposer is still writing. */
export const draft = proposalSetup.createStateConfig({
  description: 'The proposer is writing the item',
  meta: { label: { 'zh-CN': '草稿', en: 'Draft' } },
  tags: ['awaitingProposer'],
  on: {
    'proposal.submit': { target: 'submitted', actions: ['recordSubmission', 'emitSubmitted'] },
    ...withdraw,
  },
});

/** 已提交: waiting for the review body. */
export const submitted = proposalSetup.createStateConfig({
  description: 'Submitted, waiting for review',
  meta: { label: { 'zh-CN': '已提交', en: 'Submitted' } },
  tags: ['awaitingOffice'],
  on: { 'review.start': { target: 'review', actions: 'recordReviewStart' }, ...withdraw },
});

/** 审查: the review body registers, merges, converts or rejects the item. */
export const review = proposalSetup.createStateConfig({
  description: 'The review body decides whether to register the item',
  meta: { label: { 'zh-CN': '审查中', en: 'Under review' } },
  tags: ['awaitingOffice'],
  on: {
    'review.register': {
      guard: 'keyHasLeader',
      target: 'registered',
      actions: ['recordRegistration', 'emitRegistered'],
    },
    'review.merge': { guard: 'isOtherItem', target: 'merged', actions: ['recordDecision', 'emitMerged'] },
    'review.convert': { target: 'converted', actions: ['recordDecision', 'emitConverted'] },
    'review.reject': { target: 'rejected', actions: ['recordDecision', 'emitRejected'] },
    ...mergeIn,
    ...withdraw,
  },
});
