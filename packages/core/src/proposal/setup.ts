import { assign, setup } from 'xstate';
import { fillDueDates, hasUncomputedDueDates } from '../calendar.js';
import { canElapse, hasOverdue } from '../deadlines.js';
import type { StateMeta } from '../stateMeta.js';
import type { BanliTag } from '../tags.js';
import { defaultResolver } from '../withCalendar.js';
import * as A from './actions/index.js';
import { reduce } from './actions/reduce.js';
import type { ProposalEmitted } from './emitted.js';
import type { ProposalEvent } from './events.js';
import * as G from './guards/index.js';
import type { ProposalContext, ProposalInput } from './types.js';

const caseIdOf = (event: ProposalEvent) => ('caseId' in event && event.caseId ? event.caseId : '');

/** The typed setup shared by the proposal machine's state files. */
export const proposalSetup = setup({
  types: {
    context: {} as ProposalContext,
    events: {} as ProposalEvent,
    emitted: {} as ProposalEmitted,
    input: {} as ProposalInput,
    tags: {} as BanliTag,
    meta: {} as StateMeta,
  },
  actions: {
    computeDueDates: assign(({ context }) => ({
      deadlines: fillDueDates(context.deadlines, defaultResolver(context.calendar)),
    })),
    recordSubmission: reduce('proposal.submit', A.recordSubmission),
    recordReviewStart: reduce('review.start', A.recordReviewStart),
    recordRegistration: reduce('review.register', A.recordRegistration),
    recordDecision: reduce(['review.merge', 'review.convert', 'review.reject'], A.recordDecision),
    recordWithdrawal: reduce('proposal.withdraw', A.recordWithdrawal),
    recordSignatureWithdrawal: reduce('proposal.withdrawSignature', A.recordSignatureWithdrawal),
    recordAssignment: reduce('assignment.assign', A.recordAssignment),
    recordMergedItem: reduce('proposal.addMergedItem', A.recordMergedItem),
    recordCaseAccepted: reduce('case.accepted', A.recordCaseAccepted),
    recordCaseReassigned: reduce('case.reassigned', A.recordCaseReassigned),
    recordCaseReplied: reduce('case.replied', A.recordCaseReplied),
    recordCaseClosed: reduce('case.closed', A.recordCaseClosed),
    stamp: assign(({ event }, params: { key: 'answeredAt' | 'closedAt' | 'archivedAt' }) =>
      A.stamp(params.key, event.at),
    ),
    recordMissed: reduce('deadline.elapsed', A.recordMissed),
    ...A.proposalEmitters,
  },
  guards: {
    hasUncomputedDueDates: ({ context }) => hasUncomputedDueDates(context.deadlines),
    keyHasLeader: ({ context, event }) => event.type === 'review.register' && G.keyHasLeader(context, event),
    isFirstProposerRequest: ({ context, event }) =>
      event.type === 'proposal.withdraw' && G.isFirstProposerRequest(context, event),
    isCosignerRequest: ({ context, event }) =>
      event.type === 'proposal.withdrawSignature' && G.isCosignerRequest(context, event),
    isOtherItem: ({ context, event }) => event.type === 'review.merge' && G.isOtherItem(context, event),
    canAddMergedItem: ({ context, event }) =>
      event.type === 'proposal.addMergedItem' && G.canAddMergedItem(context, event),
    isValidAssignment: ({ context, event }) =>
      event.type === 'assignment.assign' && G.isValidAssignment(context, event),
    isOpenCase: ({ context, event }) => G.isOpenCase(context, caseIdOf(event)),
    completesReplies: ({ context, event }) => G.completesReplies(context, caseIdOf(event)),
    completesClosure: ({ context, event }) => G.completesClosure(context, caseIdOf(event)),
    canElapse: ({ context, event }) =>
      event.type === 'deadline.elapsed' && canElapse(context.deadlines, event.deadlineId, event.at),
    noOverdue: ({ context }) => !hasOverdue(context.deadlines),
  },
});
