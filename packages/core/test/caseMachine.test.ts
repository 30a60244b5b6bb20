import { withLetterClass } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../src/case/types.js';
import { presets } from '../src/policy/presets/index.js';
import {
  leadCaseId as caseId,
  Driver,
  intake,
  rate,
  reply,
  seedAssignment,
  seedLetter,
  seedSystem,
  soleCase,
  units,
} from './helpers/seed.js';

const ctx = (d: Driver) => d.state.cases[caseId]?.context as CaseContext;
const lifecycle = (d: Driver) => (d.summary.cases[0]?.value as { lifecycle?: unknown } | undefined)?.lifecycle;

function leadCase(policy = presets.sichuan2024) {
  const d = intake(new Driver(seedSystem(policy)));
  return d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
}

describe('caseMachine', () => {
  it('should keep the unit after an adjustment request, with the answer deadline met', () => {
    const d = leadCase(presets.guangdongCity);
    d.send({ type: 'case.requestAdjustment', at: '2023-03-17', caseId, reason: '主要涉及人才政策' });
    expect(d.summary.cases[0]?.tags).toEqual(['awaitingOffice', 'clock.running']);
    // 7 days after 2023-03-17 [S16]
    expect(d.deadline('adjustmentAnswer')[0]?.due).toBe('2023-03-24');
    d.send({ type: 'adjustment.keep', at: '2023-03-20', caseId, note: '维持' });
    expect(lifecycle(d)).toBe('accepting');
    expect(d.deadline('adjustmentAnswer')[0]).toMatchObject({ status: 'met', closedAt: '2023-03-20' });
    expect(ctx(d).adjustments[0]).toMatchObject({ outcome: 'kept', decidedAt: '2023-03-20' });
  });

  it('should reassign with history and recompute the deadlines from the new assignment date', () => {
    const d = leadCase(presets.guangdongCity);
    d.send({ type: 'case.requestAdjustment', at: '2023-03-17', caseId, reason: '主要涉及人才政策' });
    d.send({ type: 'adjustment.reassign', at: '2023-03-22', caseId, toUnit: units.zsHumanResources });
    expect(ctx(d).unit.id).toBe(units.zsHumanResources.id);
    expect(ctx(d).unitHistory.map((t) => [t.unit.id, t.from])).toEqual([
      [units.zsCommerce.id, '2023-03-15'],
      [units.zsHumanResources.id, '2023-03-22'],
    ]);
    const windows = d.deadline('adjustmentWindow').map((x) => [x.status, x.due]);
    expect(windows).toEqual([
      ['met', '2023-03-20'],
      ['open', '2023-03-27'],
    ]);
    const link = (d.state.proposal.context as { cases: { unit: { id: string } }[] }).cases[0];
    expect(link?.unit.id).toBe(units.zsHumanResources.id);
    expect(d.emitted.some((n) => n.type === 'case.reassigned')).toBe(true);
  });

  it('should drop the new lead from its own co-handlers when the case is reassigned to one of them (guangdongCity)', () => {
    const d = leadCase(presets.guangdongCity);
    const coUnit = units.zsEducation;
    d.send({ type: 'case.requestAdjustment', at: '2023-03-17', caseId, reason: '主要涉及教育', suggestedUnit: coUnit });
    d.send({ type: 'adjustment.reassign', at: '2023-03-22', caseId, toUnit: coUnit });
    expect(ctx(d).coUnits.map((u) => u.id)).not.toContain(coUnit.id);
    const open = d.deadline('coOpinion').filter((x) => x.status === 'open');
    expect(open.map((x) => x.unitId)).not.toContain(coUnit.id);
    expect(open).toHaveLength(seedAssignment.coUnits.length - 1);
    // Drafting is reachable once the other co-handlers have sent their opinions.
    d.send({ type: 'case.accept', at: '2023-03-23', caseId });
    for (const u of seedAssignment.coUnits.filter((x) => x.id !== coUnit.id))
      d.send({
        type: 'coUnit.submitOpinion',
        at: '2023-04-10',
        caseId,
        opinion: { fromUnit: u, toUnit: coUnit, text: '会办意见', date: '2023-04-10' },
      });
    expect(d.can({ type: 'case.startDrafting', at: '2023-04-11', caseId })).toBe(true);
  });

  it('should collect countersignatures and let the supervisor change the class', () => {
    const d = leadCase().send({ type: 'case.accept', at: '2023-03-16', caseId });
    d.send({ type: 'case.startDrafting', at: '2023-05-10', caseId });
    d.send({ type: 'reply.submitDraft', at: '2023-05-20', caseId, letter: seedLetter });
    expect(lifecycle(d)).toBe('countersigning');
    const [first, ...rest] = seedAssignment.coUnits;
    d.send({
      type: 'countersign.requestChanges',
      at: '2023-05-21',
      caseId,
      unitId: first?.id as string,
      note: '补充数据',
    });
    expect(lifecycle(d)).toBe('drafting');
    d.send({ type: 'reply.submitDraft', at: '2023-05-25', caseId, letter: seedLetter });
    for (const unit of [first, ...rest]) {
      d.send({ type: 'countersign.approve', at: '2023-05-26', caseId, unitId: unit?.id as string });
    }
    expect(lifecycle(d)).toBe('signOff');
    d.send({ type: 'signOff.approve', at: '2023-05-29', caseId, signer: '局长' });
    expect(lifecycle(d)).toBe('supervisorReview');
    expect(d.can({ type: 'supervisor.approve', at: '2023-05-30', caseId, class: 'D' })).toBe(false);
    d.send({ type: 'supervisor.approve', at: '2023-05-30', caseId, class: 'B' });
    expect(d.summary.cases[0]?.class).toBe('B');
    expect(d.emitted.find((n) => n.type === 'reply.issued')).toMatchObject({ class: 'B', at: '2023-05-30' });
  });

  it('should send key items to supervisor review even when the policy does not ask', () => {
    const d = new Driver(seedSystem())
      .send({ type: 'proposal.submit', at: '2023-02-20' })
      .send({ type: 'review.start', at: '2023-02-21' })
      .send({ type: 'review.register', at: '2023-03-01', key: true, supervisingLeader: '分管副市长' })
      .send({
        type: 'assignment.assign',
        at: '2023-03-15',
        // The key reply is signed by the principal the unit's data records (S23).
        assignment: {
          ...seedAssignment,
          mode: 'sole',
          coUnits: [],
          leadUnit: { ...units.zsCommerce, principal: { title: '局长' } },
        },
      })
      .send({ type: 'case.accept', at: '2023-03-16', caseId });
    expect(ctx(d).supervisingLeader).toBe('分管副市长');
    reply(d, '2023-06-01');
    expect(lifecycle(d)).toBe('supervisorReview');
  });

  it('should give urgent items the shorter reply period', () => {
    const d = new Driver(seedSystem())
      .send({ type: 'proposal.submit', at: '2023-02-20' })
      .send({ type: 'review.start', at: '2023-02-21' })
      .send({ type: 'review.register', at: '2023-03-01', urgent: true })
      .send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
    expect(d.deadline('reply')[0]?.due).toBe('2023-04-17');
  });

  it('should follow up a B-class commitment until the second reply', () => {
    const d = reply(soleCase(), '2023-06-20', withLetterClass(seedLetter, 'B'));
    rate(d, '2023-07-03', 'satisfied');
    expect(lifecycle(d)).toEqual({ replied: 'followUp' });
    // 3 months → 2023-10-03 (国庆), rolled forward to Sat 2023-10-07, a make-up working day (调休上班)
    expect(d.deadline('followUp')[0]?.due).toBe('2023-10-07');
    d.send({
      type: 'followUp.reply',
      at: '2023-09-01',
      caseId,
      letter: { ...seedLetter, class: 'A', docNumber: '中商务电函〔2023〕30号' },
    });
    expect(lifecycle(d)).toBe('closed');
    expect(d.emitted.find((n) => n.type === 'followUp.replied')).toMatchObject({
      class: 'A',
      docNumber: '中商务电函〔2023〕30号',
    });
    expect(d.summary.cases[0]?.class).toBe('B');
  });

  it('should let the office close once the feedback period is over', () => {
    const d = reply(soleCase(), '2023-06-20');
    // 15 working days after 2023-06-20: 端午 22–24 June skipped, Sunday 25 June worked
    expect(d.deadline('feedback')[0]?.due).toBe('2023-07-12');
    expect(d.can({ type: 'case.close', at: '2023-07-12', caseId })).toBe(false);
    expect(d.can({ type: 'case.close', at: '2023-07-13', caseId })).toBe(true);
  });

  it.each([
    ['onRequest', undefined, 'onRequest'],
    ['withheld', '涉及商业秘密', 'withheld'],
  ] as const)('should follow the %s disclosure mode', (mode, reason, publication) => {
    const letter = { ...seedLetter, disclosure: reason ? { mode, reason } : { mode } };
    const d = reply(soleCase(), '2023-06-20', letter);
    expect(d.summary.cases[0]?.value).toMatchObject({ publication });
    expect(d.deadline('publication')).toEqual([]);
  });

  it('should refuse a withheld reply without a reason', () => {
    const d = soleCase().send({ type: 'case.startDrafting', at: '2023-06-01', caseId });
    const letter = { ...seedLetter, disclosure: { mode: 'withheld' as const } };
    expect(d.can({ type: 'reply.submitDraft', at: '2023-06-02', caseId, letter })).toBe(false);
  });

  it('should refuse a draft that does not answer every point once', () => {
    const d = soleCase().send({ type: 'case.startDrafting', at: '2023-06-01', caseId });
    const letter = { ...seedLetter, responses: seedLetter.responses?.slice(0, 2) };
    expect(d.can({ type: 'reply.submitDraft', at: '2023-06-02', caseId, letter })).toBe(false);
  });
});
