import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/** Sichuan 2024: plenary CPPCC proposals 5 months, others 3, at most 6; online countersign and supervisor review. */
export const sichuan2024: Policy = {
  id: 'cn-sc-2024',
  label: { 'zh-CN': '四川省（2024）', en: 'Sichuan (2024)' },
  sources: [SOURCES.S14, SOURCES.S25, SOURCES.S26, SOURCES.S28, SOURCES.S21, SOURCES.S27, SOURCES.S41, SOURCES.S10],
  periods: {
    // S28: 5 working days (a county rule, by analogy)
    adjustmentWindow: { kind: 'workingDays', days: 5 },
    // S21: co-handler opinion within 1 month (by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S14: plenary CPPCC proposals within 5 months
    reply: { kind: 'months', months: 5, rollForward: true },
    // S14: between-session items within 3 months of receipt
    interSessionReply: { kind: 'months', months: 3, rollForward: true },
    // S14: at most 6 months in all
    extension: { kind: 'months', months: 1, rollForward: true },
    // S27: 15 working days (by analogy)
    feedback: { kind: 'workingDays', days: 15 },
    // S14: re-handling within 3 months, then a face-to-face meeting
    rehandling: { kind: 'months', months: 3, rollForward: true },
    // S41: 20 working days
    publication: { kind: 'workingDays', days: 20 },
  },
  replyStartsFrom: 'assignment',
  maxExtensions: 1,
  // S14: at most one formal re-handling
  maxRehandlingRounds: 1,
  classScheme: 'ABC',
  // S25, S26: A/B/C in the online system (meanings as in S24's three-class variant)
  classMeanings: {
    A: { 'zh-CN': '已解决或采纳', en: 'Solved or adopted' },
    B: { 'zh-CN': '列入计划拟解决或拟采纳', en: 'Planned to be solved or adopted' },
    C: { 'zh-CN': '留作参考', en: 'Kept for reference' },
  },
  // S25, S26: co-handlers countersign, and the 督办 approves and may change the class
  requireCountersign: true,
  requireSupervisorReview: true,
  requireCoOpinionsBeforeDrafting: false,
  // S10: a commitment gets a second reply; here C means 留作参考 (S24), which commits to nothing
  followUpClasses: ['B'],
  notes: 'S25/S26 describe an online system in Guangyuan (Sichuan); adjustment and feedback periods are by analogy.',
};
