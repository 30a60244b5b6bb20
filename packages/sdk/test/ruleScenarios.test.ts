// Every deadline of every preset, run as a user meets it: submit → register → assign → accept → reply → feedback →
// re-handling, through `createBanli`, at dates chosen to stress the rules (rulePeriods.test.ts runs each rule once, on
// 2024-03-04; createBanli's default policy is the guangdongCity preset). One row per preset × kind × channel ×
// deadline × start; each row quotes the source's words and its due date is worked out by hand from them and the
// holiday notices:
//   2024 (国办发明电〔2023〕7号): 元旦 01-01; 春节 02-10–17 (02-04 Sun, 02-18 Sun worked); 清明 04-04–06 (04-07 Sun
//        worked); 劳动节 05-01–05 (04-28 Sun, 05-11 Sat worked); 端午 06-10; 中秋 09-15–17 (09-14 Sat worked);
//        国庆 10-01–07 (09-29 Sun, 10-12 Sat worked).
//   2025 (国办发明电〔2024〕12号): 春节 01-28–02-04 (01-26 Sun, 02-08 Sat worked); 劳动节 05-01–05 (04-27 Sun
//        worked); 国庆中秋 10-01–08 (09-28 Sun, 10-11 Sat worked).
//   2026: 元旦 01-01–03 (01-04 Sun worked); 春节 02-15–23 (02-14 Sat, 02-28 Sat worked); 劳动节 05-01–05 (05-09 Sat
//        worked); 国庆 10-01–07 (09-20 Sun, 10-10 Sat worked).
//   2027: no notice in the calendar; the statutory estimate (国务院令第798号, S86) puts 春节 at 除夕 02-05 to 初三
//        02-08; every date that needs 2027 is labelled provisional.
// Counting (民法典 arts. 200–204, S45): the start day is not counted; a period in months ends on the corresponding day,
// or the month's last day when there is none; a last day on a rest day moves to the next working day (make-up
// weekend days are working days, domain.md §7); "N 个工作日" skips weekends and holidays and counts make-up days.
import type { Policy } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { Banli } from '../src/index.js';
import {
  actors,
  assignOn,
  caseOf,
  coUnit,
  type PresetName,
  rate,
  refused,
  replyLetter,
  ruleBanli,
  ruleItem,
} from './support/rules.js';

/** The shape of an item: its kind and channel, a 民主党派 first proposer, the session's closing day. */
interface Shape {
  kind: 'proposal' | 'suggestion';
  channel: 'session' | 'interSession';
  party?: boolean;
  closedOn?: string;
}

const SP: Shape = { kind: 'suggestion', channel: 'session' };
const SI: Shape = { kind: 'suggestion', channel: 'interSession' };
const PS: Shape = { kind: 'proposal', channel: 'session' };
const PI: Shape = { kind: 'proposal', channel: 'interSession' };
const PARTY: Shape = { kind: 'proposal', channel: 'session', party: true };
/** Chongqing's session suggestions count from the session's closing day (S13), which the item carries. */
const CQ = (closedOn: string): Shape => ({ kind: 'suggestion', channel: 'session', closedOn });

/** The item of a shape: the rule item with its channel, its first proposer a party when asked, its closing day. */
function itemOf(shape: Shape): Proposal {
  const base = ruleItem(shape.kind, `item-${shape.kind}-${shape.channel}${shape.party ? '-party' : ''}`);
  const { closedOn: _ignored, ...session } = base.session;
  const proposers = base.proposers.map((p, i) => (shape.party && i === 0 ? { ...p, type: 'party' as const } : p));
  return {
    ...base,
    channel: shape.channel,
    proposers,
    session: shape.closedOn ? { ...session, closedOn: shape.closedOn } : session,
  };
}

/** The lead case's deadlines of one kind, latest last. */
async function deadlinesOf(banli: Banli, item: Proposal, kind: string) {
  return (await banli.deadlines(item.id)).filter((d) => d.kind === kind);
}

/** The latest deadline of a kind, as `[start, due, provisional]`. */
async function latest(banli: Banli, item: Proposal, kind: string) {
  const d = (await deadlinesOf(banli, item, kind)).at(-1);
  return d && [d.start, d.due, d.provisional];
}

/** A row: preset, shape, the day of 交办 (or of the step that opens the deadline), the deadline, its due date. */
type Row = [PresetName, Shape, string, string, string, string];

/**
 * A · deadlines opened by the assignment (交办) on the row's day: the adjustment window, the reply, the first contact
 * and the co-handler's opinion. The last column quotes the source.
 */
const AT_ASSIGNMENT: Row[] = [
  // nationalNpc — S1 (by analogy): 对交办有异议的，一周内提出; S9 (by analogy): 交办之日起三个月内; S11: 会办一个月
  ['nationalNpc', SI, '2024-11-30', 'adjustmentWindow', '2024-12-09', 'S1 一周: Sat 12-07 → Mon 12-09'],
  ['nationalNpc', SI, '2024-09-30', 'adjustmentWindow', '2024-10-08', 'S1 一周: 10-07 国庆 → 10-08'],
  ['nationalNpc', SP, '2025-09-30', 'adjustmentWindow', '2025-10-09', 'S1 一周: 10-07 国庆 → 10-09'],
  ['nationalNpc', SP, '2025-01-27', 'adjustmentWindow', '2025-02-05', 'S1 一周: 02-03 春节 → 02-05'],
  ['nationalNpc', SI, '2026-02-13', 'adjustmentWindow', '2026-02-24', 'S1 一周: 02-20 春节 → 02-24'],
  ['nationalNpc', SI, '2024-11-30', 'reply', '2025-02-28', 'S9 三个月: 11-30 → 02-28 (no 02-30)'],
  ['nationalNpc', SP, '2023-11-30', 'reply', '2024-02-29', 'S9 三个月: leap year, 02-29'],
  ['nationalNpc', SI, '2024-08-31', 'reply', '2024-12-02', 'S9 三个月: 11-30 Sat → Mon 12-02'],
  ['nationalNpc', SP, '2025-07-01', 'reply', '2025-10-09', 'S9 三个月: 10-01 国庆 → 10-09'],
  ['nationalNpc', SI, '2025-01-27', 'reply', '2025-04-27', 'S9 三个月: Sun 04-27 is a worked day'],
  ['nationalNpc', SP, '2026-07-01', 'reply', '2026-10-08', 'S9 三个月: 10-01 国庆 → 10-08'],
  ['nationalNpc', SI, '2023-11-30', 'coOpinion', '2024-01-02', 'S11 一个月: Sat 12-30, 元旦 → 01-02'],
  ['nationalNpc', SI, '2025-01-29', 'coOpinion', '2025-02-28', 'S11 一个月: 01-29 → 02-28 (no 02-29)'],
  ['nationalNpc', SP, '2024-08-31', 'coOpinion', '2024-09-30', 'S11 一个月: 08-31 → 09-30'],
  ['nationalNpc', SI, '2026-07-01', 'coOpinion', '2026-08-03', 'S11 一个月: Sat 08-01 → Mon 08-03'],
  // guangdongCity — S22: 3个工作日内申请调整; 市级 by 6月30日, 民主党派 by 5月10日, after those dates and between
  // sessions 3个月; S27 (by analogy): 交办后15个工作日内联系; S21: 会办一个月
  ['guangdongCity', PS, '2024-06-29', 'adjustmentWindow', '2024-07-03', 'S22 3个工作日 from Sat: 07-01–03'],
  ['guangdongCity', SI, '2024-09-30', 'adjustmentWindow', '2024-10-10', 'S22 3个工作日: 10-08, 09, 10'],
  ['guangdongCity', PI, '2025-09-30', 'adjustmentWindow', '2025-10-11', 'S22 3个工作日: 10-09, 10, Sat 10-11'],
  ['guangdongCity', PS, '2025-01-29', 'adjustmentWindow', '2025-02-07', 'S22 3个工作日 from 春节: 02-05–07'],
  ['guangdongCity', SP, '2026-02-13', 'adjustmentWindow', '2026-02-25', 'S22 3个工作日: Sat 02-14, 02-24, 25'],
  ['guangdongCity', PS, '2024-06-29', 'reply', '2024-07-01', 'S22 6月30日前: Sun 06-30 → 07-01'],
  ['guangdongCity', PS, '2024-06-30', 'reply', '2024-07-01', 'S22 6月30日前: 交办 on 06-30 is not after it'],
  ['guangdongCity', PS, '2024-07-01', 'reply', '2024-10-08', 'S22 after 6-30: 3个月, 10-01 国庆 → 10-08'],
  ['guangdongCity', PS, '2025-05-09', 'reply', '2025-06-30', 'S22 6月30日前'],
  ['guangdongCity', SP, '2025-05-09', 'reply', '2025-06-30', 'S22 6月30日前 (suggestions by analogy)'],
  ['guangdongCity', PARTY, '2025-05-09', 'reply', '2025-05-12', 'S22 民主党派 5月10日前: Sat → Mon 05-12'],
  ['guangdongCity', PARTY, '2025-05-11', 'reply', '2025-08-11', 'S22 after 5-10: 3个月'],
  ['guangdongCity', PARTY, '2024-06-29', 'reply', '2024-09-29', 'S22 after 5-10: 3个月, Sun 09-29 worked'],
  ['guangdongCity', PI, '2025-01-29', 'reply', '2025-04-29', 'S22 闭会期间 3个月'],
  ['guangdongCity', SI, '2024-11-30', 'reply', '2025-02-28', 'S22 闭会期间 3个月: → 02-28'],
  ['guangdongCity', PS, '2024-06-29', 'firstContact', '2024-07-19', 'S27 15个工作日: 07-01–05, 08–12, 15–19'],
  ['guangdongCity', SI, '2024-09-30', 'firstContact', '2024-10-25', 'S27 15个工作日: Sat 10-12 counted'],
  ['guangdongCity', PI, '2025-09-30', 'firstContact', '2025-10-28', 'S27 15个工作日: Sat 10-11 counted'],
  ['guangdongCity', PS, '2025-01-29', 'firstContact', '2025-02-24', 'S27 15个工作日: Sat 02-08 counted'],
  ['guangdongCity', SP, '2026-02-13', 'firstContact', '2026-03-12', 'S27 15个工作日: Sat 02-14, 02-28 counted'],
  ['guangdongCity', PS, '2024-06-29', 'coOpinion', '2024-07-29', 'S21 一个月'],
  ['guangdongCity', SI, '2024-11-30', 'coOpinion', '2024-12-30', 'S21 一个月'],
  // sichuan2024 — S28 (by analogy): 5个工作日; S14: 收到…会议期间的代表建议之日起3个月内, 政协全体会议期间的
  // 提案之日起5个月内, 闭会期间…3个月内 (收到, taken as the day of 交办; see the note at the end)
  ['sichuan2024', SI, '2024-09-30', 'adjustmentWindow', '2024-10-12', 'S28 5个工作日: 10-08–11, Sat 10-12'],
  ['sichuan2024', PS, '2025-09-30', 'adjustmentWindow', '2025-10-14', 'S28 5个工作日: 10-09, 10, Sat 11, 13, 14'],
  ['sichuan2024', SP, '2025-01-29', 'adjustmentWindow', '2025-02-10', 'S28 5个工作日: 02-05–07, Sat 08, Mon 10'],
  ['sichuan2024', PI, '2026-02-13', 'adjustmentWindow', '2026-02-27', 'S28 5个工作日: Sat 02-14, 02-24–27'],
  ['sichuan2024', PS, '2025-07-01', 'reply', '2025-12-01', 'S14 提案 5个月'],
  ['sichuan2024', PS, '2025-12-01', 'reply', '2026-05-06', 'S14 提案 5个月: 05-01 劳动节 → 05-06'],
  ['sichuan2024', PS, '2024-09-30', 'reply', '2025-02-28', 'S14 提案 5个月: 02-30 → 02-28'],
  ['sichuan2024', PI, '2024-11-30', 'reply', '2025-02-28', 'S14 闭会期间 3个月'],
  ['sichuan2024', SP, '2025-07-01', 'reply', '2025-10-09', 'S14 建议 3个月: 国庆 → 10-09'],
  ['sichuan2024', SI, '2026-02-13', 'reply', '2026-05-13', 'S14 闭会期间 3个月'],
  ['sichuan2024', PS, '2024-08-31', 'coOpinion', '2024-09-30', 'S21 一个月'],
  // chongqing — S21/S29 (by analogy): 10日内; S13: 在本级人民代表大会闭会之日起三个月内
  ['chongqing', SI, '2025-01-29', 'adjustmentWindow', '2025-02-08', '10日: Sat 02-08 is a worked day'],
  ['chongqing', SI, '2024-09-30', 'adjustmentWindow', '2024-10-10', '10日'],
  ['chongqing', CQ('2026-01-31'), '2026-02-13', 'adjustmentWindow', '2026-02-24', '10日: 02-23 春节 → 02-24'],
  ['chongqing', CQ('2025-01-22'), '2025-02-20', 'reply', '2025-04-22', 'S13 闭会之日起三个月'],
  ['chongqing', CQ('2024-11-30'), '2024-12-02', 'reply', '2025-02-28', 'S13 闭会之日起三个月: → 02-28'],
  // Assigned during the session, before it closes: still three months from the closing day (S13).
  ['chongqing', CQ('2025-01-22'), '2025-01-20', 'reply', '2025-04-22', 'S13 闭会之日起, 交办 before the close'],
  ['chongqing', CQ('2026-01-31'), '2026-01-27', 'reply', '2026-04-30', 'S13 闭会之日起, 交办 before the close'],
  // Assigned after three months from the close: from 交办 (the preset's documented fallback, an inference).
  ['chongqing', CQ('2025-01-22'), '2025-05-01', 'reply', '2025-08-01', 'inference: never due before 交办'],
  ['chongqing', SI, '2025-01-29', 'reply', '2025-04-29', 'inference: 闭会期间 from 交办'],
  ['chongqing', SI, '2024-08-31', 'coOpinion', '2024-09-30', 'S11 一个月'],
  // Past the last notice (2027): estimated from the statutory rules and labelled provisional.
  ['nationalNpc', SI, '2026-12-15', 'reply', '2027-03-15', 'S9 三个月, into 2027'],
  ['nationalNpc', SI, '2026-12-15', 'adjustmentWindow', '2026-12-22', 'S1 一周, inside 2026'],
  ['guangdongCity', PS, '2027-03-01', 'reply', '2027-06-30', 'S22 6月30日前, in 2027'],
  ['guangdongCity', PARTY, '2027-03-01', 'reply', '2027-05-10', 'S22 5月10日前, in 2027'],
  ['sichuan2024', PS, '2026-11-30', 'reply', '2027-04-30', 'S14 提案 5个月, into 2027'],
  ['chongqing', CQ('2027-01-24'), '2027-02-20', 'reply', '2027-04-26', 'S13 闭会之日起三个月: Sat 04-24 → 04-26'],
];

/** A due date that needs 2027, a year no holiday notice in the calendar covers, is labelled provisional. */
const provisional = (due: string) => due > '2026-12-31';

describe('A: deadlines opened by 交办, at stress dates, per preset and kind', () => {
  it.each(AT_ASSIGNMENT)('%s %o 交办 %s: %s due %s (%s)', async (preset, shape, at, kind, due) => {
    const { banli } = ruleBanli(preset);
    const item = itemOf(shape);
    await assignOn(banli, item, at, { co: kind === 'coOpinion' });
    const d = (await deadlinesOf(banli, item, kind)).filter((x) => x.caseId === caseOf(item.id));
    expect(d.map((x) => [x.due, x.status, x.provisional])).toEqual([[due, 'open', provisional(due)]]);
  });
});

/**
 * B · deadlines counted from the reply's issue (feedback, publication) and, for a B reply rated satisfied, the second
 * reply (followUp), with the reply issued just before 国庆 2025 and just before 春节 2026. Feedback: S13 回执 二十个工作日
 * (nationalNpc by analogy, chongqing), S27 15个工作日 (guangdongCity, sichuan2024, by analogy); publication: S41/S37
 * 20个工作日; followUp: guangdongCity 3个月 (S74, inference).
 */
const AFTER_REPLY: [PresetName, Shape, string, string, string][] = [
  // 20 working days from Fri 2025-09-26: Sun 09-28, 09-29, 09-30, 10-09, 10-10, Sat 10-11, 10-13–17, 20–24, 27–30
  ['nationalNpc', SP, '2025-09-26', 'feedback', '2025-10-30'],
  ['chongqing', SI, '2025-09-26', 'feedback', '2025-10-30'],
  // 15 working days from Fri 2025-09-26: … 10-13–17, 20–23
  ['guangdongCity', PS, '2025-09-26', 'feedback', '2025-10-23'],
  ['guangdongCity', SI, '2025-09-26', 'feedback', '2025-10-23'],
  ['sichuan2024', PS, '2025-09-26', 'feedback', '2025-10-23'],
  ['sichuan2024', SI, '2025-09-26', 'feedback', '2025-10-23'],
  // 20 working days from Fri 2026-02-13: Sat 02-14, 02-24–27, Sat 02-28, 03-02–06, 09–13, 16–19
  ['nationalNpc', SI, '2026-02-13', 'feedback', '2026-03-19'],
  ['chongqing', SI, '2026-02-13', 'feedback', '2026-03-19'],
  // 15 working days from Fri 2026-02-13: … 03-02–06, 09–12
  ['guangdongCity', PI, '2026-02-13', 'feedback', '2026-03-12'],
  ['sichuan2024', SP, '2026-02-13', 'feedback', '2026-03-12'],
  ['nationalNpc', SP, '2025-09-26', 'publication', '2025-10-30'],
  ['guangdongCity', PS, '2025-09-26', 'publication', '2025-10-30'],
  ['sichuan2024', PI, '2025-09-26', 'publication', '2025-10-30'],
  ['chongqing', SI, '2025-09-26', 'publication', '2025-10-30'],
  ['nationalNpc', SI, '2026-02-13', 'publication', '2026-03-19'],
  ['guangdongCity', SP, '2026-02-13', 'publication', '2026-03-19'],
  ['sichuan2024', SP, '2026-02-13', 'publication', '2026-03-19'],
  ['chongqing', SI, '2026-02-13', 'publication', '2026-03-19'],
  // 3 months from the last rating (the reply's day): 12-26; 05-13
  ['guangdongCity', PS, '2025-09-26', 'followUp', '2025-12-26'],
  ['guangdongCity', SI, '2026-02-13', 'followUp', '2026-05-13'],
];

/** Drafts, countersigns and supervises where the preset asks, signs off and issues a reply of `cls` on `at`. */
async function replyOn(banli: Banli, item: Proposal, cls: string, at: string) {
  const caseId = caseOf(item.id);
  const send = (event: Record<string, unknown>, actor: (typeof actors)[keyof typeof actors]) =>
    banli.send(item.id, { caseId, ...event }, { actor });
  const letter = {
    ...replyLetter(item.id, cls, [], item.kind, banli.policy as Policy),
    disclosure: { mode: 'proactive' },
  };
  const stateOf = async () => JSON.stringify((await banli.get(item.id)).state.cases[caseId]);
  await send({ type: 'case.startDrafting', at }, actors.lead);
  await send({ type: 'reply.submitDraft', at, letter }, actors.lead);
  if ((await stateOf()).includes('countersigning'))
    await send({ type: 'countersign.approve', at, unitId: coUnit.id }, actors.co);
  await send({ type: 'signOff.approve', at, signer: '局长' }, actors.leader);
  if ((await stateOf()).includes('supervisorReview')) await send({ type: 'supervisor.approve', at }, actors.supervisor);
}

/** Assigns (and accepts) on `at` where every preset's reply is still running on the reply days of the table. */
async function handlingFrom(banli: Banli, item: Proposal, at: string) {
  await assignOn(banli, item, at);
  await banli.send(item.id, { type: 'case.accept', at, caseId: caseOf(item.id) }, { actor: actors.lead });
}

describe('B: deadlines counted from the reply, issued before 国庆 2025 and before 春节 2026', () => {
  it.each(AFTER_REPLY)('%s %o reply %s: %s due %s', async (preset, shape, replied, kind, due) => {
    const { banli } = ruleBanli(preset);
    const item = itemOf(shape);
    await handlingFrom(banli, item, replied === '2025-09-26' ? '2025-07-01' : '2025-12-01');
    await replyOn(banli, item, kind === 'followUp' ? 'B' : 'A', replied);
    if (kind === 'followUp') await rate(banli, item, 'satisfied', 'satisfied', replied);
    expect(await latest(banli, item, kind)).toEqual([replied, due, provisional(due)]);
  });
});

/**
 * C · re-handling after 不满意, from `rehandling.start` (the re-assignment): S9 (nationalNpc, guangdongCity by analogy)
 * "交办之日起一个月内…再次答复"; S14 "重新办理，并在3个月内再次答复"; S13 "重新办理，并在二个月内答复".
 */
const REHANDLING: [PresetName, Shape, string, string][] = [
  ['nationalNpc', SP, '2024-11-30', '2024-12-30'],
  ['nationalNpc', SI, '2025-12-31', '2026-02-02'], // 01-31 Sat → Mon 02-02
  ['nationalNpc', SP, '2026-12-31', '2027-02-01'], // 01-31 Sun → Mon 02-01, in 2027: provisional
  ['guangdongCity', PS, '2025-09-30', '2025-10-30'],
  ['guangdongCity', SI, '2025-12-31', '2026-02-02'],
  ['guangdongCity', PARTY, '2026-12-31', '2027-02-01'],
  ['sichuan2024', PS, '2024-11-30', '2025-02-28'],
  ['sichuan2024', SI, '2025-12-31', '2026-03-31'],
  ['sichuan2024', PI, '2026-12-31', '2027-03-31'],
  ['chongqing', SI, '2024-11-30', '2025-02-05'], // 01-30 春节 → 02-05
  ['chongqing', SI, '2025-09-30', '2025-12-01'], // 11-30 Sun → 12-01
  ['chongqing', SI, '2025-12-31', '2026-02-28'], // no 02-31: 02-28, a worked Saturday
  ['chongqing', SI, '2026-12-31', '2027-03-01'], // 2027-02-28 Sun → Mon 03-01
];

describe('C: re-handling after 不满意, from the re-assignment, at month ends and holidays', () => {
  it.each(REHANDLING)('%s %o re-handling from %s due %s', async (preset, shape, start, due) => {
    const { banli } = ruleBanli(preset);
    const item = itemOf(shape);
    await handlingFrom(banli, item, '2024-09-02');
    await replyOn(banli, item, 'A', '2024-10-08');
    await rate(banli, item, 'dissatisfied', 'satisfied', '2024-10-09');
    const caseId = caseOf(item.id);
    await banli.send(item.id, { type: 'rehandling.start', at: start, caseId }, { actor: actors.office });
    expect(await latest(banli, item, 'rehandling')).toEqual([start, due, provisional(due)]);
  });
});

/**
 * D · one approved extension (延期), asked before the reply is due: the sources set the longest the reply may take,
 * extensions included — S9 "在三个月内不能办理完毕的…在交办之日起六个月内办理完毕" (nationalNpc, by analogy), S20 3, at most 6
 * (guangdongCity, by analogy), S14 "至迟不超过6个月办理完毕", S13 "闭会之日起三个月内，至迟不超过六个月". The presets
 * model it as one extension of 3 months: 3 + 3 months from the period's start ends on the day 6 months after it (民法典
 * art. 202, S45), not 3 months after a due date that was clamped to a month's end (02-28) or rolled past a holiday.
 * Columns: preset, shape, 交办 (and acceptance), extension asked, approved, the rule asked (default: the preset's),
 * the reply due before and after.
 */
const EXTENSIONS: [PresetName, Shape, string, string, string, 'default' | 'months3', string, string][] = [
  // 11-30 + 3 months = 02-28 (no 02-30); + 3 more = 6 months from 11-30 = 05-30
  ['nationalNpc', SI, '2024-11-30', '2025-02-20', '2025-02-21', 'default', '2025-02-28', '2025-05-30'],
  ['guangdongCity', SI, '2024-11-30', '2025-02-20', '2025-02-21', 'default', '2025-02-28', '2025-05-30'],
  ['sichuan2024', SI, '2024-11-30', '2025-02-20', '2025-02-21', 'default', '2025-02-28', '2025-05-30'],
  ['sichuan2024', PI, '2024-11-30', '2025-02-20', '2025-02-21', 'default', '2025-02-28', '2025-05-30'],
  // S13 from the close (2024-11-30), assigned 12-02
  ['chongqing', CQ('2024-11-30'), '2024-12-02', '2025-02-20', '2025-02-21', 'default', '2025-02-28', '2025-05-30'],
  // leap year: 2023-11-30 + 3 months = 2024-02-29; 6 months = 05-30
  ['nationalNpc', SP, '2023-11-30', '2024-02-20', '2024-02-21', 'default', '2024-02-29', '2024-05-30'],
  // S14 proposals 5 months (04-30); + 3 would pass the 6-month maximum: stops at 05-30
  ['sichuan2024', PS, '2024-11-30', '2025-02-20', '2025-02-21', 'default', '2025-04-30', '2025-05-30'],
  // 10-01 国庆 rolled the reply to 10-09; 6 months from 07-01 is 2026-01-01 (元旦 01-01–03) → Sun 01-04, worked
  ['nationalNpc', SP, '2025-07-01', '2025-09-20', '2025-09-22', 'default', '2025-10-09', '2026-01-04'],
  ['guangdongCity', PI, '2025-07-01', '2025-09-20', '2025-09-22', 'default', '2025-10-09', '2026-01-04'],
  // …and a request naming the preset's own 3 months is within the maximum too (3 + 3 = 6)
  ['nationalNpc', SP, '2025-07-01', '2025-09-20', '2025-09-22', 'months3', '2025-10-09', '2026-01-04'],
  ['sichuan2024', SI, '2025-07-01', '2025-09-20', '2025-09-22', 'months3', '2025-10-09', '2026-01-04'],
  ['chongqing', SI, '2025-07-01', '2025-09-20', '2025-09-22', 'months3', '2025-10-09', '2026-01-04'],
  // S22's fixed date is no period in months: 3 months from its (rolled) due, 07-01 → 10-01 国庆 → 10-08, within the
  // 6 months from 交办 (12-29)
  ['guangdongCity', PS, '2024-06-29', '2024-06-30', '2024-07-01', 'default', '2024-07-01', '2024-10-08'],
];

describe('D: one extension, up to the maximum the sources set', () => {
  it.each(EXTENSIONS)(
    '%s %o 交办 %s, asked %s, approved %s (%s): %s → %s',
    async (preset, shape, at, asked, approved, asks, before, after) => {
      const { banli } = ruleBanli(preset);
      const item = itemOf(shape);
      await handlingFrom(banli, item, at);
      const caseId = caseOf(item.id);
      const reply = async () =>
        (await deadlinesOf(banli, item, 'reply')).filter((d) => d.status === 'open').map((d) => d.due);
      expect(await reply()).toEqual([before]);
      const rule = asks === 'months3' ? { rule: { kind: 'months', months: 3, rollForward: true } } : {};
      const request = { type: 'case.requestExtension', at: asked, caseId, reason: '情况复杂', ...rule };
      await banli.send(item.id, request, { actor: actors.lead });
      await banli.send(item.id, { type: 'extension.approve', at: approved, caseId }, { actor: actors.office });
      expect(await reply()).toEqual([after]);
    },
  );
});

/**
 * D2 · an extension past the maximum is refused naming the last day, the one a 3 + 3-month extension approved is due:
 * 6 months from 交办, rolled past a holiday with the calendar the deadlines use. 2025-07-01 + 6 months = 2026-01-01,
 * 元旦 01-01–03, Sunday 01-04 worked (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04,
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm); 2025-04-01 + 6 months = 2025-10-01, 国庆、中秋 10-01–08
 * (国办发明电〔2024〕12号) → Thursday 10-09; 2024-03-04 + 6 months = Wednesday 2024-09-04, a working day.
 * Columns: preset, shape, 交办 (and acceptance), asked (before the reply is due), the last day.
 */
const OVER_MAXIMUM: [PresetName, Shape, string, string, string][] = [
  ['nationalNpc', SP, '2025-07-01', '2025-09-22', '2026-01-04'],
  ['guangdongCity', PI, '2025-07-01', '2025-09-22', '2026-01-04'],
  ['sichuan2024', SI, '2025-07-01', '2025-09-22', '2026-01-04'],
  ['chongqing', SI, '2025-07-01', '2025-09-22', '2026-01-04'],
  ['nationalNpc', SP, '2025-04-01', '2025-06-20', '2025-10-09'],
  ['guangdongCity', PI, '2025-04-01', '2025-06-20', '2025-10-09'],
  ['sichuan2024', SI, '2025-04-01', '2025-06-20', '2025-10-09'],
  ['chongqing', SI, '2025-04-01', '2025-06-20', '2025-10-09'],
  ['guangdongCity', PI, '2024-03-04', '2024-05-20', '2024-09-04'],
];

describe('D2: an extension past the maximum is refused naming the day an approval at the maximum is due', () => {
  it.each(OVER_MAXIMUM)(
    '%s %o 交办 %s, asked %s: 3 + 4 months refused, 3 + 3 due %s',
    async (preset, shape, at, asked, last) => {
      const { banli } = ruleBanli(preset);
      const item = itemOf(shape);
      await handlingFrom(banli, item, at);
      const caseId = caseOf(item.id);
      const ask = (months: number) => () =>
        banli.send(
          item.id,
          { type: 'case.requestExtension', at: asked, caseId, reason: '情况复杂', rule: { kind: 'months', months } },
          { actor: actors.lead },
        );
      const over = await refused(banli, item.id, ask(4), 'TRANSITION_REFUSED');
      const [y, m, d] = last.split('-').map(Number);
      expect(over).toMatchObject({ reason: { code: 'extension.overMaximum', source: EXTENSION_SOURCE[preset] } });
      expect(over.messages['zh-CN']).toMatch(new RegExp(`至迟 ${y}年${m}月${d}日）$`));
      expect(over.messages.en).toMatch(new RegExp(`by ${last} at the latest\\)$`));
      await ask(3)();
      await banli.send(item.id, { type: 'extension.approve', at: asked, caseId }, { actor: actors.office });
      expect((await deadlinesOf(banli, item, 'reply')).filter((x) => x.status === 'open').map((x) => x.due)).toEqual([
        last,
      ]);
    },
  );
});

/**
 * E · past the last holiday notice: a due date in 2027 is estimated from the statutory rules (S86) and labelled
 * provisional wherever a person reads it — the deadline, its reason and explanation in both languages, the item's tags —
 * while a due date inside 2026 is not.
 */
describe('E: a due date in 2027 is labelled provisional in both languages', () => {
  it('nationalNpc, 交办 2026-12-15: the reply (2027-03-15) is provisional, the adjustment window (2026-12-22) is not', async () => {
    const { banli } = ruleBanli('nationalNpc');
    const item = itemOf(SI);
    await assignOn(banli, item, '2026-12-15');
    const views = await banli.deadlines(item.id);
    const reply = views.find((d) => d.kind === 'reply');
    expect(reply).toMatchObject({ due: '2027-03-15', provisional: true });
    expect(reply?.provisionalReason?.code).toBe('statutoryEstimate');
    expect(reply?.provisionalReason?.messages['zh-CN']).toContain('临时期限');
    expect(reply?.provisionalReason?.messages['zh-CN']).toContain('全国年节及纪念日放假办法');
    expect(reply?.provisionalReason?.messages.en).toContain('Provisional deadline');
    expect(reply?.explanation['zh-CN']).toContain('（临时结果）');
    expect(reply?.explanation.en).toContain('(provisional)');
    const window = views.find((d) => d.kind === 'adjustmentWindow');
    expect(window).toMatchObject({ due: '2026-12-22', provisional: false });
    expect(window?.provisionalReason).toBeUndefined();
    expect(window?.explanation['zh-CN']).not.toContain('临时');
    expect((await banli.get(item.id)).tags).toContain('provisional');
  });
});

/** The words a deadline's label must not use for an item of the other kind (issue 13.11). */
const FOREIGN = { suggestion: /提案|[Pp]roposer/, proposal: /代表|[Dd]eput/ } as const;

/** F1 · each deadline's label names the item's own people: 代表 for suggestions, 提案者 for proposals. */
const LABELLED: [PresetName, Shape][] = [
  ['nationalNpc', SP],
  ['guangdongCity', PS],
  ['guangdongCity', SI],
  ['sichuan2024', PI],
  ['sichuan2024', SP],
  ['chongqing', SI],
];

describe('F1: deadline labels in the item’s words, zh-CN and en', () => {
  it.each(LABELLED)('%s %o: every deadline’s label fits the kind', async (preset, shape) => {
    const { banli } = ruleBanli(preset);
    const item = itemOf(shape);
    await assignOn(banli, item, '2025-07-01', { co: true });
    await banli.send(
      item.id,
      { type: 'case.accept', at: '2025-07-01', caseId: caseOf(item.id) },
      { actor: actors.lead },
    );
    // The co-handler stays silent: its opinion deadline (08-01) passes before drafting.
    await replyOn(banli, item, 'A', '2025-09-26');
    const views = await banli.deadlines(item.id);
    expect(new Set(views.map((d) => d.kind))).toEqual(
      new Set([
        'adjustmentWindow',
        'reply',
        'coOpinion',
        'feedback',
        'publication',
        ...(preset === 'guangdongCity' ? ['firstContact'] : []),
      ]),
    );
    for (const d of views) {
      expect(d.label['zh-CN'], `${d.kind} zh-CN`).not.toMatch(FOREIGN[shape.kind]);
      expect(d.label.en, `${d.kind} en`).not.toMatch(FOREIGN[shape.kind]);
    }
  });
});

/**
 * F2 · a deadline-governed step tried late is refused, nothing written, with the rule in both languages and its source:
 * the adjustment window (交办 2025-09-30, before 国庆; dues from table A) and the extension (asked after the reply was
 * due, 2025-10-09; or for longer than the 6-month maximum).
 */
const LATE: [PresetName, Shape, string, string, string, string][] = [
  ['nationalNpc', SP, '2025-10-09', '7 日', '7 days', 'S1'],
  ['guangdongCity', PI, '2025-10-11', '3 个工作日', '3 working days', 'S22'],
  ['sichuan2024', PS, '2025-10-14', '5 个工作日', '5 working days', 'S28'],
  ['chongqing', SI, '2025-10-10', '10 日', '10 days', 'S21'],
];

/** The source the presets cite for the extension rule and the 6-month maximum. */
const EXTENSION_SOURCE: Record<PresetName, string> = {
  nationalNpc: 'S9',
  guangdongCity: 'S20',
  sichuan2024: 'S14',
  chongqing: 'S13',
};

describe('F2: late steps refused in zh-CN and en, citing the source', () => {
  it.each(LATE)(
    '%s %o: an adjustment asked the day after %s is refused (%s / %s, %s); that day it is taken',
    async (preset, shape, due, zh, en, source) => {
      const { banli } = ruleBanli(preset);
      const item = itemOf(shape);
      await assignOn(banli, item, '2025-09-30');
      const caseId = caseOf(item.id);
      const request = (at: string) => ({ type: 'case.requestAdjustment', at, caseId, reason: '职能不符' });
      const dayAfter = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const late = await refused(
        banli,
        item.id,
        () => banli.send(item.id, request(dayAfter), { actor: actors.lead }),
        'TRANSITION_REFUSED',
      );
      const [y, m, d] = due.split('-').map(Number);
      expect(late).toMatchObject({ reason: { code: 'adjustment.windowClosed', source } });
      expect(late.messages['zh-CN']).toBe(`调整申请须在交办后 ${zh}内提出（截至 ${y}年${m}月${d}日）`);
      expect(late.messages.en).toBe(`An adjustment must be requested within ${en} of assignment (by ${due})`);
      await banli.send(item.id, request(due), { actor: actors.lead });
    },
  );

  it.each(LATE)(
    '%s %o: an extension asked after the reply is due, or past 6 months, is refused in both languages',
    async (preset, shape) => {
      const { banli } = ruleBanli(preset);
      const item = itemOf(shape);
      await handlingFrom(banli, item, '2025-07-01');
      const caseId = caseOf(item.id);
      const reply = (await deadlinesOf(banli, item, 'reply'))[0]?.due as string;
      const [y, m, d] = reply.split('-').map(Number);
      const ask = (at: string, rule?: object) => () =>
        banli.send(
          item.id,
          { type: 'case.requestExtension', at, caseId, reason: '情况复杂', ...(rule ? { rule } : {}) },
          { actor: actors.lead },
        );
      const next = new Date(Date.parse(`${reply}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const late = await refused(banli, item.id, ask(next), 'TRANSITION_REFUSED');
      expect(late).toMatchObject({ reason: { code: 'extension.afterDue', source: EXTENSION_SOURCE[preset] } });
      expect(late.messages['zh-CN']).toBe(`延期须在答复期限届满前申请（答复期限为 ${y}年${m}月${d}日）`);
      expect(late.messages.en).toBe(`An extension must be requested before the reply is due (due ${reply})`);
      // 6 months from 2025-07-01 is 2026-01-01 (元旦 01-01–03): the last day is Sunday 01-04, worked (table D2)
      const over = await refused(
        banli,
        item.id,
        ask('2025-09-20', { kind: 'months', months: 4 }),
        'TRANSITION_REFUSED',
      );
      expect(over).toMatchObject({ reason: { code: 'extension.overMaximum', source: EXTENSION_SOURCE[preset] } });
      expect(over.messages['zh-CN']).toBe('答复期限连同延期不得超过 6 个月（自 2025年7月1日 起，至迟 2026年1月4日）');
      expect(over.messages.en).toBe(
        'The reply period with its extensions may not exceed 6 months (from 2025-07-01, by 2026-01-04 at the latest)',
      );
    },
  );
});

/**
 * G · the periods only guangdongCity sets, at stress dates: the office's answer to an adjustment request (S16, Guangzhou
 * by analogy: 7日内答复) from the request; an urgent item's reply (S20 急事快办, one month an inference) from 交办. The
 * other presets set neither: no answer period opens, and an urgent item keeps its reply period.
 */
const ANSWERS: [PresetName, Shape, string, string | undefined][] = [
  ['guangdongCity', PS, '2025-09-30', '2025-10-09'], // 7 days: 10-07 国庆 → 10-09
  ['guangdongCity', SI, '2026-02-13', '2026-02-24'], // 7 days: 02-20 春节 → 02-24
  ['nationalNpc', SI, '2025-09-30', undefined],
  ['sichuan2024', PI, '2025-09-30', undefined],
  ['chongqing', SI, '2025-09-30', undefined],
];

describe('G: the office’s answer to an adjustment request, where the preset sets one', () => {
  it.each(ANSWERS)('%s %o: asked on 交办 %s, answer due %s', async (preset, shape, at, due) => {
    const { banli } = ruleBanli(preset);
    const item = itemOf(shape);
    await assignOn(banli, item, at);
    const request = { type: 'case.requestAdjustment', at, caseId: caseOf(item.id), reason: '职能不符' };
    await banli.send(item.id, request, { actor: actors.lead });
    expect((await deadlinesOf(banli, item, 'adjustmentAnswer')).map((d) => d.due)).toEqual(due ? [due] : []);
  });
});

const URGENT: [PresetName, Shape, string, string][] = [
  ['guangdongCity', PS, '2025-09-30', '2025-10-30'], // 1 month
  ['guangdongCity', SI, '2025-01-29', '2025-02-28'], // 1 month: no 02-29 in 2025
  ['guangdongCity', PARTY, '2026-12-31', '2027-02-01'], // 1 month: Sun 01-31 → Mon 02-01, in 2027: provisional
  ['nationalNpc', SI, '2025-09-30', '2025-12-30'], // no urgent period: 3 months (S9)
  ['sichuan2024', PS, '2025-09-30', '2026-02-28'], // no urgent period: 5 months (S14), a worked Saturday
  ['chongqing', SI, '2025-09-30', '2025-12-30'], // no urgent period: 3 months
];

describe('G: an urgent item’s reply (急事快办)', () => {
  it.each(URGENT)('%s %o: urgent, 交办 %s, reply due %s', async (preset, shape, at, due) => {
    const { banli } = ruleBanli(preset);
    const item = itemOf(shape);
    await assignOn(banli, item, at, { urgent: true });
    expect(await latest(banli, item, 'reply')).toEqual([at, due, provisional(due)]);
  });
});

// What the sources leave open, and what the presets' documentation picks (not invented here):
// - S14 counts Sichuan's periods from 收到 (the unit's receipt); the preset and docs/rules.md count from 交办, the day
//   the assigned item reaches the unit — not from 签收 (case.accept), which may come days later.
// - S22's "by 30 June" for an item assigned on 30 June itself: not "after" the date, so due that day (rolled when it is
//   a rest day, 2024: Monday 07-01); only a later assignment falls back to 3 months.
// - S13's 回执 "收到答复函后…二十个工作日内" and S27's 15 working days count from the deputy's or member's receipt of
//   the reply; the SDK counts from the reply's issue (the day it is sent), the only date it records.
// - S13 sets no period for a session suggestion assigned more than 3 months after the close; the preset counts 3 months
//   from 交办 (never due before the assignment), an inference its docs state.
