import { proposalSetup } from '../setup.js';

const elapse = { guard: 'canElapse', actions: ['recordMissed', 'emitDeadlineMissed'] } as const;

/** Whether the proposal's own deadline (交办) was missed while still pending (raises `overdue`); it has only one. */
export const timeliness = proposalSetup.createStateConfig({
  description: 'Deadline tracking',
  meta: { label: { 'zh-CN': '期限', en: 'Timeliness' } },
  initial: 'onTime',
  states: {
    onTime: {
      description: 'No pending step is late',
      meta: { label: { 'zh-CN': '未逾期', en: 'On time' } },
      on: { 'deadline.elapsed': { ...elapse, target: 'overdue' } },
    },
    overdue: {
      description: 'A pending step missed its deadline',
      meta: { label: { 'zh-CN': '已逾期', en: 'Overdue' } },
      tags: ['overdue'],
      always: { guard: 'noOverdue', target: 'onTime' },
    },
  },
});
