import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/** Chongqing NPC suggestions: 3 months from the session's closing day, at most 6; 20-working-day receipt. */
export const chongqing: Policy = {
  id: 'cn-cq',
  label: { 'zh-CN': '重庆市人大代表建议办理', en: "Chongqing NPC deputies' suggestions" },
  sources: [SOURCES.S13, SOURCES.S21, SOURCES.S29, SOURCES.S11, SOURCES.S8, SOURCES.S41, SOURCES.S10],
  periods: {
    // S21, S29: 10 days (city rules, by analogy)
    adjustmentWindow: { kind: 'calendarDays', days: 10, rollForward: true },
    // S11: 1 month (by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S13: 3 months from the closing day of the session
    reply: { kind: 'months', months: 3, rollForward: true },
    // S13: at most 6 months
    extension: { kind: 'months', months: 3, rollForward: true },
    // S13: the deputy's receipt within 20 working days
    feedback: { kind: 'workingDays', days: 20 },
    // S13: re-handling within 2 months
    rehandling: { kind: 'months', months: 2, rollForward: true },
    // S41: 20 working days
    publication: { kind: 'workingDays', days: 20 },
  },
  replyStartsFrom: 'sessionClose',
  maxExtensions: 1,
  maxRehandlingRounds: 1,
  classScheme: 'ABCD',
  // S8: national NPC classes (Chongqing's own scheme not found)
  classMeanings: {
    A: { 'zh-CN': '已经解决或基本解决', en: 'Solved or basically solved' },
    B: { 'zh-CN': '正在解决或列入规划逐步解决', en: 'Being solved or planned' },
    C: { 'zh-CN': '因目前条件限制或其他原因需待以后解决', en: 'To be solved later' },
    D: { 'zh-CN': '留作参考', en: 'Kept for reference' },
  },
  requireCountersign: false,
  requireSupervisorReview: false,
  requireCoOpinionsBeforeDrafting: true,
  // S10: B and C followed up
  followUpClasses: ['B', 'C'],
  notes: 'Only the reply, extension, receipt and re-handling periods come from Chongqing itself (S13).',
};
