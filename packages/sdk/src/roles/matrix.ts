import { BANLI_EVENT_TYPES } from '@banli/schemas';
import type { Role } from './roles.js';

/** Every event type a user or the scheduler can send, in the order of @banli/schemas `BanliEventSchema`. */
export const EVENT_TYPES = BANLI_EVENT_TYPES;

/** An event type. */
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Which roles may send which event; an empty list marks an internal event the coordinator derives itself.
 * The README's role table is generated from this object.
 */
export const ROLE_MATRIX: Record<EventType, readonly Role[]> = {
  'proposal.submit': ['proposer', 'committee'],
  'review.start': ['committee'],
  'review.register': ['committee'],
  'review.merge': ['committee'],
  'review.convert': ['committee'],
  'review.reject': ['committee'],
  'proposal.withdraw': ['proposer', 'committee'],
  'proposal.withdrawSignature': ['proposer', 'committee'],
  'assignment.assign': ['assigningOffice', 'committee'],
  // 并案: written by the SDK on the target when `review.merge` merges an item into it.
  'proposal.addMergedItem': [],
  'case.accepted': [],
  'case.reassigned': [],
  'case.replied': [],
  'case.closed': [],
  'proposal.archive': ['committee'],
  'deadline.elapsed': ['system'],
  'case.accept': ['leadUnit'],
  'case.requestAdjustment': ['leadUnit'],
  'adjustment.keep': ['assigningOffice'],
  'adjustment.reassign': ['assigningOffice'],
  'coUnit.submitOpinion': ['coUnit'],
  'case.recordContact': ['leadUnit', 'coUnit'],
  'case.requestExtension': ['leadUnit'],
  'extension.approve': ['assigningOffice'],
  'extension.deny': ['assigningOffice'],
  'case.startDrafting': ['leadUnit'],
  'reply.submitDraft': ['leadUnit'],
  'countersign.approve': ['coUnit'],
  'countersign.requestChanges': ['coUnit'],
  'signOff.approve': ['leader'],
  'signOff.return': ['leader'],
  'supervisor.approve': ['supervisor'],
  'supervisor.return': ['supervisor'],
  'feedback.submit': ['proposer'],
  'rehandling.start': ['assigningOffice', 'committee'],
  'followUp.reply': ['leadUnit'],
  'case.close': ['assigningOffice', 'committee'],
  'case.overrideClose': ['committee'],
  'publication.publish': ['leadUnit', 'assigningOffice'],
  'publication.disclose': ['leadUnit', 'assigningOffice'],
  'case.addMergedItem': [],
  'case.dropProposer': [],
  'case.terminate': [],
};

/** Whether `role` may send `type` at all (scope checks come on top). */
export function roleMaySend(role: Role, type: string): boolean {
  return (ROLE_MATRIX as Record<string, readonly Role[] | undefined>)[type]?.includes(role) ?? false;
}
