import { describe, expect, it } from 'vitest';
import { ReplyPeriodSchema } from '../src/index.js';
import { earliestDue } from '../src/policy/earliestDue.js';

// Mutation testing (issue 17) found the reply-period entry's two cross-field rules never refused in core's tests, and
// `earliestDue` reached only with month rules: a wrong operator in either changed nothing any core test saw.

const months3 = { kind: 'months', months: 3 } as const;

describe('ReplyPeriodSchema', () => {
  it('should accept a period counted from the session close for session items, and a fall-back for a fixed date', () => {
    expect(ReplyPeriodSchema.safeParse({ channel: 'session', from: 'sessionClose', rule: months3 }).success).toBe(true);
    const byJune = { rule: { kind: 'fixedDate', monthDay: '06-30' }, whenPassed: months3 };
    expect(ReplyPeriodSchema.safeParse(byJune).success).toBe(true);
  });

  it('should refuse a period counted from the session close for items not filed at the session, at `from`', () => {
    for (const entry of [
      { channel: 'interSession', from: 'sessionClose', rule: months3 },
      { from: 'sessionClose', rule: months3 },
    ]) {
      const r = ReplyPeriodSchema.safeParse(entry);
      expect(r.success).toBe(false);
      expect(r.error?.issues).toEqual([
        expect.objectContaining({
          code: 'custom',
          path: ['from'],
          message: 'a period counted from the session’s closing day applies only to items filed at the session',
        }),
      ]);
    }
  });

  it('should refuse a fall-back period on a rule that is not a fixed date, at `whenPassed`', () => {
    const r = ReplyPeriodSchema.safeParse({ rule: months3, whenPassed: { kind: 'months', months: 1 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        path: ['whenPassed'],
        message: 'whenPassed applies to fixed-date rules only',
      }),
    ]);
  });
});

describe('earliestDue', () => {
  it('should add months, and count working days as at least as many calendar days', () => {
    expect(earliestDue(months3, '2024-01-31')).toBe('2024-04-30');
    expect(earliestDue({ kind: 'calendarDays', days: 10 }, '2024-02-25')).toBe('2024-03-06');
    expect(earliestDue({ kind: 'workingDays', days: 10 }, '2024-02-25')).toBe('2024-03-06');
  });

  it('should give a fixed date of the start year, or of the next year once the start is past it', () => {
    const june30 = { kind: 'fixedDate', monthDay: '06-30' } as const;
    expect(earliestDue(june30, '2024-03-01')).toBe('2024-06-30');
    expect(earliestDue(june30, '2024-06-30')).toBe('2024-06-30'); // the day itself has not passed
    expect(earliestDue(june30, '2024-07-01')).toBe('2025-06-30');
  });

  it('should take the earlier of `earliest` rules and the later of `latest` rules', () => {
    const rules = [months3, { kind: 'calendarDays', days: 30 }, { kind: 'fixedDate', monthDay: '12-31' }] as const;
    expect(earliestDue({ kind: 'earliest', rules: [...rules] }, '2024-01-15')).toBe('2024-02-14');
    expect(earliestDue({ kind: 'latest', rules: [...rules] }, '2024-01-15')).toBe('2024-12-31');
    expect(earliestDue({ kind: 'latest', rules: [...rules] }, '2024-11-15')).toBe('2025-02-15');
  });
});
