import { caseSetup } from '../setup.js';
import { onTerminate } from './fragments.js';

/** 签收: the unit accepts, or asks the office to adjust the assignment inside the window. */
export const accepting = caseSetup.createStateConfig({
  description: 'The unit signs for the case or asks for an adjustment inside the window',
  meta: { label: { 'zh-CN': '待签收', en: 'Accepting' } },
  tags: ['awaitingUnit', 'clock.running'],
  on: {
    'case.accept': [
      {
        guard: { type: 'roleIs', params: { role: 'reference' } },
        target: 'closed',
        actions: ['recordAcceptance', 'emitCaseAccepted'],
      },
      { target: 'handling', actions: ['recordAcceptance', 'emitCaseAccepted'] },
    ],
    'case.requestAdjustment': {
      guard: 'withinAdjustmentWindow',
      target: 'adjustmentRequested',
      actions: ['recordAdjustmentRequest', 'emitAdjustmentRequested'],
    },
    ...onTerminate,
  },
});

/** 申请调整: the assigning office keeps or reassigns the case. */
export const adjustmentRequested = caseSetup.createStateConfig({
  description: 'The assigning office answers the adjustment request',
  meta: { label: { 'zh-CN': '申请调整中', en: 'Adjustment requested' } },
  tags: ['awaitingOffice', 'clock.running'],
  on: {
    'adjustment.keep': { target: 'accepting', actions: ['keepAssignment', 'emitAdjustmentKept'] },
    'adjustment.reassign': { guard: 'isNewUnit', target: 'accepting', actions: ['reassignUnit', 'emitCaseReassigned'] },
    ...onTerminate,
  },
});
