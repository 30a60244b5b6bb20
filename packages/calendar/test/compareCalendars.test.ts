import { describe, expect, it } from 'vitest';
import {
  type CalendarYear,
  chinaMainland,
  compareCalendars,
  computeDueDate,
  type DeadlineRule,
  diffCalendars,
  extendCalendar,
  type TrackedDeadline,
} from '../src/index.js';
import { hypothetical2027 } from './fixtures.js';

// The 2020 calendar as first published (国办发明电〔2019〕16号), before the COVID extension.
const original2020: CalendarYear = (() => {
  const y = structuredClone(chinaMainland.years.get(2020) as CalendarYear);
  y.holidays = y.holidays.filter((b) => b.name !== 'springFestivalExtension');
  const spring = y.holidays.find((b) => b.name === 'springFestival');
  if (spring) spring.makeUpWorkdays = ['2020-01-19', '2020-02-01'];
  y.makeUpWorkdays = [...y.makeUpWorkdays, '2020-02-01'].sort();
  return y;
})();

const before = extendCalendar(chinaMainland, { id: 'cn-mainland', version: '2020.0', years: [original2020] });

function tracked(id: string, rule: DeadlineRule, start: string): TrackedDeadline {
  return { id, rule, start, due: computeDueDate(before, rule, start).due };
}

describe('compareCalendars', () => {
  it('should report deadlines moved by the 2020 Spring Festival extension', () => {
    const deadlines = [
      tracked('reply', { kind: 'workingDays', days: 3 }, '2020-01-22'),
      tracked('feedback', { kind: 'workingDays', days: 3 }, '2020-03-02'),
    ];
    expect(deadlines[0]?.due).toBe('2020-02-01');
    const changes = compareCalendars(before, chinaMainland, deadlines);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      id: 'reply',
      oldDue: '2020-02-01',
      newDue: '2020-02-04',
      moved: true,
      calendarDays: 3,
      workingDays: 2,
      from: { calendarVersion: '2020.0' },
      to: { calendarVersion: chinaMainland.version },
    });
    expect(changes[0]?.text['zh-CN']).toBe(
      '期限 reply：届满日由 2020年2月1日 变为 2020年2月4日（推迟 3 个自然日、2 个工作日）',
    );
    expect(changes[0]?.text.en).toBe(
      'Deadline reply: due date moves from 2020-02-01 to 2020-02-04 (3 calendar days, 2 working days later)',
    );
  });

  it('should report a provisional date that a new year confirms or moves', () => {
    const next = extendCalendar(chinaMainland, { id: 'cn-mainland', version: '2027.1', years: [hypothetical2027] });
    const rule: DeadlineRule = { kind: 'workingDays', days: 2 };
    const provisionalDue = computeDueDate(chinaMainland, rule, '2026-12-30', { uncovered: 'provisional' }).due;
    const changes = compareCalendars(chinaMainland, next, [
      { id: 'a', rule, start: '2026-12-30', due: provisionalDue },
      { id: 'b', rule: { kind: 'workingDays', days: 2 }, start: '2027-03-01', due: '2027-03-03' },
    ]);
    expect(changes.map((c) => [c.id, c.oldDue, c.newDue, c.moved, c.oldProvisional, c.newProvisional])).toEqual([
      ['a', '2027-01-01', '2027-01-04', true, true, false],
      ['b', '2027-03-03', '2027-03-03', false, true, false],
    ]);
    expect(changes[1]?.text.en).toContain('no longer provisional');
  });

  it('should report nothing when no due date moves', () => {
    const same = extendCalendar(chinaMainland, { id: 'cn-mainland', version: 'same' });
    expect(compareCalendars(chinaMainland, same, [tracked('x', { kind: 'months', months: 2 }, '2024-01-10')])).toEqual(
      [],
    );
  });
});

describe('diffCalendars', () => {
  it('should list the days the 2020 extension changed', () => {
    expect(diffCalendars(before, chinaMainland).map((d) => [d.date, d.before.working, d.after.working])).toEqual([
      ['2020-01-31', true, false],
      ['2020-02-01', true, false],
      ['2020-02-02', false, false],
    ]);
  });
});
