import { fixtures, seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import type { Actor, EventType } from '../../src/index.js';
import { ROLE_MATRIX, ROLES } from '../../src/index.js';
import { seedCaseId } from './seedBanli.js';

const caseId = seedCaseId;
const at = '2023-08-01';
const u = fixtures.seedUnits;
const mergedItem = {
  proposalId: 'zs-cppcc-13-2-132401',
  title: '关于促进消费的建议',
  proposers: [{ id: 'member-placeholder-9', name: '委员（占位）' }],
  suggestionIds: ['s1'],
  mergedAt: at,
};

/** A schema-valid event of every type, naming the in-scope actors below. */
export const SAMPLE_EVENTS: Record<EventType, Record<string, unknown>> = {
  'proposal.submit': { type: 'proposal.submit', at },
  'review.start': { type: 'review.start', at },
  'review.register': { type: 'review.register', at },
  'review.merge': { type: 'review.merge', at, into: 'zs-cppcc-13-2-132401' },
  'review.convert': { type: 'review.convert', at },
  'review.reject': { type: 'review.reject', at, reason: 'academicDiscussion' },
  'proposal.withdraw': {
    type: 'proposal.withdraw',
    at,
    by: 'member-liang-xiaoheng',
    writtenRequest: { date: at },
  },
  'proposal.withdrawSignature': {
    type: 'proposal.withdrawSignature',
    at,
    by: 'member-placeholder-1',
    writtenRequest: { date: at },
  },
  'assignment.assign': { type: 'assignment.assign', at, assignment: seedAssignment132402 },
  'proposal.addMergedItem': { type: 'proposal.addMergedItem', at, item: mergedItem },
  'case.accepted': { type: 'case.accepted', at, caseId },
  'case.reassigned': { type: 'case.reassigned', at, caseId, toUnit: u.zsInvestment },
  'case.replied': { type: 'case.replied', at, caseId, class: 'A' },
  'case.closed': { type: 'case.closed', at, caseId },
  'proposal.archive': { type: 'proposal.archive', at },
  'deadline.elapsed': { type: 'deadline.elapsed', at, deadlineId: `${caseId}:reply:1`, caseId },
  'case.accept': { type: 'case.accept', at, caseId },
  'case.requestAdjustment': { type: 'case.requestAdjustment', at, caseId, reason: '职能不符' },
  'adjustment.keep': { type: 'adjustment.keep', at, caseId },
  'adjustment.reassign': { type: 'adjustment.reassign', at, caseId, toUnit: u.zsInvestment },
  'coUnit.submitOpinion': {
    type: 'coUnit.submitOpinion',
    at,
    caseId,
    opinion: { fromUnit: u.zsEducation, toUnit: u.zsCommerce, text: '会办意见', date: at },
  },
  'case.recordContact': {
    type: 'case.recordContact',
    at,
    caseId,
    proposerId: 'member-liang-xiaoheng',
    method: 'phone',
  },
  'case.requestExtension': { type: 'case.requestExtension', at, caseId, reason: '需协调' },
  'extension.approve': { type: 'extension.approve', at, caseId },
  'extension.deny': { type: 'extension.deny', at, caseId },
  'case.startDrafting': { type: 'case.startDrafting', at, caseId },
  'reply.submitDraft': { type: 'reply.submitDraft', at, caseId, letter: seedReplyLetter132402 },
  'countersign.approve': { type: 'countersign.approve', at, caseId, unitId: u.zsEducation.id },
  'countersign.requestChanges': {
    type: 'countersign.requestChanges',
    at,
    caseId,
    unitId: u.zsEducation.id,
    note: '请修改',
  },
  'signOff.approve': { type: 'signOff.approve', at, caseId, signer: '局长' },
  'signOff.return': { type: 'signOff.return', at, caseId, note: '退回' },
  'supervisor.approve': { type: 'supervisor.approve', at, caseId },
  'supervisor.return': { type: 'supervisor.return', at, caseId, note: '退回' },
  'feedback.submit': {
    type: 'feedback.submit',
    at,
    caseId,
    feedback: { proposerId: 'member-liang-xiaoheng', level: 'satisfied', date: at },
  },
  'rehandling.start': { type: 'rehandling.start', at, caseId },
  'followUp.reply': { type: 'followUp.reply', at, caseId, letter: { ...seedReplyLetter132402, class: 'B' } },
  'case.close': { type: 'case.close', at, caseId },
  'case.overrideClose': { type: 'case.overrideClose', at, caseId, reason: '规划调整，承诺无法落实' },
  'publication.publish': { type: 'publication.publish', at, caseId },
  'publication.disclose': { type: 'publication.disclose', at, caseId },
  'case.dropProposer': { type: 'case.dropProposer', at, caseId, proposerId: 'member-placeholder-1' },
  'case.addMergedItem': { type: 'case.addMergedItem', at, caseId, item: mergedItem },
  'case.terminate': { type: 'case.terminate', at, caseId, reason: 'proposal.withdrawn' },
};

const IN_SCOPE = {
  proposer: { role: 'proposer', id: 'member-liang-xiaoheng' },
  committee: { role: 'committee', id: 'committee' },
  assigningOffice: { role: 'assigningOffice', id: 'office', unitId: 'zs-government-office' },
  leadUnit: { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' },
  coUnit: { role: 'coUnit', id: 'co-clerk', unitId: 'zs-education' },
  leader: { role: 'leader', id: 'director', unitId: 'zs-commerce' },
  supervisor: { role: 'supervisor', id: 'dban' },
  system: { role: 'system', id: 'scheduler' },
} satisfies Record<(typeof ROLES)[number], Actor>;

/** An actor allowed to send the event (undefined for internal events). */
export function allowedActor(type: EventType): Actor | undefined {
  const role = ROLE_MATRIX[type][0];
  return role === undefined ? undefined : IN_SCOPE[role];
}

/** An in-scope actor whose role may not send the event. */
export function refusedActor(type: EventType): Actor {
  const role = ROLES.find((r) => !ROLE_MATRIX[type].includes(r)) as (typeof ROLES)[number];
  return IN_SCOPE[role];
}
