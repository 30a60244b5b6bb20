import { describe, expect, it } from 'vitest';
import { DeadlineRuleSchema } from '../src/index.js';
import { isValidRule } from '../src/rules/parseRule.js';

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

describe('isValidRule', () => {
  const samples: unknown[] = [
    { kind: 'workingDays', days: 15 },
    { kind: 'workingDays', days: -3 },
    { kind: 'workingDays', days: 1.5 },
    { kind: 'workingDays', days: '15' },
    { kind: 'workingDays', days: 200_000 },
    { kind: 'workingDays' },
    { kind: 'workingDays', days: 1, rollForward: true },
    { kind: 'calendarDays', days: 30, rollForward: true },
    { kind: 'calendarDays', days: 30, rollForward: 'yes' },
    { kind: 'months', months: 3 },
    { kind: 'months', months: 3, extra: 1 },
    { kind: 'fixedDate', monthDay: '06-30' },
    { kind: 'fixedDate', monthDay: '6-30' },
    { kind: 'fixedDate', monthDay: '04-31' },
    { kind: 'earliest', rules: [] },
    {
      kind: 'latest',
      rules: [
        { kind: 'months', months: 1 },
        { kind: 'earliest', rules: [{ kind: 'workingDays', days: 2 }] },
      ],
    },
    {
      kind: 'latest',
      rules: [
        { kind: 'months', months: 1 },
        { kind: 'earliest', rules: [{ kind: 'weeks', days: 2 }] },
      ],
    },
    { kind: 'toString' },
    { kind: 'constructor', rules: [] },
    null,
    'workingDays',
    [],
  ];

  it('should agree with DeadlineRuleSchema on valid and invalid rules', () => {
    for (const s of samples) expect([s, isValidRule(s)]).toEqual([s, DeadlineRuleSchema.safeParse(s).success]);
  });
});
