import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CalendarDefinitionError,
  chinaMainland,
  computeDueDate,
  describeDay,
  extendCalendar,
  isWorkingDay,
} from '../src/index.js';
import { hypothetical2027 } from './fixtures.js';

const closure = {
  name: 'closure',
  label: { 'zh-CN': '部门闭馆', en: 'Department closure' },
  start: '2024-03-04',
  end: '2024-03-05',
};

describe('extendCalendar', () => {
  it('should add a local holiday without changing the base', () => {
    const local = extendCalendar(chinaMainland, { id: 'dept', version: '1', extraHolidays: [closure] });
    expect(addWorkingDays(local, '2024-03-01', 1)).toBe('2024-03-06');
    expect(addWorkingDays(chinaMainland, '2024-03-01', 1)).toBe('2024-03-04');
    expect(local.basedOn).toEqual({ id: chinaMainland.id, version: chinaMainland.version });
  });

  it('should cite the layer as the source of an extra holiday', () => {
    const local = extendCalendar(chinaMainland, { id: 'dept', version: '7', extraHolidays: [closure] });
    expect(describeDay(local, '2024-03-04').source).toBe('dept@7');
  });

  it('should let an extra working day override a weekend', () => {
    const local = extendCalendar(chinaMainland, { id: 'dept', version: '1', extraWorkdays: ['2024-03-09'] });
    expect(isWorkingDay(local, '2024-03-09')).toBe(true);
    expect(describeDay(local, '2024-03-09')).toMatchObject({ kind: 'extraWorkday', source: 'dept@1' });
  });

  it('should stack layers, later layers winning', () => {
    const a = extendCalendar(chinaMainland, { id: 'a', version: '1', extraWorkdays: ['2024-03-09'] });
    const b = extendCalendar(a, {
      id: 'b',
      version: '1',
      extraHolidays: [{ ...closure, start: '2024-03-09', end: '2024-03-09' }],
    });
    expect(b.layers.map((l) => l.id)).toEqual(['a', 'b']);
    expect(isWorkingDay(b, '2024-03-09')).toBe(false);
  });

  it("should add next year's notice as data, turning provisional results into definite ones", () => {
    const next = extendCalendar(chinaMainland, { id: chinaMainland.id, version: '2027.1', years: [hypothetical2027] });
    expect(next.lastYear).toBe(2027);
    const due = computeDueDate(next, { kind: 'workingDays', days: 3 }, '2026-12-30');
    expect(due).toMatchObject({ due: '2027-01-05', provisional: false, calendarVersion: '2027.1' });
  });

  it('should reject a year that leaves a gap', () => {
    expect(() =>
      extendCalendar(chinaMainland, {
        id: 'x',
        version: '1',
        years: [{ ...hypothetical2027, year: 2028, holidays: [], makeUpWorkdays: [] }],
      }),
    ).toThrow(CalendarDefinitionError);
  });

  it('should reject an extra working day inside an extra holiday of the same layer', () => {
    expect(() =>
      extendCalendar(chinaMainland, { id: 'x', version: '1', extraHolidays: [closure], extraWorkdays: ['2024-03-04'] }),
    ).toThrow(/extra working day 2024-03-04/);
  });

  it('should reject an invalid extension with zh-CN and en messages', () => {
    try {
      extendCalendar(chinaMainland, { id: '', version: '1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarDefinitionError);
      expect((e as CalendarDefinitionError).messages['zh-CN']).toContain('日历定义无效');
      expect((e as CalendarDefinitionError).issues[0]?.path).toBe('id');
    }
  });
});
