import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/** National NPC deputies' suggestions (全国人大代表建议): 3 months from 交办, up to 6, classes A–D. */
export const nationalNpc: Policy = {
  id: 'cn-npc-national',
  label: { 'zh-CN': '全国人大代表建议办理', en: "National NPC deputies' suggestions" },
  sources: [SOURCES.S8, SOURCES.S9, SOURCES.S1, SOURCES.S11, SOURCES.S13, SOURCES.S10, SOURCES.S36, SOURCES.S41],
  periods: {
    // S1: objections to an assignment within one week (national CPPCC office, applied by analogy)
    adjustmentWindow: { kind: 'calendarDays', days: 7, rollForward: true },
    // S11: co-handler opinion within 1 month of 交办 (Fujian NPC, by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S9: reply within 3 months of 交办
    reply: { kind: 'months', months: 3, rollForward: true },
    // S9: up to 6 months when complex, i.e. one extension of 3 months
    extension: { kind: 'months', months: 3, rollForward: true },
    // S13: the deputy's receipt within 20 working days (by analogy)
    feedback: { kind: 'workingDays', days: 20 },
    // S9: re-answer within 1 month of re-assignment
    rehandling: { kind: 'months', months: 1, rollForward: true },
    // S36, S41: proactive disclosure within 20 working days
    publication: { kind: 'workingDays', days: 20 },
  },
  replyStartsFrom: 'assignment',
  maxExtensions: 1,
  // domain.md §4: no hard numeric cap found; one formal re-handling as the default
  maxRehandlingRounds: 1,
  classScheme: 'ABCD',
  // S8: the four classes of the national NPC measures
  classMeanings: {
    A: { 'zh-CN': '已经解决或基本解决', en: 'Solved or basically solved' },
    B: { 'zh-CN': '正在解决或列入规划逐步解决', en: 'Being solved or planned' },
    C: { 'zh-CN': '因目前条件限制或其他原因需待以后解决', en: 'To be solved later' },
    D: { 'zh-CN': '留作参考', en: 'Kept for reference' },
  },
  requireCountersign: false,
  requireSupervisorReview: false,
  requireCoOpinionsBeforeDrafting: true,
  // S10: B and C replies are followed up until solved
  followUpClasses: ['B', 'C'],
  notes: 'Adjustment window, co-opinion and feedback periods are taken by analogy from S1, S11 and S13.',
};
