import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/**
 * Chongqing NPC deputies' suggestions (S13): suggestions filed at the session are answered within 3 months of the
 * session's closing day, at most 6; 20-working-day receipt. Covers deputies' suggestions only.
 */
export const chongqing: Policy = {
  id: 'cn-cq',
  label: { 'zh-CN': '重庆市人大代表建议办理', en: "Chongqing NPC deputies' suggestions" },
  sources: [SOURCES.S13, SOURCES.S21, SOURCES.S29, SOURCES.S11, SOURCES.S8, SOURCES.S41, SOURCES.S10, SOURCES.S23],
  periods: {
    // S21, S29: 10 days (city rules, by analogy)
    adjustmentWindow: { kind: 'calendarDays', days: 10, rollForward: true },
    // S11: 1 month (by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // inference: 3 months from 交办 for items no entry of replyPeriods matches
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
  replyPeriods: [
    {
      // S13: 3 months from the closing day of the session
      kind: 'suggestion',
      channel: 'session',
      from: 'sessionClose',
      rule: { kind: 'months', months: 3, rollForward: true },
      citation: { source: 'S13', basis: 'sourced' },
    },
    {
      // S13 speaks of session suggestions only; between-session ones counted from 交办 (inference)
      kind: 'suggestion',
      channel: 'interSession',
      rule: { kind: 'months', months: 3, rollForward: true },
      citation: { basis: 'inference', note: 'S13 counts from the session’s close; between sessions from 交办' },
    },
  ],
  // S13: at most 6 months
  maxReply: { kind: 'months', months: 6, rollForward: true },
  coverage: [
    { kind: 'suggestion', channel: 'session', basis: 'sourced', source: 'S13' },
    { kind: 'suggestion', channel: 'interSession', basis: 'inference', note: 'S13 covers session suggestions' },
  ],
  // S23 (by analogy): key replies signed by the principal leader
  keyReplySigner: 'principalLeader',
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
  // S8 (the national measures, by analogy; Chongqing's own letter rules were not found)
  letterRequirements: [
    { field: 'classMark', citation: { source: 'S8', basis: 'analogy', note: 'national: class at the top right' } },
    { field: 'issuingUnit', citation: { source: 'S8', basis: 'analogy', note: 'national: the unit seals its reply' } },
    {
      field: 'copyTo',
      naming: ['人大'],
      citation: { source: 'S8', basis: 'analogy', note: 'national: copied to the NPC Standing Committee' },
    },
  ],
  citations: {
    adjustmentWindow: { source: 'S21', basis: 'analogy', note: 'city rules (also S29)' },
    coOpinion: { source: 'S11', basis: 'analogy', note: 'Fujian NPC' },
    reply: { basis: 'inference', note: 'default from 交办 for items no reply period matches' },
    extension: { source: 'S13', basis: 'sourced', note: 'at most 6 months' },
    maxReply: { source: 'S13', basis: 'sourced' },
    maxExtensions: { basis: 'inference', note: 'one extension reaches the 6-month maximum' },
    feedback: { source: 'S13', basis: 'sourced' },
    rehandling: { source: 'S13', basis: 'sourced' },
    publication: { source: 'S41', basis: 'sourced', note: 'national rule on government information' },
    maxRehandlingRounds: { basis: 'inference', note: 'domain.md §4: no cap found; default 1' },
    classScheme: { source: 'S8', basis: 'analogy', note: 'national NPC classes; Chongqing’s own not found' },
    followUpClasses: { source: 'S10', basis: 'analogy', note: 'provincial NPC rule' },
    keyReplySigner: { source: 'S23', basis: 'analogy', note: 'a Zhejiang department rule' },
    coverage: { source: 'S13', basis: 'sourced' },
  },
  notes:
    'Sourced from Chongqing itself (S13): the reply period from the session’s closing day, the 6-month maximum, the ' +
    'receipt and re-handling periods. Everything else is by analogy or inference. Covers deputies’ suggestions only.',
};
