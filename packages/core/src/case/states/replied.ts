import { and, not } from 'xstate';
import { caseSetup } from '../setup.js';
import { onContact, onTerminate } from './fragments.js';

const positive = { type: 'feedbackComplete', params: { outcome: 'positive' } } as const;
const dissatisfied = { type: 'feedbackComplete', params: { outcome: 'dissatisfied' } } as const;

/** 提案委员会 only: closes a case whose B/C commitment is still open, with a reason (logged and counted). */
const overrideClose = {
  'case.overrideClose': {
    guard: 'commitmentOpen',
    target: '#case.lifecycle.closed',
    actions: ['recordCloseOverride', 'emitCloseOverridden'],
  },
} as const;

/**
 * The second reply on a B/C commitment (二次答复, S10 S74): complete letters (every point answered) that meet the
 * locality's letter requirements for the item's kind (issue 15), to the item's own proposers and to each merged item
 * whose commitment it answers. Once every open commitment is answered the case closes; until then it stays in
 * follow-up.
 */
const record = ['recordFollowUpReply', 'emitFollowUpReplied'] as const;
const closes = { target: '#case.lifecycle.closed', actions: record } as const;

/** 已答复: the letter is issued (`reply.issued`); then feedback, follow-up or re-handling. */
export const replied = caseSetup.createStateConfig({
  description: 'The reply letter is issued; the proposers rate it',
  meta: { label: { 'zh-CN': '已答复', en: 'Replied' } },
  entry: [
    'issueReply',
    'emitReplyIssued',
    'emitMergedRepliesIssued',
    { type: 'emitOpinionsMissing', params: { step: 'reply' } },
  ],
  initial: 'awaitingFeedback',
  states: {
    awaitingFeedback: {
      description: 'Every proposer rates the reply',
      meta: { label: { 'zh-CN': '待反馈', en: 'Awaiting feedback' } },
      tags: ['awaitingProposer', 'clock.running'],
      always: [
        { guard: and([positive, 'commitmentOpen']), target: 'followUp', actions: 'closeFeedback' },
        { guard: positive, target: '#case.lifecycle.closed', actions: 'closeFeedback' },
        { guard: dissatisfied, target: 'dissatisfied', actions: 'closeFeedback' },
      ],
      on: {
        'feedback.submit': { guard: 'canSubmitFeedback', actions: ['recordFeedback', 'emitFeedbackReceived'] },
        // No feedback came back: a reply without a commitment may be closed; a B/C commitment goes on (S10).
        'case.close': { guard: and(['feedbackPeriodOver', not('commitmentOpen')]), target: '#case.lifecycle.closed' },
        'deadline.elapsed': { guard: and(['isFeedbackDeadline', 'commitmentOpen']), target: 'followUp' },
        'followUp.reply': [
          { guard: and(['commitmentOpen', 'isCompleteDraft', 'isSendableFollowUp', 'closesCommitments']), ...closes },
          { guard: and(['commitmentOpen', 'isCompleteDraft', 'isSendableFollowUp']), actions: record },
        ],
        ...overrideClose,
        ...onContact,
        ...onTerminate,
      },
    },
    dissatisfied: {
      description: 'A proposer is dissatisfied: the office orders re-handling or closes the case',
      meta: { label: { 'zh-CN': '不满意待处理', en: 'Dissatisfied' } },
      tags: ['awaitingOffice'],
      // No re-handling round left: an open commitment is followed up, never dropped.
      always: { guard: and([not('canRehandle'), 'commitmentOpen']), target: 'followUp' },
      on: {
        'rehandling.start': {
          guard: 'canRehandle',
          target: '#case.lifecycle.rehandling',
          actions: ['startRehandling', 'emitRehandlingStarted'],
        },
        'case.close': { guard: not('commitmentOpen'), target: '#case.lifecycle.closed' },
        ...overrideClose,
        ...onContact,
        ...onTerminate,
      },
    },
    followUp: {
      description: 'A B/C commitment is followed up until a second reply',
      meta: { label: { 'zh-CN': '跟踪办理', en: 'Follow-up' } },
      tags: ['awaitingUnit', 'clock.running'],
      entry: 'openFollowUp',
      on: {
        'followUp.reply': [
          { guard: and(['isCompleteDraft', 'isSendableFollowUp', 'closesCommitments']), ...closes },
          { guard: and(['isCompleteDraft', 'isSendableFollowUp']), actions: record },
        ],
        // Only an entry replayed from an earlier version, which closed a follow-up without its second reply, passes.
        'case.close': { guard: not('commitmentOpen'), target: '#case.lifecycle.closed' },
        ...overrideClose,
        ...onContact,
        ...onTerminate,
      },
    },
  },
});
