import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type CalendarDefinition,
  CalendarDefinitionError,
  type CalendarYear,
  chinaMainlandYears,
  defineCalendar,
  isWorkingDay,
} from '../src/index.js';

const label = { 'zh-CN': '测试', en: 'Test' };

function definitionError(def: unknown): CalendarDefinitionError {
  try {
    defineCalendar(def as CalendarDefinition);
  } catch (e) {
    if (e instanceof CalendarDefinitionError) return e;
    throw e;
  }
  throw new Error('expected defineCalendar to throw');
}

describe('defineCalendar', () => {
  it('should build a working calendar from plain data', () => {
    const cal = defineCalendar({ id: 't', version: '1', label, years: chinaMainlandYears.slice(-2) });
    expect([cal.firstYear, cal.lastYear]).toEqual([2025, 2026]);
    expect(addWorkingDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
  });

  it('should freeze the calendar', () => {
    const cal = defineCalendar({ id: 't', version: '1', label, years: chinaMainlandYears.slice(-1) });
    expect(Object.isFrozen(cal)).toBe(true);
  });

  it('should not let later edits of the input change the calendar', () => {
    const year = structuredClone(chinaMainlandYears[11] as CalendarYear);
    const cal = defineCalendar({ id: 't', version: '1', label, years: [year] });
    year.makeUpWorkdays.push('2026-03-07');
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false);
  });

  it('should apply extra holidays and extra working days', () => {
    const cal = defineCalendar({
      id: 't',
      version: '1',
      label,
      years: chinaMainlandYears.slice(-1),
      extraHolidays: [
        { name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2026-03-02', end: '2026-03-02' },
      ],
      extraWorkdays: ['2026-03-07'],
    });
    expect(isWorkingDay(cal, '2026-03-02')).toBe(false);
    expect(isWorkingDay(cal, '2026-03-07')).toBe(true);
  });

  it('should reject a gap between years, since it would silently count weekends only', () => {
    const e = definitionError({ id: 't', version: '1', label, years: [chinaMainlandYears[0], chinaMainlandYears[2]] });
    expect(e.issues[0]?.messages.en).toContain('2016 is missing');
    expect(e.issues[0]?.messages['zh-CN']).toContain('缺少 2016 年');
  });

  it('should reject a make-up day that is not a weekend day, with zh-CN and en messages', () => {
    const e = definitionError({
      id: 't',
      version: '1',
      label,
      years: [{ year: 2030, source: 'x', holidays: [], makeUpWorkdays: ['2030-01-02'] }],
    });
    expect(e.code).toBe('invalid_calendar');
    expect(e.issues).toEqual([
      {
        path: 'years.0.makeUpWorkdays.0',
        messages: {
          'zh-CN': '调休上班日 2030-01-02 不是星期六或星期日',
          en: 'make-up working day 2030-01-02 is not a Saturday or Sunday',
        },
      },
    ]);
  });

  it('should reject a block that ends before it starts and an impossible date', () => {
    const e = definitionError({
      id: 't',
      version: '1',
      label,
      years: [
        {
          year: 2030,
          source: 'x',
          holidays: [
            { name: 'a', label, start: '2030-05-05', end: '2030-05-01' },
            { name: 'b', label, start: '2030-02-30', end: '2030-03-01' },
          ],
          makeUpWorkdays: [],
        },
      ],
    });
    expect(e.issues.map((i) => i.path)).toEqual(['years.0.holidays.0.end', 'years.0.holidays.1.start']);
  });

  it('should reject a make-up day inside a holiday block', () => {
    const e = definitionError({
      id: 't',
      version: '1',
      label,
      years: [
        {
          year: 2030,
          source: 'x',
          holidays: [{ name: 'a', label, start: '2030-02-01', end: '2030-02-10' }],
          makeUpWorkdays: ['2030-02-02'],
        },
      ],
    });
    expect(e.issues[0]?.messages.en).toContain('inside holiday');
  });

  it('should reject a date arranged by two notices', () => {
    const e = definitionError({
      id: 't',
      version: '1',
      label,
      years: [
        {
          year: 2030,
          source: 'x',
          holidays: [{ name: 'a', label, start: '2030-12-31', end: '2030-12-31' }],
          makeUpWorkdays: [],
        },
        {
          year: 2031,
          source: 'y',
          holidays: [{ name: 'b', label, start: '2030-12-31', end: '2031-01-01' }],
          makeUpWorkdays: [],
        },
      ],
    });
    expect(e.issues[0]?.messages.en).toContain('2030-12-31 is arranged by both');
  });

  it('should reject missing fields and unknown keys', () => {
    const e = definitionError({ id: 't', version: '1', years: [], colour: 'red' });
    const paths = e.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['label', 'years', '']));
    for (const issue of e.issues) expect(issue.messages['zh-CN']).not.toBe('');
  });

  it('should reject a block make-up day missing from the year list', () => {
    const e = definitionError({
      id: 't',
      version: '1',
      label,
      years: [
        {
          year: 2030,
          source: 'x',
          holidays: [{ name: 'a', label, start: '2030-02-04', end: '2030-02-08', makeUpWorkdays: ['2030-02-09'] }],
          makeUpWorkdays: [],
        },
      ],
    });
    expect(e.issues[0]?.path).toBe('years.0.holidays.0.makeUpWorkdays.0');
  });
});
