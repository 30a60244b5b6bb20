import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, chinaMainland, describeDay } from '../src/index.js';

describe('describeDay', () => {
  it('should name the holiday a make-up day was worked for, from its notice', () => {
    const d = describeDay(chinaMainland, '2026-09-20');
    expect(d).toMatchObject({ working: true, kind: 'makeUpWorkday', provisional: false });
    expect(d.holiday?.name).toBe('nationalDay');
    expect(d.source).toContain('2026');
  });

  it('should name the holiday a rest day belongs to', () => {
    expect(describeDay(chinaMainland, '2024-02-12')).toMatchObject({
      working: false,
      kind: 'holiday',
      holiday: { name: 'springFestival' },
    });
  });

  it('should cite the amending notice of the 2019 劳动节 (国办发明电〔2019〕3号, as its text reads)', () => {
    expect(describeDay(chinaMainland, '2019-05-03').source).toContain('国办发明电〔2019〕3号');
  });

  it('should model the 2020 COVID extension of 春节', () => {
    const d = describeDay(chinaMainland, '2020-02-01');
    expect(d).toMatchObject({ working: false, kind: 'holiday', holiday: { name: 'springFestivalExtension' } });
    expect(d.source).toContain('国办发明电〔2020〕1号');
  });

  it('should describe an ordinary weekend and weekday', () => {
    expect(describeDay(chinaMainland, '2024-03-02')).toMatchObject({ working: false, kind: 'weekend' });
    expect(describeDay(chinaMainland, '2024-03-04')).toMatchObject({ working: true, kind: 'weekday' });
  });

  it('should mark an uncovered day provisional only when asked', () => {
    expect(() => describeDay(chinaMainland, '2014-12-31')).toThrow(CalendarCoverageError);
    expect(describeDay(chinaMainland, '2014-12-31', { uncovered: 'provisional' })).toMatchObject({
      working: true,
      provisional: true,
    });
  });
});
