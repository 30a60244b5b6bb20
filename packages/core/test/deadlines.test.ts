import { describe, expect, it } from 'vitest';
import { closeDeadlines, type Deadline, hasOverdue, openDeadlines as openBook } from '../src/deadlines.js';
import { presets } from '../src/policy/presets/index.js';
import { openDeadlines } from '../src/system/selectors.js';
import { leadCaseId as caseId, Driver, intake, reply, seedSystem, soleAssignment, soleCase } from './helpers/seed.js';

const replyId = (d: Driver) => d.deadline('reply')[0]?.id as string;

describe('deadline.elapsed', () => {
  it('should refuse an elapse on or before the due date', () => {
    const d = soleCase();
    expect(d.can({ type: 'deadline.elapsed', at: '2023-06-30', deadlineId: replyId(d) })).toBe(false);
    expect(d.can({ type: 'deadline.elapsed', at: '2023-07-01', deadlineId: replyId(d) })).toBe(true);
  });

  it('should route by deadline id, raise overdue on the case and emit deadline.missed', () => {
    const d = soleCase().send({ type: 'deadline.elapsed', at: '2023-07-01', deadlineId: replyId(soleCase()) });
    expect(d.summary.cases[0]?.tags).toContain('overdue');
    // Rule 10: the proposal's timeliness reflects its cases'.
    expect(d.summary.tags).toContain('overdue');
    expect(d.summary.value).toMatchObject({ timeliness: 'overdue' });
    expect(d.emitted.at(-1)).toEqual({
      type: 'deadline.missed',
      caseId,
      at: '2023-07-01',
      deadlineId: replyId(d),
      kind: 'reply',
      due: '2023-06-30',
    });
  });

  it('should mark a deadline missed only once', () => {
    const d = soleCase();
    const id = replyId(d);
    d.send({ type: 'deadline.elapsed', at: '2023-07-01', deadlineId: id, caseId });
    expect(d.can({ type: 'deadline.elapsed', at: '2023-07-02', deadlineId: id, caseId })).toBe(false);
  });

  it('should clear overdue when the late step completes, keeping the deadline missed', () => {
    const d = soleCase().send({ type: 'deadline.elapsed', at: '2023-07-01', deadlineId: replyId(soleCase()) });
    reply(d, '2023-07-05');
    expect(d.summary.cases[0]?.tags).not.toContain('overdue');
    expect(d.deadline('reply')[0]).toMatchObject({ status: 'missed', missedAt: '2023-07-01', closedAt: '2023-07-05' });
  });

  it('should count a step completed after its due date as missed even without an elapse', () => {
    const d = reply(soleCase(), '2023-07-03');
    expect(d.deadline('reply')[0]).toMatchObject({ status: 'missed', closedAt: '2023-07-03' });
  });

  it('should raise overdue on the proposal when its assignment deadline is missed', () => {
    const policy = {
      ...presets.guangdongCity,
      periods: { ...presets.guangdongCity.periods, assignment: { kind: 'workingDays' as const, days: 5 } },
    };
    const d = intake(new Driver(seedSystem(policy)));
    const [assignment] = d.deadline('assignment');
    expect(assignment?.due).toBe('2023-03-08');
    d.send({ type: 'deadline.elapsed', at: '2023-03-09', deadlineId: assignment?.id as string });
    expect(d.summary.tags).toContain('overdue');
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    expect(d.summary.tags).not.toContain('overdue');
  });

  it('should refuse an unknown deadline', () => {
    expect(soleCase().can({ type: 'deadline.elapsed', at: '2024-01-01', deadlineId: 'nope' })).toBe(false);
  });
});

describe('openDeadlines', () => {
  it('should list pending deadlines earliest first, each with its caseId', () => {
    const d = soleCase();
    expect(openDeadlines(d.state).map((x) => [x.kind, x.due, x.caseId])).toEqual([
      ['firstContact', '2023-04-06', caseId],
      ['reply', '2023-06-30', caseId],
    ]);
  });
});

describe('closeDeadlines', () => {
  const book = openBook({ deadlines: [], deadlineSeq: 0 }, 'x', [
    { kind: 'reply', start: '2023-01-01', rule: { kind: 'calendarDays', days: 1 } },
  ]);
  const due: Deadline[] = book.deadlines.map((x) => ({ ...x, due: '2023-01-02' }));

  it('should meet a deadline closed on its due date and miss one closed after', () => {
    expect(closeDeadlines(due, '2023-01-02', () => true)[0]?.status).toBe('met');
    expect(closeDeadlines(due, '2023-01-03', () => true)[0]?.status).toBe('missed');
  });

  it('should report overdue only while a missed step is pending', () => {
    const missed = due.map((x) => ({ ...x, status: 'missed' as const }));
    expect(hasOverdue(missed)).toBe(true);
    expect(hasOverdue(closeDeadlines(missed, '2023-01-05', () => true))).toBe(false);
  });
});
