import { assertEvent, assign, setup } from 'xstate';
import { fillDueDates, hasUncomputedDueDates } from '../calendar.js';
import { canElapse, hasOverdue } from '../deadlines.js';
import type { DisclosureMode } from '../domain.js';
import type { StateMeta } from '../stateMeta.js';
import type { BanliTag } from '../tags.js';
import { defaultResolver } from '../withCalendar.js';
import * as A from './actions/index.js';
import { reduce, reduceAt } from './actions/reduce.js';
import * as C from './commitments.js';
import type { CaseEmitted } from './emitted.js';
import type { CaseEvent } from './events.js';
import * as G from './guards/index.js';
import * as M from './merged.js';
import type { CaseContext, CaseInput, CaseRole, ReturnRecord } from './types.js';

/** The typed setup shared by the case machine's state files. */
export const caseSetup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    emitted: {} as CaseEmitted,
    input: {} as CaseInput,
    tags: {} as BanliTag,
    meta: {} as StateMeta,
  },
  actions: {
    computeDueDates: assign(({ context }) => ({
      deadlines: fillDueDates(context.deadlines, defaultResolver(context.calendar)),
    })),
    recordAcceptance: reduce('case.accept', A.recordAcceptance),
    recordAdjustmentRequest: reduce('case.requestAdjustment', A.recordAdjustmentRequest),
    keepAssignment: reduce('adjustment.keep', A.keepAssignment),
    reassignUnit: reduce('adjustment.reassign', A.reassignUnit),
    recordOpinion: reduce('coUnit.submitOpinion', A.recordOpinion),
    recordMissingOpinions: reduceAt(A.recordMissingOpinions),
    recordContact: reduce('case.recordContact', A.recordContact),
    recordExtensionRequest: reduce('case.requestExtension', A.recordExtensionRequest),
    approveExtension: reduce('extension.approve', A.approveExtension),
    denyExtension: reduce('extension.deny', A.denyExtension),
    storeDraft: reduce('reply.submitDraft', A.storeDraft),
    recordCountersign: reduce('countersign.approve', A.recordCountersign),
    recordCountersignChanges: reduce('countersign.requestChanges', A.recordCountersignChanges),
    recordSignOff: reduce('signOff.approve', A.recordSignOff),
    recordReturn: assign(({ context, event }, params: { by: ReturnRecord['by'] }) => {
      assertEvent(event, ['signOff.return', 'supervisor.return']);
      return A.recordReturn(context, event, params.by);
    }),
    recordSupervisorApproval: reduce('supervisor.approve', A.recordSupervisorApproval),
    issueReply: reduceAt(A.issueReply),
    recordFeedback: reduce('feedback.submit', A.recordFeedback),
    closeFeedback: reduceAt(A.closeFeedback),
    startRehandling: reduce('rehandling.start', A.startRehandling),
    openFollowUp: reduceAt(A.openFollowUp),
    recordFollowUpReply: reduce('followUp.reply', A.recordFollowUpReply),
    closeCase: assign(({ context, event }) =>
      A.closeCase(
        context,
        event.at,
        event.type === 'case.close' ? event.note : event.type === 'case.overrideClose' ? event.reason : undefined,
      ),
    ),
    terminateCase: reduce('case.terminate', A.terminateCase),
    dropProposer: reduce('case.dropProposer', A.dropProposer),
    addMergedItem: reduce('case.addMergedItem', M.addMergedItem),
    recordCloseOverride: reduce('case.overrideClose', A.recordCloseOverride),
    recordMissed: reduce('deadline.elapsed', A.recordMissed),
    openPublication: reduceAt(A.openPublication),
    recordPublication: reduce('publication.publish', A.recordPublication),
    recordDisclosure: reduce('publication.disclose', A.recordDisclosure),
    ...A.caseEmitters,
  },
  guards: {
    hasUncomputedDueDates: ({ context }) => hasUncomputedDueDates(context.deadlines),
    withinAdjustmentWindow: ({ context, event }) =>
      event.type === 'case.requestAdjustment' && G.withinAdjustmentWindow(context, event),
    roleIs: ({ context }, params: { role: CaseRole }) => G.roleIs(context, params.role),
    isNewUnit: ({ context, event }) => event.type === 'adjustment.reassign' && G.isNewUnit(context, event),
    isAwaitedOpinion: ({ context, event }) =>
      event.type === 'coUnit.submitOpinion' && G.isAwaitedOpinion(context, event),
    isProposerContact: ({ context, event }) =>
      event.type === 'case.recordContact' && G.isProposerContact(context, event),
    canRequestExtension: ({ context, event }) =>
      G.canRequestExtension(context, event.type === 'case.requestExtension' ? event : undefined),
    hasPendingExtension: ({ context }) => G.hasPendingExtension(context),
    coOpinionsReady: ({ context, event }) => G.coOpinionsReady(context, event.at),
    isCompleteDraft: ({ context, event }) =>
      (event.type === 'reply.submitDraft' || event.type === 'followUp.reply') && G.isCompleteDraft(context, event),
    needsCountersign: ({ context }) => G.needsCountersign(context),
    needsSupervisorReview: ({ context }) => G.needsSupervisorReview(context),
    isPendingCountersigner: ({ context, event }) =>
      event.type === 'countersign.approve' && G.isPendingCountersigner(context, event),
    completesCountersign: ({ context, event }) =>
      event.type === 'countersign.approve' && G.completesCountersign(context, event),
    isCountersigner: ({ context, event }) =>
      event.type === 'countersign.requestChanges' && G.isCountersigner(context, event),
    isAllowedSigner: ({ context, event }) => event.type === 'signOff.approve' && G.isAllowedSigner(context, event),
    isSignableLetter: ({ context, event }) => G.isSignableLetter(context, event),
    isSendableFollowUp: ({ context, event }) => event.type === 'followUp.reply' && G.isSendableFollowUp(context, event),
    canAddMergedItem: ({ context, event }) => event.type === 'case.addMergedItem' && M.canAddMergedItem(context, event),
    draftCoversMergedItems: ({ context }) => M.draftCoversMergedItems(context),
    isAllowedClass: ({ context, event }) => event.type === 'supervisor.approve' && G.isAllowedClass(context, event),
    canSubmitFeedback: ({ context, event }) => event.type === 'feedback.submit' && G.canSubmitFeedback(context, event),
    feedbackComplete: ({ context }, params: { outcome: 'positive' | 'dissatisfied' }) =>
      G.feedbackComplete(context, params.outcome),
    canRehandle: ({ context }) => G.canRehandle(context),
    commitmentOpen: ({ context, event }) => G.commitmentOpen(context, event),
    closesCommitments: ({ context, event }) => event.type === 'followUp.reply' && C.closesCommitments(context, event),
    isFeedbackDeadline: ({ context, event }) =>
      event.type === 'deadline.elapsed' && G.isFeedbackDeadline(context, event.deadlineId),
    feedbackPeriodOver: ({ context, event }) => G.feedbackPeriodOver(context, event.at),
    canElapse: ({ context, event }) =>
      event.type === 'deadline.elapsed' && canElapse(context.deadlines, event.deadlineId, event.at),
    noOverdue: ({ context }) => !hasOverdue(context.deadlines),
    replyIssuedWith: ({ context }, params: { mode: DisclosureMode }) =>
      context.letters.length > 0 && context.publication.mode === params.mode,
    endedWithoutReply: ({ context }) =>
      context.letters.length === 0 && (context.closedAt !== undefined || context.terminated !== undefined),
  },
});
