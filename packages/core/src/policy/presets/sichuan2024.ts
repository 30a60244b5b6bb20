import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/**
 * Sichuan 2024 (S14): plenary CPPCC proposals 5 months; deputies' suggestions and between-session items 3 months
 * from receipt; at most 6 in all. Online countersign and supervisor review (S25, S26).
 */
export const sichuan2024: Policy = {
  id: 'cn-sc-2024',
  label: { 'zh-CN': '四川省（2024）', en: 'Sichuan (2024)' },
  sources: [
    SOURCES.S14,
    SOURCES.S25,
    SOURCES.S26,
    SOURCES.S28,
    SOURCES.S21,
    SOURCES.S27,
    SOURCES.S41,
    SOURCES.S10,
    SOURCES.S23,
    SOURCES.S24,
    SOURCES.S8,
  ],
  periods: {
    // S28: 5 working days (a county rule, by analogy)
    adjustmentWindow: { kind: 'workingDays', days: 5 },
    // S21: co-handler opinion within 1 month (by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S14: NPC and between-session items within 3 months of receipt
    reply: { kind: 'months', months: 3, rollForward: true },
    // S14: at most 6 months in all (capped by maxReply)
    extension: { kind: 'months', months: 3, rollForward: true },
    // S27: 15 working days (by analogy)
    feedback: { kind: 'workingDays', days: 15 },
    // S14: re-handling within 3 months, then a face-to-face meeting
    rehandling: { kind: 'months', months: 3, rollForward: true },
    // S41: 20 working days
    publication: { kind: 'workingDays', days: 20 },
  },
  replyPeriods: [
    {
      // S14: plenary CPPCC proposals within 5 months
      kind: 'proposal',
      channel: 'session',
      rule: { kind: 'months', months: 5, rollForward: true },
      citation: { source: 'S14', basis: 'sourced' },
    },
    {
      // S14: deputies' suggestions within 3 months of receipt
      kind: 'suggestion',
      rule: { kind: 'months', months: 3, rollForward: true },
      citation: { source: 'S14', basis: 'sourced' },
    },
    {
      // S14: between-session items within 3 months of receipt
      kind: 'proposal',
      channel: 'interSession',
      rule: { kind: 'months', months: 3, rollForward: true },
      citation: { source: 'S14', basis: 'sourced' },
    },
  ],
  // S14: at most 6 months
  maxReply: { kind: 'months', months: 6, rollForward: true },
  coverage: [
    { kind: 'proposal', basis: 'sourced', source: 'S14' },
    { kind: 'suggestion', basis: 'sourced', source: 'S14' },
  ],
  // S23 (by analogy): key replies signed by the principal leader
  keyReplySigner: 'principalLeader',
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
  // Sichuan's own letter rules were not found: each requirement is another body's, by analogy
  letterRequirements: [
    // S24 (佛坪 2024): 复函在首页右上角注明答复类别
    { field: 'classMark', citation: { source: 'S24', basis: 'analogy', note: '佛坪 2024' } },
    // S10 (a provincial NPC rule): the unit's name and official seal
    { field: 'issuingUnit', citation: { source: 'S10', basis: 'analogy', note: 'a provincial NPC rule' } },
    // S8 (the national measures): a suggestion's reply is copied to the people's congress
    {
      field: 'copyTo',
      kinds: ['suggestion'],
      naming: ['人大'],
      citation: { source: 'S8', basis: 'analogy', note: 'national: copied to the NPC Standing Committee' },
    },
  ],
  citations: {
    adjustmentWindow: { source: 'S28', basis: 'analogy', note: 'a county rule' },
    coOpinion: { source: 'S21', basis: 'analogy', note: 'a city rule' },
    reply: { source: 'S14', basis: 'sourced', note: 'NPC and between-session items 3 months' },
    extension: { source: 'S14', basis: 'sourced', note: 'at most 6 months in all' },
    maxReply: { source: 'S14', basis: 'sourced' },
    maxExtensions: { basis: 'inference', note: 'one extension reaches the 6-month maximum' },
    feedback: { source: 'S27', basis: 'analogy', note: 'a county (崇义)' },
    rehandling: { source: 'S14', basis: 'sourced' },
    publication: { source: 'S41', basis: 'sourced', note: 'national rule on government information' },
    maxRehandlingRounds: { source: 'S14', basis: 'sourced' },
    classScheme: { source: 'S25', basis: 'sourced', note: 'Guangyuan online system; meanings from S24' },
    followUpClasses: { source: 'S10', basis: 'analogy', note: 'B only: C means 留作参考 (S24)' },
    keyReplySigner: { source: 'S23', basis: 'analogy', note: 'a Zhejiang department rule' },
    coverage: { source: 'S14', basis: 'sourced' },
  },
  notes:
    'Sourced from Sichuan (S14): the reply periods by kind and channel, the 6-month maximum and one re-handling. ' +
    'S25/S26 describe an online system in Guangyuan (Sichuan); adjustment and feedback periods are by analogy.',
};
