import { describe, expect, it } from 'vitest';
import {
  CalendarCoverageError,
  chinaMainland,
  computeDueDate,
  type DeadlineRule,
  InvalidDeadlineRuleError,
} from '../src/index.js';

const due = (rule: DeadlineRule, start: string) => computeDueDate(chinaMainland, rule, start).due;

describe('computeDueDate', () => {
  it('should count working days with 调休', () => {
    expect(due({ kind: 'workingDays', days: 1 }, '2023-09-28')).toBe('2023-10-07');
  });

  it('should record the calendar id and version, and no provisional reason inside coverage', () => {
    const r = computeDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2024-03-01');
    // Strict: a stored due date carries no `provisionalReason` key at all when it is not provisional.
    expect(r).toStrictEqual({
      due: '2024-03-08',
      provisional: false,
      calendarId: 'cn-mainland',
      calendarVersion: chinaMainland.version,
    });
  });

  it('should count calendar days without rolling by default', () => {
    expect(due({ kind: 'calendarDays', days: 3 }, '2023-09-28')).toBe('2023-10-01');
  });

  it('should roll a due date on a holiday forward to the next working day', () => {
    expect(due({ kind: 'calendarDays', days: 3, rollForward: true }, '2023-09-28')).toBe('2023-10-07');
  });

  it('should roll a due date on an ordinary Sunday to Monday', () => {
    expect(due({ kind: 'calendarDays', days: 2, rollForward: true }, '2023-11-03')).toBe('2023-11-06');
  });

  it('should not roll a due date that falls on a make-up working day', () => {
    expect(due({ kind: 'calendarDays', days: 9, rollForward: true }, '2023-09-28')).toBe('2023-10-07');
  });

  it('should end a months period on the corresponding day', () => {
    expect(due({ kind: 'months', months: 3 }, '2024-03-15')).toBe('2024-06-15');
  });

  it('should clamp a months period to the end of a shorter month', () => {
    expect(due({ kind: 'months', months: 1 }, '2024-01-31')).toBe('2024-02-29');
    expect(due({ kind: 'months', months: 1 }, '2023-01-31')).toBe('2023-02-28');
  });

  it('should roll a months period ending on 国庆节', () => {
    expect(due({ kind: 'months', months: 1, rollForward: true }, '2024-09-02')).toBe('2024-10-08');
  });

  it("should use the start year's fixed date", () => {
    expect(due({ kind: 'fixedDate', monthDay: '06-30' }, '2024-03-10')).toBe('2024-06-30');
  });

  it('should keep the fixed date when the start is that very day', () => {
    expect(due({ kind: 'fixedDate', monthDay: '06-30' }, '2024-06-30')).toBe('2024-06-30');
  });

  it("should use next year's fixed date when the start is past it", () => {
    expect(due({ kind: 'fixedDate', monthDay: '06-30' }, '2024-07-01')).toBe('2025-06-30');
  });

  it('should roll a fixed date on a Sunday forward', () => {
    expect(due({ kind: 'fixedDate', monthDay: '06-30', rollForward: true }, '2024-03-10')).toBe('2024-07-01');
  });

  it('should clamp 02-29 in a common year', () => {
    expect(due({ kind: 'fixedDate', monthDay: '02-29' }, '2023-01-10')).toBe('2023-02-28');
  });

  it('should pick the earliest and the latest of several rules', () => {
    const rules: DeadlineRule[] = [
      { kind: 'workingDays', days: 15 },
      { kind: 'calendarDays', days: 30 },
    ];
    expect(due({ kind: 'earliest', rules }, '2023-09-20')).toBe('2023-10-17');
    expect(due({ kind: 'latest', rules }, '2023-09-20')).toBe('2023-10-20');
  });

  it('should throw CalendarCoverageError for a due date past coverage', () => {
    expect(() => due({ kind: 'workingDays', days: 30 }, '2026-12-01')).toThrow(CalendarCoverageError);
  });

  it('should mark a due date past coverage provisional when asked', () => {
    const r = computeDueDate(chinaMainland, { kind: 'workingDays', days: 30 }, '2026-12-01', {
      uncovered: 'provisional',
    });
    expect(r.provisional).toBe(true);
    expect(r.provisionalReason?.messages['zh-CN']).toContain('临时结果');
    expect(r.provisionalReason?.messages.en).toContain('Provisional');
  });

  it('should never be provisional for a plain calendar-day rule', () => {
    expect(computeDueDate(chinaMainland, { kind: 'calendarDays', days: 400 }, '2026-12-01').due).toBe('2028-01-05');
  });

  it('should reject a malformed rule with a typed error', () => {
    const bad = { kind: 'workingDays', days: 1.5 } as DeadlineRule;
    expect(() => due(bad, '2024-01-02')).toThrow(InvalidDeadlineRuleError);
  });
});
