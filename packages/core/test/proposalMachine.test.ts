import { withLetterClass } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { Driver, intake, proposerIds, rate, seedLetter, seedSystem, units } from './helpers/seed.js';

const office = units.zsGovernmentOffice;
const split = {
  mode: 'split' as const,
  coUnits: [],
  splitUnits: [units.zsCommerce, units.zsInvestment],
  assigningOffice: office,
  date: '2023-03-15',
};
const [caseA, caseB] = [units.zsCommerce, units.zsInvestment].map((u) => `zs-cppcc-13-2-132402/${u.id}`) as [
  string,
  string,
];

function replyCase(d: Driver, caseId: string, at: string) {
  return d
    .send({ type: 'case.accept', at: '2023-03-16', caseId })
    .send({ type: 'case.startDrafting', at, caseId })
    .send({ type: 'reply.submitDraft', at, caseId, letter: seedLetter })
    .send({ type: 'signOff.approve', at, caseId, signer: '局长' });
}

describe('proposalMachine', () => {
  it('should open one case per unit under split handling and be answered only when both replied', () => {
    const d = intake(new Driver(seedSystem())).send({ type: 'assignment.assign', at: '2023-03-15', assignment: split });
    expect(d.summary.cases.map((c) => [c.caseId, c.role])).toEqual([
      [caseA, 'split'],
      [caseB, 'split'],
    ]);
    replyCase(d, caseA, '2023-06-01');
    expect(d.summary.value).toMatchObject({ lifecycle: 'inHandling' });
    replyCase(d, caseB, '2023-06-10');
    expect(d.summary.value).toMatchObject({ lifecycle: 'answered' });
  });

  it('should close only when every case is closed', () => {
    const d = intake(new Driver(seedSystem())).send({ type: 'assignment.assign', at: '2023-03-15', assignment: split });
    replyCase(replyCase(d, caseA, '2023-06-01'), caseB, '2023-06-10');
    const satisfied = (caseId: string, at: string) => {
      for (const proposerId of proposerIds) {
        d.send({ type: 'feedback.submit', at, caseId, feedback: { proposerId, level: 'satisfied', date: at } });
      }
    };
    satisfied(caseA, '2023-07-01');
    expect(d.summary.value).toMatchObject({ lifecycle: 'answered' });
    satisfied(caseB, '2023-07-02');
    expect(d.summary.value).toMatchObject({ lifecycle: 'closed' });
  });

  it('should close a reference (参阅) assignment once its units have accepted, with no reply', () => {
    const reference = {
      mode: 'reference' as const,
      coUnits: [],
      referenceUnits: [units.zsEducation],
      assigningOffice: office,
      date: '2023-03-15',
    };
    const d = intake(new Driver(seedSystem())).send({
      type: 'assignment.assign',
      at: '2023-03-15',
      assignment: reference,
    });
    const caseId = `zs-cppcc-13-2-132402/${units.zsEducation.id}`;
    expect(d.deadline('reply')).toEqual([]);
    d.send({ type: 'case.accept', at: '2023-03-16', caseId });
    expect(d.summary.value).toMatchObject({ lifecycle: 'closed' });
    expect(d.summary.cases[0]?.value).toEqual({
      lifecycle: 'closed',
      publication: 'notApplicable',
      timeliness: 'onTime',
    });
    expect(d.emitted.map((n) => n.type).slice(-3)).toEqual(['case.accepted', 'case.closed', 'proposal.closed']);
  });

  it('should end every case when the proposal is withdrawn before the reply', () => {
    const d = intake(new Driver(seedSystem())).send({ type: 'assignment.assign', at: '2023-03-15', assignment: split });
    replyCase(d, caseA, '2023-06-01');
    d.send({ type: 'case.accept', at: '2023-03-16', caseId: caseB });
    d.send({
      type: 'proposal.withdraw',
      at: '2023-06-05',
      by: 'member-liang-xiaoheng',
      writtenRequest: { date: '2023-06-05' },
      reason: '情况已变化',
    });
    expect(d.summary.value).toMatchObject({ lifecycle: 'withdrawn' });
    expect(d.summary.tags).toContain('terminal');
    expect(d.summary.cases.map((c) => (c.value as { lifecycle: unknown }).lifecycle)).toEqual([
      'terminated',
      'terminated',
    ]);
    expect(d.emitted.filter((n) => n.type === 'case.terminated').map((n) => (n as { caseId: string }).caseId)).toEqual([
      caseA,
      caseB,
    ]);
    const pending = d.system.deadlines(d.state).filter((x) => x.status === 'open');
    expect(pending.map((x) => x.kind)).toEqual(['publication']);
  });

  it('should refuse withdrawal once every case has replied', () => {
    const d = intake(new Driver(seedSystem())).send({ type: 'assignment.assign', at: '2023-03-15', assignment: split });
    replyCase(replyCase(d, caseA, '2023-06-01'), caseB, '2023-06-10');
    const writtenRequest = { date: '2023-06-11' };
    expect(d.can({ type: 'proposal.withdraw', at: '2023-06-11', by: 'member-liang-xiaoheng', writtenRequest })).toBe(
      false,
    );
  });

  it.each([
    ['review.merge', { into: 'zs-cppcc-13-2-132401' }, 'merged', 'proposal.merged'],
    ['review.convert', { reason: '属于个人事务' }, 'converted', 'proposal.converted'],
    ['review.reject', { reason: 'namedReport' }, 'rejected', 'proposal.rejected'],
  ] as const)('should end the review with %s', (type, payload, lifecycle, notification) => {
    const d = new Driver(seedSystem())
      .send({ type: 'proposal.submit', at: '2023-02-20' })
      .send({ type: 'review.start', at: '2023-02-21' })
      .send({ type, at: '2023-03-01', ...payload } as never);
    expect(d.summary.value).toEqual({ lifecycle, timeliness: 'onTime' });
    expect(d.summary.tags).toEqual(['terminal']);
    expect(d.emitted.at(-1)?.type).toBe(notification);
  });

  it('should record rehandled replies on the answered proposal', () => {
    const d = intake(new Driver(seedSystem())).send({
      type: 'assignment.assign',
      at: '2023-03-15',
      assignment: { ...split, mode: 'sole', leadUnit: units.zsCommerce, splitUnits: undefined },
    });
    replyCase(d, caseA, '2023-06-01');
    rate(d, '2023-06-10', 'dissatisfied');
    d.send({ type: 'rehandling.start', at: '2023-06-12', caseId: caseA });
    d.send({ type: 'case.startDrafting', at: '2023-06-20', caseId: caseA })
      .send({ type: 'reply.submitDraft', at: '2023-06-20', caseId: caseA, letter: withLetterClass(seedLetter, 'B') })
      .send({ type: 'signOff.approve', at: '2023-06-21', caseId: caseA, signer: '局长' });
    const ctx = d.state.proposal.context as { cases: { reply?: { class: string; at: string } }[] };
    expect(ctx.cases[0]?.reply).toEqual({ class: 'B', at: '2023-06-21' });
  });
});
