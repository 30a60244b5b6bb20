import { and } from 'xstate';
import { caseSetup } from '../setup.js';
import { onExtensionDecision, onTerminate } from './fragments.js';

/** 会签: every co-handler countersigns the draft, or sends it back. */
export const countersigning = caseSetup.createStateConfig({
  description: 'Co-handling units countersign the draft',
  meta: { label: { 'zh-CN': '会签', en: 'Countersigning' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'countersign.approve': [
      { guard: 'completesCountersign', target: 'signOff', actions: 'recordCountersign' },
      { guard: 'isPendingCountersigner', actions: 'recordCountersign' },
    ],
    'countersign.requestChanges': { guard: 'isCountersigner', target: 'drafting', actions: 'recordCountersignChanges' },
    ...onExtensionDecision,
    ...onTerminate,
  },
});

/** 签发: the unit's leader signs the reply off or returns it. */
export const signOff = caseSetup.createStateConfig({
  description: "The unit's leader signs the reply off",
  meta: { label: { 'zh-CN': '领导签发', en: 'Sign-off' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'signOff.approve': [
      {
        guard: and(['isAllowedSigner', 'isSignableLetter', 'draftCoversMergedItems', 'needsSupervisorReview']),
        target: 'supervisorReview',
        actions: 'recordSignOff',
      },
      {
        guard: and(['isAllowedSigner', 'isSignableLetter', 'draftCoversMergedItems']),
        target: 'replied',
        actions: 'recordSignOff',
      },
    ],
    'signOff.return': { target: 'drafting', actions: { type: 'recordReturn', params: { by: 'signOff' } } },
    ...onExtensionDecision,
    ...onTerminate,
  },
});

/** 督办审核: the supervisor approves (and may change the class) or returns the reply. */
export const supervisorReview = caseSetup.createStateConfig({
  description: 'The supervisor reviews the reply and may change its class',
  meta: { label: { 'zh-CN': '督办审核', en: 'Supervisor review' } },
  tags: ['awaitingOffice', 'clock.running'],
  on: {
    'supervisor.approve': {
      guard: and(['isAllowedClass', 'draftCoversMergedItems']),
      target: 'replied',
      actions: 'recordSupervisorApproval',
    },
    'supervisor.return': { target: 'drafting', actions: { type: 'recordReturn', params: { by: 'supervisor' } } },
    ...onExtensionDecision,
    ...onTerminate,
  },
});
