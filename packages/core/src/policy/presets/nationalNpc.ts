import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/**
 * National NPC deputies' suggestions (全国人大代表建议): 3 months from 交办, at most 6, classes A–D. No national text
 * setting the periods is held: the reply and re-handling periods are a provincial implementing law's (S9), applied by
 * analogy; only the classes, 抄送 and the kind of item come from the national measures (S8).
 */
export const nationalNpc: Policy = {
  id: 'cn-npc-national',
  label: { 'zh-CN': '全国人大代表建议办理', en: "National NPC deputies' suggestions" },
  sources: [
    SOURCES.S8,
    SOURCES.S9,
    SOURCES.S1,
    SOURCES.S11,
    SOURCES.S13,
    SOURCES.S10,
    SOURCES.S36,
    SOURCES.S41,
    SOURCES.S23,
  ],
  periods: {
    // S1: objections to an assignment within one week (national CPPCC office, applied by analogy)
    adjustmentWindow: { kind: 'calendarDays', days: 7, rollForward: true },
    // S11: co-handler opinion within 1 month of 交办 (Fujian NPC, by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S9 (provincial, by analogy): reply within 3 months of 交办
    reply: { kind: 'months', months: 3, rollForward: true },
    // S9 (provincial, by analogy): up to 6 months when complex, i.e. one extension of 3 months
    extension: { kind: 'months', months: 3, rollForward: true },
    // S13: the deputy's receipt within 20 working days (Chongqing, by analogy)
    feedback: { kind: 'workingDays', days: 20 },
    // S9 (provincial, by analogy): re-answer within 1 month of re-assignment
    rehandling: { kind: 'months', months: 1, rollForward: true },
    // S36, S41: proactive disclosure within 20 working days
    publication: { kind: 'workingDays', days: 20 },
  },
  // S9 (by analogy): 3 months from 交办 whatever the channel
  replyPeriods: [
    {
      kind: 'suggestion',
      rule: { kind: 'months', months: 3, rollForward: true },
      citation: {
        source: 'S9',
        basis: 'analogy',
        note: 'S9 is a provincial 代表法实施办法; no national text setting the period is held',
      },
    },
  ],
  // S9 (by analogy): at most 6 months
  maxReply: { kind: 'months', months: 6, rollForward: true },
  coverage: [{ kind: 'suggestion', basis: 'sourced', source: 'S8', note: 'the national NPC measures on suggestions' }],
  // S23 (a Zhejiang department, by analogy): key replies signed by the principal leader
  keyReplySigner: 'principalLeader',
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
  // S8 (sourced): what the national measures require of a reply to a deputy
  letterRequirements: [
    // 将办理情况分类注明（注在答复稿首页右上角）
    {
      field: 'classMark',
      citation: { source: 'S8', basis: 'sourced', note: 'class noted at the top right of page 1' },
    },
    // 由承办单位负责人签发，并加盖本单位公章
    { field: 'issuingUnit', citation: { source: 'S8', basis: 'sourced', note: 'the unit seals its reply' } },
    // 抄送全国人大常委会办公厅一式二份
    {
      field: 'copyTo',
      naming: ['全国人大常委会办公厅'],
      citation: { source: 'S8', basis: 'sourced', note: 'two copies to the NPC Standing Committee’s general office' },
    },
  ],
  citations: {
    adjustmentWindow: { source: 'S1', basis: 'analogy', note: 'national CPPCC office, 1997' },
    coOpinion: { source: 'S11', basis: 'analogy', note: 'Fujian NPC' },
    reply: { source: 'S9', basis: 'analogy', note: 'provincial 代表法实施办法; no national text held' },
    extension: { source: 'S9', basis: 'analogy', note: 'provincial; up to 6 months when complex' },
    maxReply: { source: 'S9', basis: 'analogy', note: 'provincial; at most 6 months' },
    maxExtensions: { basis: 'inference', note: 'one extension reaches the 6-month maximum' },
    feedback: { source: 'S13', basis: 'analogy', note: 'Chongqing' },
    rehandling: { source: 'S9', basis: 'analogy', note: 'provincial' },
    publication: { source: 'S41', basis: 'sourced', note: 'national rule on government information' },
    maxRehandlingRounds: { basis: 'inference', note: 'domain.md §4: no cap found; default 1' },
    classScheme: { source: 'S8', basis: 'sourced' },
    followUpClasses: { source: 'S10', basis: 'analogy', note: 'provincial NPC rule' },
    keyReplySigner: { source: 'S23', basis: 'analogy', note: 'a Zhejiang department rule' },
    coverage: { source: 'S8', basis: 'sourced' },
  },
  notes:
    'No national text setting handling periods is held: the reply, extension and re-handling periods come from a ' +
    'provincial implementing law (S9) by analogy; the adjustment, co-opinion and feedback periods by analogy from S1, ' +
    'S11 and S13. Sourced nationally: the A–D classes and 抄送 (S8) and proactive disclosure (S36, S41).',
};
