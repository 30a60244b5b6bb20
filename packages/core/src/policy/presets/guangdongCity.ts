import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/** A Guangdong city's government handling (fits the seed: city items answered by 30 June), classes A–C. */
export const guangdongCity: Policy = {
  id: 'cn-gd-city',
  label: { 'zh-CN': '广东省地级市政府系统办理', en: 'A Guangdong city government' },
  sources: [
    SOURCES.S22,
    SOURCES.S16,
    SOURCES.S15,
    SOURCES.S21,
    SOURCES.S20,
    SOURCES.S27,
    SOURCES.S9,
    SOURCES.S17,
    SOURCES.S24,
    SOURCES.S37,
    SOURCES.S39,
    SOURCES.S41,
    SOURCES.S10,
    SOURCES.S74,
  ],
  periods: {
    // S22: adjustment requested within 3 working days
    adjustmentWindow: { kind: 'workingDays', days: 3 },
    // S16: Guangzhou's office answers an adjustment request within 7 days
    adjustmentAnswer: { kind: 'calendarDays', days: 7, rollForward: true },
    // S21: co-handler opinion within 1 month
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S22: city items answered by 30 June
    reply: { kind: 'fixedDate', monthDay: '06-30', rollForward: true },
    // S20 asks 急事快办 without a number; one month is an inference
    urgentReply: { kind: 'months', months: 1, rollForward: true },
    // S22: items between sessions within 3 months
    interSessionReply: { kind: 'months', months: 3, rollForward: true },
    // S20: 3 months, at most 6
    extension: { kind: 'months', months: 3, rollForward: true },
    // S27: feedback form back within 15 working days (by analogy)
    feedback: { kind: 'workingDays', days: 15 },
    // S9: re-answer within 1 month
    rehandling: { kind: 'months', months: 1, rollForward: true },
    // S37, S41: publish within 20 working days; S39: Guangdong marks the disclosure mode on the draft
    publication: { kind: 'workingDays', days: 20 },
    // S27: first contact within 15 working days of 交办 (by analogy)
    firstContact: { kind: 'workingDays', days: 15 },
    // S74: a second reply (二次答复); no period found, three months is an inference
    followUp: { kind: 'months', months: 3, rollForward: true },
  },
  replyStartsFrom: 'assignment',
  maxExtensions: 1,
  maxRehandlingRounds: 1,
  classScheme: 'ABC',
  // S24: A/B/C meanings (no Guangdong text defining classes was found; the seed's 吸收采纳 fits A)
  classMeanings: {
    A: { 'zh-CN': '已解决或采纳', en: 'Solved or adopted' },
    B: { 'zh-CN': '列入计划拟解决或拟采纳', en: 'Planned to be solved or adopted' },
    C: { 'zh-CN': '留作参考', en: 'Kept for reference' },
  },
  // S17: co-handlers send written opinions; the lead unit alone replies
  requireCountersign: false,
  requireSupervisorReview: false,
  requireCoOpinionsBeforeDrafting: true,
  // S10, S74: a commitment gets a second reply; here C means 留作参考 (S24), which commits to nothing
  followUpClasses: ['B'],
  notes:
    'Zhongshan’s own rules were not found; the 30 June date follows S22 and fits the seed letter printed 2023-06-30.',
};
