import { type Assignment, type Proposal, type ReplyClass, withLetterClass } from '@banli/schemas';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { type Actor, createBanli, createManualClock } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { mergedItemOf, mergedLetterFor } from '../src/index.js';

// Four proposals under the default policy (guangdongCity), their statistics written out by hand from the SDK
// README's definitions ("Statistics"): the small case the oracle of statisticsOracle.test.ts is checked against.

const committee: Actor = { role: 'committee', id: 'cppcc-office' };
const office: Actor = { role: 'assigningOffice', id: 'gov-office', unitId: 'zs-government-office' };
const commerce = seedAssignment132402.leadUnit as NonNullable<Assignment['leadUnit']>;
const agriculture = (seedAssignment132402.coUnits ?? []).find((u) => u.id === 'zs-agriculture') as typeof commerce;
const education = (seedAssignment132402.coUnits ?? []).find((u) => u.id === 'zs-education') as typeof commerce;

function item(n: number, proposers: number): Proposal {
  return {
    ...seedProposal132402,
    id: `hand-${n}`,
    number: n,
    proposers: seedProposal132402.proposers.slice(0, proposers).map((p, i) => ({ ...p, id: `hand-${n}-m${i + 1}` })),
  };
}

function letter(proposalId: string, cls: ReplyClass, date: string, grouped = false) {
  const { dateText: _printed, ...seed } = seedReplyLetter132402;
  const [first, , third] = seed.responses ?? [];
  // Grouped: one heading answers points s1 and s2 together (吸收采纳), another s3 (部分采纳).
  const responses = grouped
    ? [
        { ...first, suggestionIds: ['s1', 's2'] },
        { ...third, adoption: 'partlyAdopted' as const, statement: '部分采纳该建议。' },
      ]
    : seed.responses;
  return { ...withLetterClass(seed, cls), responses, proposalId, date, imprint: { ...seed.imprint, printDate: date } };
}

/** The SDK under the default policy on a manual clock, and `send`, which sets the clock to the event's date first. */
function handBanli() {
  const clock = createManualClock('2023-02-20');
  const banli = createBanli({ clock });
  const send = async (id: string, on: string, actor: Actor, event: Record<string, unknown>) => {
    clock.set(on);
    await banli.send(id, { at: on, ...event } as never, { actor });
  };
  return { clock, banli, send };
}

describe('statistics of a small case worked out by hand', () => {
  it('should give the figures written out by hand', async () => {
    const { clock, banli, send } = handBanli();
    const unitActor = (unitId: string, role: 'leadUnit' | 'leader'): Actor => ({
      role,
      id: `${unitId}-${role}`,
      unitId,
    });
    const open = async (p: Proposal, unit: typeof commerce) => {
      clock.set('2023-02-20');
      await banli.submit(p, { actor: { role: 'proposer', id: p.proposers[0]?.id as string } });
      await send(p.id, '2023-02-21', committee, { type: 'review.start' });
      await send(p.id, '2023-02-22', committee, { type: 'review.register' });
      const assignment: Assignment = {
        ...seedAssignment132402,
        mode: 'sole',
        leadUnit: unit,
        coUnits: [],
        date: '2023-03-01',
      };
      await send(p.id, '2023-03-01', office, { type: 'assignment.assign', assignment });
      await send(p.id, '2023-03-02', unitActor(unit.id, 'leadUnit'), {
        type: 'case.accept',
        caseId: `${p.id}/${unit.id}`,
      });
    };
    const reply = async (p: Proposal, on: string, cls: ReplyClass, grouped = false) => {
      const caseId = `${p.id}/${commerce.id}`;
      await send(p.id, on, unitActor(commerce.id, 'leadUnit'), { type: 'case.startDrafting', caseId });
      await send(p.id, on, unitActor(commerce.id, 'leadUnit'), {
        type: 'reply.submitDraft',
        caseId,
        letter: letter(p.id, cls, on, grouped),
      });
      await send(p.id, on, unitActor(commerce.id, 'leader'), { type: 'signOff.approve', caseId, signer: '局长' });
    };
    const feedback = async (p: Proposal, k: number, on: string, level: string) => {
      const proposerId = p.proposers[k]?.id as string;
      const caseId = `${p.id}/${commerce.id}`;
      await send(
        p.id,
        on,
        { role: 'proposer', id: proposerId },
        {
          type: 'feedback.submit',
          caseId,
          feedback: { proposerId, level, date: on, ...(level === 'dissatisfied' ? { comment: '未解决' } : {}) },
        },
      );
    };

    // 1: replied on time (class A, two headings: s1 and s2 together, then s3), the proposers met face to face; 满意
    // and 基本满意.
    const h1 = item(1, 2);
    await open(h1, commerce);
    await send(h1.id, '2023-03-06', unitActor(commerce.id, 'leadUnit'), {
      type: 'case.recordContact',
      caseId: `${h1.id}/${commerce.id}`,
      proposerId: h1.proposers[0]?.id,
      method: 'visit',
    });
    await reply(h1, '2023-04-20', 'A', true);
    await send(h1.id, '2023-04-21', unitActor(commerce.id, 'leadUnit'), {
      type: 'publication.publish',
      caseId: `${h1.id}/${commerce.id}`,
    });
    await feedback(h1, 0, '2023-04-25', 'satisfied');
    await feedback(h1, 1, '2023-04-26', 'basicallySatisfied');
    // 2: replied late (class B, after its due date, 2023-06-30); 不满意, re-handled, class B again, then 满意.
    const h2 = item(2, 1);
    await open(h2, commerce);
    await reply(h2, '2023-07-14', 'B');
    await feedback(h2, 0, '2023-07-17', 'dissatisfied');
    await send(h2.id, '2023-07-18', office, { type: 'rehandling.start', caseId: `${h2.id}/${commerce.id}` });
    await reply(h2, '2023-08-01', 'B');
    await feedback(h2, 0, '2023-08-03', 'satisfied');
    // 3: not replied, past its due date on the day the statistics are taken: overdue.
    const h3 = item(3, 1);
    await open(h3, agriculture);
    // 4: withdrawn during handling: left out.
    const h4 = item(4, 1);
    await open(h4, commerce);
    await send(
      h4.id,
      '2023-03-10',
      { role: 'proposer', id: h4.proposers[0]?.id as string },
      {
        type: 'proposal.withdraw',
        by: h4.proposers[0]?.id,
        reason: '问题已解决',
        writtenRequest: { date: '2023-03-10' },
      },
    );

    clock.set('2023-09-01');
    const stats = await banli.statistics({ from: '2023-01-01', to: '2023-12-31', minCases: 1 });
    const { units, coUnits, ...rest } = stats;
    expect(rest).toMatchObject({ from: '2023-01-01', to: '2023-12-31', asOf: '2023-09-01', minCases: 1 });
    expect(stats.totals).toEqual({
      cases: 3,
      decided: 3,
      repliedOnTime: 1,
      repliedLate: 1,
      overdue: 1,
      provisional: 0,
      onTimeRate: 1 / 3,
      // Round 1: h1's 满意 and 基本满意, h2's 不满意.
      firstRound: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, total: 3, rate: 2 / 3 },
      // Latest per proposer: h1's two, h2's 满意 after re-handling.
      final: { satisfied: 2, basicallySatisfied: 1, dissatisfied: 0, total: 3, rate: 1 },
      classes: { A: 1, B: 1 },
      rehandlings: 1,
      meetings: { replied: 2, met: 1, rate: 0.5 },
      // Counted per itemized answer (the README's reading): h1's letter has two (s1 and s2 under one heading, 吸收采纳;
      // s3 部分采纳), h2's latest letter (the seed's) three, all 吸收采纳.
      adoption: { answered: 5, adopted: 4, partlyAdopted: 1, rate: 4 / 5, partlyRate: 1 / 5, notItemized: 0 },
      // h2's latest formal letter is class B (a follow-up class of guangdongCity), not yet followed up.
      commitments: { made: 1, fulfilled: 0, overridden: 0, open: 1, rate: 0 },
    });
    expect(units.map((u) => [u.unitId, u.cases, u.onTimeRate, u.rank])).toEqual([
      ['zs-agriculture', 1, 0, 2],
      ['zs-commerce', 2, 0.5, 1],
    ]);
    expect(coUnits).toEqual([]);

    // Queries on the same day: h3's reply is open past its due date (h2's publication too: it was never published);
    // h1 met every deadline; h4 is withdrawn.
    const ids = async (q: Parameters<typeof banli.query>[0]) => (await banli.query(q)).map((r) => r.streamId).sort();
    expect(await ids({ unitId: agriculture.id })).toEqual(['hand-3']);
    expect(await ids({ state: 'withdrawn' })).toEqual(['hand-4']);
    expect(await ids({ overdue: true })).toEqual(['hand-2', 'hand-3']);
  });
});

describe('statistics of the rarer paths worked out by hand', () => {
  it('should count 并案, 改派, an override close, 参阅, a missing opinion and a co-unit visit as written', async () => {
    const { clock, banli, send } = handBanli();
    const unitOf = (unitId: string, role: 'leadUnit' | 'leader' | 'coUnit'): Actor => ({
      role,
      id: `${unitId}-${role}`,
      unitId,
    });
    const submit = async (p: Proposal) => {
      clock.set('2023-02-20');
      await banli.submit(p, { actor: { role: 'proposer', id: p.proposers[0]?.id as string } });
      await send(p.id, '2023-02-21', committee, { type: 'review.start' });
    };
    const assign = async (p: Proposal, a: Partial<Assignment>) => {
      await send(p.id, '2023-02-22', committee, { type: 'review.register' });
      const assignment = { ...seedAssignment132402, coUnits: [], date: '2023-03-01', ...a } as Assignment;
      await send(p.id, '2023-03-01', office, { type: 'assignment.assign', assignment });
    };
    const caseOf = (p: Proposal, unit: typeof commerce) => `${p.id}/${unit.id}`;
    const draft = async (p: Proposal, caseId: string, unitId: string, on: string, cls: ReplyClass, extra = {}) => {
      await send(p.id, on, unitOf(unitId, 'leadUnit'), { type: 'case.startDrafting', caseId });
      const l = letter(p.id, cls, on);
      await send(p.id, on, unitOf(unitId, 'leadUnit'), { type: 'reply.submitDraft', caseId, letter: l, ...extra });
      await send(p.id, on, unitOf(unitId, 'leader'), { type: 'signOff.approve', caseId, signer: '局长' });
    };
    const rate = async (p: Proposal, caseId: string, proposerId: string, on: string) =>
      send(
        p.id,
        on,
        { role: 'proposer', id: proposerId },
        {
          type: 'feedback.submit',
          caseId,
          feedback: { proposerId, level: 'satisfied', date: on },
        },
      );

    // r1: commerce leads, agriculture co-handles: agriculture visits the proposer itself (S17) but never sends its
    // opinion; commerce drafts after the opinion deadline (one month from 2023-03-01), replies class B, the proposer
    // is satisfied, and the committee closes the commitment without a second reply (override).
    const r1 = item(11, 1);
    await submit(r1);
    await assign(r1, { mode: 'lead', leadUnit: commerce, coUnits: [agriculture] });
    const c1 = caseOf(r1, commerce);
    await send(r1.id, '2023-03-02', unitOf(commerce.id, 'leadUnit'), { type: 'case.accept', caseId: c1 });
    await send(r1.id, '2023-03-08', unitOf(agriculture.id, 'coUnit'), {
      type: 'case.recordContact',
      caseId: c1,
      proposerId: r1.proposers[0]?.id,
      method: 'visit',
    });
    await draft(r1, c1, commerce.id, '2023-04-20', 'B');
    await rate(r1, c1, r1.proposers[0]?.id as string, '2023-04-24');
    await send(r1.id, '2023-06-01', committee, { type: 'case.overrideClose', caseId: c1, reason: '已纳入年度计划' });

    // r2: a second item (its own proposer) is merged into r2 during review (并案, S20); commerce replies class B to
    // both, both proposers are satisfied, and the second reply answers both commitments.
    const r2 = item(12, 1);
    const m2 = { ...item(13, 1), title: '同题提案' };
    await submit(r2);
    await submit(m2);
    await send(m2.id, '2023-02-22', committee, { type: 'review.merge', into: r2.id, reason: '内容相近' });
    await assign(r2, { mode: 'sole', leadUnit: commerce });
    const c2 = caseOf(r2, commerce);
    await send(r2.id, '2023-03-02', unitOf(commerce.id, 'leadUnit'), { type: 'case.accept', caseId: c2 });
    const merged = mergedItemOf(m2, '2023-02-22');
    const toMerged = (cls: ReplyClass, on: string) => ({
      mergedLetters: [mergedLetterFor(letter(r2.id, cls, on) as never, merged)],
    });
    await draft(r2, c2, commerce.id, '2023-04-20', 'B', toMerged('B', '2023-04-20'));
    await rate(r2, c2, r2.proposers[0]?.id as string, '2023-04-24');
    await rate(r2, c2, m2.proposers[0]?.id as string, '2023-04-24');
    await send(r2.id, '2023-08-01', unitOf(commerce.id, 'leadUnit'), {
      type: 'followUp.reply',
      caseId: c2,
      letter: letter(r2.id, 'A', '2023-08-01'),
      ...toMerged('A', '2023-08-01'),
    });

    // r3: commerce asks for adjustment inside the window and the office reassigns the case to education (改派),
    // which replies class A on time: the case is education's.
    const r3 = item(14, 1);
    await submit(r3);
    await assign(r3, { mode: 'sole', leadUnit: commerce });
    const c3 = caseOf(r3, commerce);
    await send(r3.id, '2023-03-02', unitOf(commerce.id, 'leadUnit'), {
      type: 'case.requestAdjustment',
      caseId: c3,
      reason: '不属本单位职能',
    });
    await send(r3.id, '2023-03-03', office, { type: 'adjustment.reassign', caseId: c3, toUnit: education });
    await send(r3.id, '2023-03-06', unitOf(education.id, 'leadUnit'), { type: 'case.accept', caseId: c3 });
    await draft(r3, c3, education.id, '2023-04-20', 'A');
    await rate(r3, c3, r3.proposers[0]?.id as string, '2023-04-24');

    // r4: 参阅 (S80): agriculture signs for it, which closes its case; no reply is owed, so it is left out.
    const r4 = item(15, 1);
    await submit(r4);
    await assign(r4, { mode: 'reference', leadUnit: undefined, referenceUnits: [agriculture] });
    await send(r4.id, '2023-03-02', unitOf(agriculture.id, 'leadUnit'), {
      type: 'case.accept',
      caseId: caseOf(r4, agriculture),
    });

    clock.set('2023-09-01');
    const stats = await banli.statistics({ from: '2023-01-01', to: '2023-12-31', minCases: 1 });
    expect(stats.totals).toEqual({
      cases: 3,
      decided: 3,
      repliedOnTime: 3,
      repliedLate: 0,
      overdue: 0,
      provisional: 0,
      onTimeRate: 1,
      // r2's two raters (its own proposer and the merged item's), r1's and r3's one each.
      firstRound: { satisfied: 4, basicallySatisfied: 0, dissatisfied: 0, total: 4, rate: 1 },
      final: { satisfied: 4, basicallySatisfied: 0, dissatisfied: 0, total: 4, rate: 1 },
      classes: { A: 1, B: 2 },
      rehandlings: 0,
      // r1's proposer was met by its co-unit's visit, in the handling of commerce's case.
      meetings: { replied: 3, met: 1, rate: 1 / 3 },
      // Each latest own letter is the seed's (three points, all 吸收采纳).
      adoption: { answered: 9, adopted: 9, partlyAdopted: 0, rate: 1, partlyRate: 0, notItemized: 0 },
      // r1's one commitment overridden; r2's two (its own proposer's and the merged item's), both fulfilled.
      commitments: { made: 3, fulfilled: 2, overridden: 1, open: 0, rate: 2 / 3 },
    });
    expect(stats.units.map((u) => [u.unitId, u.cases, u.meetings.met, u.commitments.made])).toEqual([
      ['zs-commerce', 2, 1, 3],
      ['zs-education', 1, 0, 0],
    ]);
    // Agriculture's opinion on r1 never came and commerce went on after its deadline.
    expect(stats.coUnits).toEqual([{ unitId: 'zs-agriculture', sent: 0, missing: 1 }]);
    const ids = async (q: Parameters<typeof banli.query>[0]) => (await banli.query(q)).map((r) => r.streamId).sort();
    // Commerce no longer holds r3 after 改派; agriculture co-handles r1 and holds r4's reference case.
    expect(await ids({ unitId: commerce.id })).toEqual(['hand-11', 'hand-12']);
    expect(await ids({ unitId: education.id })).toEqual(['hand-14']);
    expect(await ids({ unitId: agriculture.id })).toEqual(['hand-11', 'hand-15']);
    expect(await ids({ state: 'merged' })).toEqual(['hand-13']);
  });
});
