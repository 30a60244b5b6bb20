import { and } from 'xstate';
import { caseSetup } from '../setup.js';
import { onContact, onExtensionDecision, onExtensionRequest, onOpinion, onTerminate } from './fragments.js';

/** 办理: research, co-handlers' opinions, contact with proposers, extensions. */
export const handling = caseSetup.createStateConfig({
  description: 'The unit handles the case; co-handlers send opinions',
  meta: { label: { 'zh-CN': '办理中', en: 'Handling' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'case.startDrafting': {
      guard: 'coOpinionsReady',
      target: 'drafting',
      actions: ['recordMissingOpinions', { type: 'emitOpinionsMissing', params: { step: 'drafting' } }],
    },
    ...onOpinion,
    ...onContact,
    ...onExtensionRequest,
    ...onExtensionDecision,
    ...onTerminate,
  },
});

/** 拟稿: the lead unit drafts the reply letter. */
export const drafting = caseSetup.createStateConfig({
  description: 'The unit drafts the reply letter',
  meta: { label: { 'zh-CN': '拟稿', en: 'Drafting' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'reply.submitDraft': [
      {
        guard: and(['isCompleteDraft', 'needsCountersign']),
        target: 'countersigning',
        actions: ['storeDraft', 'emitDraftFlagged'],
      },
      { guard: 'isCompleteDraft', target: 'signOff', actions: ['storeDraft', 'emitDraftFlagged'] },
    ],
    ...onOpinion,
    ...onContact,
    ...onExtensionRequest,
    ...onExtensionDecision,
    ...onTerminate,
  },
});

/** 重新办理: a new round after 不满意, with its own deadline. */
export const rehandling = caseSetup.createStateConfig({
  description: 'The unit handles the case again after dissatisfied feedback',
  meta: { label: { 'zh-CN': '重新办理', en: 'Re-handling' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'case.startDrafting': { target: 'drafting' },
    ...onContact,
    ...onExtensionRequest,
    ...onExtensionDecision,
    ...onTerminate,
  },
});
