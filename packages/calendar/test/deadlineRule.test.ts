import { describe, expect, it } from 'vitest';
import { DeadlineRuleSchema } from '../src/index.js';

describe('DeadlineRuleSchema', () => {
  it('should accept nested earliest/latest rules', () => {
    const rule = {
      kind: 'latest',
      rules: [
        {
          kind: 'earliest',
          rules: [
            { kind: 'workingDays', days: 15 },
            { kind: 'months', months: 1 },
          ],
        },
        { kind: 'fixedDate', monthDay: '06-30' },
      ],
    };
    expect(DeadlineRuleSchema.parse(rule)).toEqual(rule);
  });

  it('should reject an unknown kind', () => {
    expect(DeadlineRuleSchema.safeParse({ kind: 'weeks', weeks: 2 }).success).toBe(false);
  });

  it('should reject an impossible month-day', () => {
    expect(DeadlineRuleSchema.safeParse({ kind: 'fixedDate', monthDay: '02-30' }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'fixedDate', monthDay: '02-29' }).success).toBe(true);
  });

  it('should reject a misspelt field', () => {
    expect(DeadlineRuleSchema.safeParse({ kind: 'calendarDays', day: 3 }).success).toBe(false);
  });

  it('should reject an empty list of rules', () => {
    expect(DeadlineRuleSchema.safeParse({ kind: 'earliest', rules: [] }).success).toBe(false);
  });
});
