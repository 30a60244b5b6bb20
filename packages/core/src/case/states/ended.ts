import { caseSetup } from '../setup.js';

/** 办结: the case is closed; publication may still follow. */
export const closed = caseSetup.createStateConfig({
  description: 'The case is closed',
  meta: { label: { 'zh-CN': '已办结', en: 'Closed' } },
  tags: ['terminal'],
  type: 'final',
  entry: ['closeCase', 'emitCaseClosed'],
});

/** 终止: the proposal was withdrawn. */
export const terminated = caseSetup.createStateConfig({
  description: 'The proposal was withdrawn and the case ended',
  meta: { label: { 'zh-CN': '已终止', en: 'Terminated' } },
  tags: ['terminal'],
  type: 'final',
});
