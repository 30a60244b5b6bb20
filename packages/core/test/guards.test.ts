import { describe, expect, it } from 'vitest';
import { presets } from '../src/policy/presets/index.js';
import {
  leadCaseId as caseId,
  Driver,
  intake,
  proposerIds,
  rate,
  reply,
  seedAssignment,
  seedSystem,
  soleCase,
  units,
} from './helpers/seed.js';

describe('caseMachine guards', () => {
  it('should refuse an adjustment request after the window', () => {
    const d = intake(new Driver(seedSystem()));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
    // 3 working days after 2023-03-15 → 2023-03-20
    expect(d.can({ type: 'case.requestAdjustment', at: '2023-03-20', caseId, reason: '不属本单位职能' })).toBe(true);
    expect(d.can({ type: 'case.requestAdjustment', at: '2023-03-21', caseId, reason: '不属本单位职能' })).toBe(false);
  });

  it('should refuse a fourth extension where the cap is three', () => {
    const maxReply = { kind: 'months', months: 24, rollForward: true } as const;
    const d = soleCase({ ...presets.guangdongCity, maxExtensions: 3, maxReply });
    const dues = [d.deadline('reply')[0]?.due];
    for (let i = 0; i < 3; i += 1) {
      d.send({ type: 'case.requestExtension', at: '2023-06-01', caseId, reason: '情况复杂' });
      d.send({ type: 'extension.approve', at: '2023-06-02', caseId });
      dues.push(d.deadline('reply').find((x) => x.status === 'open')?.due);
    }
    // The fixed date (06-30) is extended from its due date: 3 months, 09-30 rolled past 国庆 to 10-07 (调休上班); that
    // period in months is then lengthened from its start (06-30): 6 months, Sat 12-30 → 2024-01-02; 9 months, Sat
    // 2024-03-30 → Mon 04-01 (民法典 art. 202: only the last day rolls, so the 国庆 days are not carried along)
    expect(dues).toEqual(['2023-06-30', '2023-10-07', '2024-01-02', '2024-04-01']);
    expect(d.can({ type: 'case.requestExtension', at: '2023-06-03', caseId, reason: '还需时间' })).toBe(false);
  });

  it('should refuse drafting the reply before every co-opinion is in when the policy requires them', () => {
    const d = intake(new Driver(seedSystem()));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
    d.send({ type: 'case.accept', at: '2023-03-16', caseId });
    seedAssignment.coUnits.forEach((unit, i) => {
      // Before the co-opinion deadline (2023-04-17) the lead unit waits for every opinion.
      expect(d.can({ type: 'case.startDrafting', at: '2023-04-10', caseId })).toBe(false);
      const opinion = { fromUnit: unit, toUnit: units.zsCommerce, text: '同意', date: `2023-04-0${i + 1}` };
      d.send({ type: 'coUnit.submitOpinion', at: opinion.date, caseId, opinion });
    });
    expect(d.can({ type: 'case.startDrafting', at: '2023-04-10', caseId })).toBe(true);
  });

  it('should allow drafting without co-opinions when the policy does not require them', () => {
    const d = intake(new Driver(seedSystem(presets.sichuan2024)));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
    d.send({ type: 'case.accept', at: '2023-03-16', caseId });
    expect(d.can({ type: 'case.startDrafting', at: '2023-04-20', caseId })).toBe(true);
  });

  it('should refuse a re-handling round past the cap', () => {
    const d = reply(soleCase(), '2023-06-20');
    rate(d, '2023-07-03', 'dissatisfied');
    expect(d.summary.cases[0]?.value).toMatchObject({ lifecycle: { replied: 'dissatisfied' } });
    d.send({ type: 'rehandling.start', at: '2023-07-05', caseId });
    expect(d.deadline('rehandling')[0]?.due).toBe('2023-08-07');
    reply(d, '2023-07-25');
    rate(d, '2023-08-01', 'dissatisfied');
    expect(d.can({ type: 'rehandling.start', at: '2023-08-02', caseId })).toBe(false);
    expect(d.can({ type: 'case.close', at: '2023-08-02', caseId, note: '当面协商后办结' })).toBe(true);
  });

  it('should refuse feedback from someone who is not a proposer', () => {
    const d = reply(soleCase(), '2023-06-20');
    const feedback = (proposerId: string, level: 'satisfied' | 'dissatisfied', comment?: string) => ({
      type: 'feedback.submit' as const,
      at: '2023-07-03',
      caseId,
      feedback: { proposerId, level, date: '2023-07-03', ...(comment ? { comment } : {}) },
    });
    const first = proposerIds[0] as string;
    expect(d.can(feedback('member-someone-else', 'satisfied'))).toBe(false);
    expect(d.can(feedback(first, 'dissatisfied'))).toBe(false);
    expect(d.can(feedback(first, 'dissatisfied', '不具体'))).toBe(true);
    d.send(feedback(first, 'satisfied'));
    expect(d.can(feedback(first, 'satisfied'))).toBe(false);
  });
});

describe('proposalMachine guards', () => {
  it('should refuse a key registration without a supervising leader', () => {
    const d = new Driver(seedSystem())
      .send({ type: 'proposal.submit', at: '2023-02-20' })
      .send({ type: 'review.start', at: '2023-02-21' });
    expect(d.can({ type: 'review.register', at: '2023-03-01', key: true })).toBe(false);
    expect(d.can({ type: 'review.register', at: '2023-03-01', key: true, supervisingLeader: '副市长' })).toBe(true);
  });

  it('should refuse merging an item into itself', () => {
    const d = new Driver(seedSystem())
      .send({ type: 'proposal.submit', at: '2023-02-20' })
      .send({ type: 'review.start', at: '2023-02-21' });
    const id = d.summary.proposalId;
    expect(d.can({ type: 'review.merge', at: '2023-03-01', into: id })).toBe(false);
    expect(d.can({ type: 'review.merge', at: '2023-03-01', into: 'zs-cppcc-13-2-132401' })).toBe(true);
  });
});
