import type { Policy } from '../schema.js';
import { SOURCES } from '../sources.js';

/**
 * A city government's handling after the city rule of S22 (city items answered by 30 June, 民主党派 proposals by
 * 10 May, between-session items and items assigned after those dates within 3 months), used for the Guangdong
 * (Zhongshan) seed; classes A–C. Zhongshan's and Guangdong's own handling periods were not found.
 */
export const guangdongCity: Policy = {
  id: 'cn-gd-city',
  label: {
    'zh-CN': '地级市政府系统办理（依 S22 城市规则，用于广东中山种子案例）',
    en: 'A city government (after the city rule of S22; used for the Guangdong/Zhongshan seed)',
  },
  sources: [
    SOURCES.S22,
    SOURCES.S16,
    SOURCES.S15,
    SOURCES.S21,
    SOURCES.S20,
    SOURCES.S27,
    SOURCES.S9,
    SOURCES.S17,
    SOURCES.S23,
    SOURCES.S24,
    SOURCES.S37,
    SOURCES.S39,
    SOURCES.S41,
    SOURCES.S10,
    SOURCES.S74,
    SOURCES.S8,
  ],
  periods: {
    // S22: adjustment requested within 3 working days
    adjustmentWindow: { kind: 'workingDays', days: 3 },
    // S16: Guangzhou's office answers an adjustment request within 7 days (another city, by analogy)
    adjustmentAnswer: { kind: 'calendarDays', days: 7, rollForward: true },
    // S21: co-handler opinion within 1 month (by analogy)
    coOpinion: { kind: 'months', months: 1, rollForward: true },
    // S22: between-session items within 3 months (the default when no fixed date applies)
    reply: { kind: 'months', months: 3, rollForward: true },
    // S20 asks 急事快办 without a number; one month is an inference
    urgentReply: { kind: 'months', months: 1, rollForward: true },
    // S20: 3 months, at most 6 (an older city rule, by analogy)
    extension: { kind: 'months', months: 3, rollForward: true },
    // S27: feedback form back within 15 working days (by analogy)
    feedback: { kind: 'workingDays', days: 15 },
    // S9: re-answer within 1 month (a provincial 代表法实施办法, by analogy)
    rehandling: { kind: 'months', months: 1, rollForward: true },
    // S37, S41: publish within 20 working days; S39: Guangdong marks the disclosure mode on the draft
    publication: { kind: 'workingDays', days: 20 },
    // S27: first contact within 15 working days of 交办 (by analogy)
    firstContact: { kind: 'workingDays', days: 15 },
    // S74: a second reply (二次答复); no period found, three months is an inference
    followUp: { kind: 'months', months: 3, rollForward: true },
  },
  replyPeriods: [
    {
      // S22: 民主党派 proposals by 10 May; once passed, 3 months from 交办
      kind: 'proposal',
      channel: 'session',
      proposerType: 'party',
      rule: { kind: 'fixedDate', monthDay: '05-10', rollForward: true },
      whenPassed: { kind: 'months', months: 3, rollForward: true },
      citation: { source: 'S22', basis: 'sourced' },
    },
    {
      // S22: city items by 30 June; once passed, the between-session period (3 months from 交办)
      channel: 'session',
      rule: { kind: 'fixedDate', monthDay: '06-30', rollForward: true },
      whenPassed: { kind: 'months', months: 3, rollForward: true },
      citation: { source: 'S22', basis: 'sourced', note: 'after 30 June: 3 months, as between sessions' },
    },
    {
      // S22: between-session items within 3 months
      channel: 'interSession',
      rule: { kind: 'months', months: 3, rollForward: true },
      citation: { source: 'S22', basis: 'sourced' },
    },
  ],
  // S20: at most 6 months (an older city rule, by analogy)
  maxReply: { kind: 'months', months: 6, rollForward: true },
  coverage: [
    { kind: 'proposal', basis: 'sourced', source: 'S22' },
    {
      kind: 'suggestion',
      basis: 'analogy',
      source: 'S22',
      note: 'domain.md does not say whether S22’s dates cover deputies’ suggestions',
    },
  ],
  // S23 (a Zhejiang department, by analogy): key replies signed by the principal leader
  keyReplySigner: 'principalLeader',
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
  // What a signed reply letter must print (issue 15); a township-style letter lacking these is refused at sign-off.
  letterRequirements: [
    // S39: Guangdong marks the 公开方式 on the draft (粤府办〔2015〕9号, as forwarded by Jieyang)
    { field: 'disclosure', citation: { source: 'S39', basis: 'sourced', note: '公开方式 marked on the draft' } },
    // S24 (佛坪 2024, by analogy): 复函在首页右上角注明答复类别
    { field: 'classMark', citation: { source: 'S24', basis: 'analogy', note: '佛坪 2024; no Guangdong text found' } },
    // S23 (a Zhejiang department, by analogy): every reply is numbered (发文字号)
    { field: 'docNumber', citation: { source: 'S23', basis: 'analogy', note: 'a Zhejiang department' } },
    // S17 (a city, by analogy): the unit's name and seal, a contact person and telephone
    { field: 'issuingUnit', citation: { source: 'S17', basis: 'analogy', note: 'a city: unit name and seal' } },
    { field: 'contact', citation: { source: 'S17', basis: 'analogy', note: 'a city: contact person and telephone' } },
    // S8 (the national NPC measures, by analogy): a suggestion's reply is copied to the people's congress
    {
      field: 'copyTo',
      kinds: ['suggestion'],
      naming: ['人大'],
      citation: { source: 'S8', basis: 'analogy', note: 'national: 抄送全国人大常委会办公厅' },
    },
  ],
  citations: {
    adjustmentWindow: { source: 'S22', basis: 'sourced' },
    adjustmentAnswer: { source: 'S16', basis: 'analogy', note: 'Guangzhou' },
    coOpinion: { source: 'S21', basis: 'analogy', note: 'a city rule' },
    reply: { source: 'S22', basis: 'sourced', note: 'between-session items 3 months' },
    urgentReply: { source: 'S20', basis: 'inference', note: '急事快办 without a number' },
    extension: { source: 'S20', basis: 'analogy', note: 'an older city rule: 3, at most 6' },
    maxReply: { source: 'S20', basis: 'analogy', note: 'an older city rule' },
    maxExtensions: { basis: 'inference', note: 'one extension' },
    feedback: { source: 'S27', basis: 'analogy', note: 'a county (崇义)' },
    rehandling: { source: 'S9', basis: 'analogy', note: 'a provincial 代表法实施办法' },
    publication: { source: 'S37', basis: 'analogy', note: 'Anhui; S41 for government information in general' },
    firstContact: { source: 'S27', basis: 'analogy', note: 'a county (崇义)' },
    followUp: { source: 'S74', basis: 'inference', note: 'S74 names a second reply without a period' },
    maxRehandlingRounds: { basis: 'inference', note: 'domain.md §4: no cap found; default 1' },
    classScheme: { source: 'S24', basis: 'analogy', note: '佛坪 2024; no Guangdong text found' },
    followUpClasses: { source: 'S10', basis: 'analogy', note: 'B only: C means 留作参考 (S24); S74 a city' },
    keyReplySigner: { source: 'S23', basis: 'analogy', note: 'a Zhejiang department rule' },
    coverage: { source: 'S22', basis: 'sourced' },
  },
  notes:
    'Sourced from the city rule S22: the 3-working-day adjustment window, the 30 June and 10 May dates and the ' +
    '3 months between sessions. Zhongshan’s and Guangdong’s own handling periods were not found (S15 was read only ' +
    'for article 3); the re-handling month is S9’s (a provincial NPC law) by analogy, and the other periods by ' +
    'analogy from other cities. The 30 June date fits the seed letter printed 2023-06-30.',
};
