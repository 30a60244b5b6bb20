import type { Bilingual } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import {
  CalendarCoverageError,
  CalendarDefinitionError,
  CalendarError,
  chinaHolidayLabels,
  chinaMainland,
  computeDueDate,
  type DeadlineRule,
  describeRule,
  InvalidDateError,
  InvalidDeadlineRuleError,
} from '../src/index.js';

const HAN = /[\u4e00-\u9fff]/;

function expectBilingual(label: Bilingual): void {
  expect(Object.keys(label).sort()).toEqual(['en', 'zh-CN']);
  expect(label['zh-CN']).toMatch(HAN);
  expect(label.en).not.toMatch(/^[\u4e00-\u9fff]/);
  expect(label.en.trim()).not.toBe('');
}

function caught(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

describe('label parity', () => {
  it('should label every China holiday in zh-CN and en', () => {
    for (const label of Object.values(chinaHolidayLabels)) expectBilingual(label);
  });

  it('should label the calendar in zh-CN and en', () => {
    expectBilingual(chinaMainland.label);
  });

  it('should give every error class a code and zh-CN/en messages', () => {
    const errors = [
      caught(() => computeDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2030-01-01')),
      caught(() => computeDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2024-02-30')),
      caught(() => computeDueDate(chinaMainland, { kind: 'weeks' } as never, '2024-02-01')),
      new CalendarDefinitionError([{ path: 'id', messages: { 'zh-CN': '缺少', en: 'missing' } }]),
    ];
    expect(errors.map((e) => e.constructor)).toEqual([
      CalendarCoverageError,
      InvalidDateError,
      InvalidDeadlineRuleError,
      CalendarDefinitionError,
    ]);
    expect(errors.map((e) => e.code)).toEqual([
      'calendar_coverage',
      'invalid_date',
      'invalid_rule',
      'invalid_calendar',
    ]);
    for (const e of errors) {
      expectBilingual(e.messages);
      expect(e.message).toBe(e.messages.en);
    }
  });

  it('should describe every rule kind in zh-CN and en', () => {
    const rules: DeadlineRule[] = [
      { kind: 'workingDays', days: 3 },
      { kind: 'calendarDays', days: 3, rollForward: true },
      { kind: 'months', months: 1 },
      { kind: 'fixedDate', monthDay: '12-31' },
      { kind: 'earliest', rules: [{ kind: 'workingDays', days: 3 }] },
      { kind: 'latest', rules: [{ kind: 'workingDays', days: 3 }] },
    ];
    for (const rule of rules) expectBilingual(describeRule(rule));
  });
});

describe('CalendarCoverageError', () => {
  it('should say which calendar, which years and how to proceed', () => {
    const e = caught(() =>
      computeDueDate(chinaMainland, { kind: 'workingDays', days: 5 }, '2030-01-01'),
    ) as CalendarCoverageError;
    expect(e.gap).toMatchObject({
      side: 'afterCoverage',
      date: '2030-01-01',
      firstYear: 2015,
      lastYear: chinaMainland.lastYear,
    });
    expect(e.messages.en).toContain("{ uncovered: 'provisional' }");
    expect(e.messages['zh-CN']).toContain(`仅覆盖 2015–${chinaMainland.lastYear} 年`);
  });
});
