import { type Assignment, type Proposal, type ReplyClass, withLetterClass } from '@banli/schemas';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { type Actor, createBanli, createManualClock } from '@banli/sdk';
import { describe, expect, it } from 'vitest';

// Four proposals under the default policy (guangdongCity), their statistics written out by hand from the SDK
// README's definitions ("Statistics"): the small case the oracle of statisticsOracle.test.ts is checked against.

const committee: Actor = { role: 'committee', id: 'cppcc-office' };
const office: Actor = { role: 'assigningOffice', id: 'gov-office', unitId: 'zs-government-office' };
const commerce = seedAssignment132402.leadUnit as NonNullable<Assignment['leadUnit']>;
const agriculture = (seedAssignment132402.coUnits ?? []).find((u) => u.id === 'zs-agriculture') as typeof commerce;

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

describe('statistics of a small case worked out by hand', () => {
  it('should give the figures written out by hand', async () => {
    const clock = createManualClock('2023-02-20');
    const banli = createBanli({ clock });
    const send = async (id: string, on: string, actor: Actor, event: Record<string, unknown>) => {
      clock.set(on);
      await banli.send(id, { at: on, ...event } as never, { actor });
    };
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
