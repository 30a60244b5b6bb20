import { describe, expect, it } from 'vitest';
import { type CaseFacts, computeStatistics, type ProposalFacts } from '../src/index.js';

const kase = (caseId: string, unitId: string, patch: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId,
  unitId,
  role: 'lead',
  openedAt: '2023-03-15',
  round: 1,
  rehandlings: 0,
  feedback: [],
  ...patch,
});
const proposal = (id: string, cases: CaseFacts[]): ProposalFacts => ({
  id,
  number: 1,
  kind: 'proposal',
  title: id,
  proposerIds: ['a', 'b'],
  createdAt: '2023-03-01',
  coUnitIds: [],
  cases: Object.fromEntries(cases.map((c) => [c.caseId, c])),
});
const fb = (round: number, proposerId: string, level: string) => ({ round, proposerId, level, date: '2023-07-01' });

const data = [
  proposal('p1', [
    kase('c1', 'commerce', {
      replyDue: '2023-06-30',
      firstReplyAt: '2023-06-30',
      firstClass: 'A',
      feedback: [fb(1, 'a', 'satisfied'), fb(1, 'b', 'basicallySatisfied')],
    }),
  ]),
  proposal('p2', [
    kase('c2', 'commerce', {
      replyDue: '2023-06-30',
      firstReplyAt: '2023-07-03',
      firstClass: 'B',
      round: 2,
      rehandlings: 1,
      feedback: [fb(1, 'a', 'dissatisfied'), fb(2, 'a', 'satisfied')],
    }),
  ]),
  proposal('p3', [kase('c3', 'hr', { replyDue: '2023-06-15' })]),
  proposal('p4', [kase('c4', 'hr', { replyDue: '2023-12-31' })]),
  proposal('p5', [kase('c5', 'hr', { replyDue: '2023-06-01', terminated: true })]),
  proposal('p6', [kase('c6', 'edu', { replyDue: '2023-05-01', firstReplyAt: '2023-04-20', firstClass: 'A' })]),
];

describe('computeStatistics', () => {
  const stats = computeStatistics(data, { from: '2023-01-01', to: '2023-09-30', asOf: '2023-08-01', minCases: 2 });

  it('should compute the on-time reply rate over decided cases', () => {
    expect(stats.totals).toMatchObject({ cases: 4, decided: 4, repliedOnTime: 2, repliedLate: 1, overdue: 1 });
    expect(stats.totals.onTimeRate).toBe(2 / 4);
  });

  it('should separate first-round from final satisfaction', () => {
    expect(stats.totals.firstRound).toEqual({
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 1,
      total: 3,
      rate: 2 / 3,
    });
    expect(stats.totals.final).toEqual({ satisfied: 2, basicallySatisfied: 1, dissatisfied: 0, total: 3, rate: 1 });
  });

  it('should count classes and re-handling rounds', () => {
    expect(stats.totals.classes).toEqual({ A: 2, B: 1 });
    expect(stats.totals.rehandlings).toBe(1);
  });

  it('should rank only units with at least minCases cases', () => {
    const units = Object.fromEntries(stats.units.map((u) => [u.unitId, u]));
    expect(units.commerce).toMatchObject({ cases: 2, ranked: true, rank: 1, onTimeRate: 0.5 });
    expect(units.edu).toMatchObject({ cases: 1, ranked: false, onTimeRate: 1 });
    expect(units.edu?.rank).toBeUndefined();
    expect(units.hr).toMatchObject({ cases: 1, ranked: false, overdue: 1 });
  });

  it('should leave cases out of the period and not yet due undecided', () => {
    const june = computeStatistics(data, { from: '2023-06-01', to: '2023-06-30', asOf: '2023-07-10' });
    expect(june.totals).toMatchObject({ cases: 3, decided: 3, overdue: 1, repliedOnTime: 1, repliedLate: 1 });
    expect(june.minCases).toBe(5);
    expect(june.units.every((u) => !u.ranked)).toBe(true);
    const year = computeStatistics(data, { from: '2023-01-01', to: '2023-12-31', asOf: '2023-08-01' });
    expect(year.totals).toMatchObject({ cases: 5, decided: 4 });
  });

  it('should report null rates when nothing is decided', () => {
    const empty = computeStatistics([], { from: '2023-01-01', to: '2023-12-31', asOf: '2023-12-31' });
    expect(empty.totals.onTimeRate).toBeNull();
    expect(empty.totals.final.rate).toBeNull();
  });
});

describe('computeStatistics: 采纳率, 落实率 and 见面率 (issue 13.12)', () => {
  const replied = (caseId: string, patch: Partial<CaseFacts>) =>
    kase(caseId, 'commerce', { replyDue: '2023-06-30', firstReplyAt: '2023-06-20', firstClass: 'A', ...patch });
  const stats = computeStatistics(
    [
      proposal('q1', [replied('q1/commerce', { adoptions: ['adopted', 'notAdopted'], metFaceToFace: true })]),
      proposal('q2', [replied('q2/commerce', { adoptions: [] })]),
      proposal('q3', [
        replied('q3/commerce', {
          adoptions: ['partlyAdopted'],
          commitment: { class: 'B', madeAt: '2023-06-20' },
          opinionsFrom: ['hr'],
          missingOpinions: ['edu'],
        }),
      ]),
    ],
    { from: '2023-01-01', to: '2023-12-31', asOf: '2023-12-31' },
  );

  it('13.12 counts a letter that answers no point by point apart, outside the adoption rate', () => {
    expect(stats.totals.adoption).toEqual({
      answered: 3,
      adopted: 1,
      partlyAdopted: 1,
      rate: 1 / 3,
      partlyRate: 1 / 3,
      notItemized: 1,
    });
  });

  it('13.12 leaves an open commitment out of the fulfilled ones', () => {
    expect(stats.totals.commitments).toEqual({ made: 1, fulfilled: 0, overridden: 0, open: 1, rate: 0 });
  });

  it('13.12 counts items met face to face over items replied', () => {
    expect(stats.totals.meetings).toEqual({ replied: 3, met: 1, rate: 1 / 3 });
  });

  it('13.8 shows each co-unit’s sent and missing opinions', () => {
    expect(stats.coUnits).toEqual([
      { unitId: 'edu', sent: 0, missing: 1 },
      { unitId: 'hr', sent: 1, missing: 0 },
    ]);
  });
});
