import { CaseRequestExtensionEventSchema, DeadlineRuleSchema as SchemasRule } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { DeadlineRuleSchema as PolicyRule } from '../src/policy/deadlineRule.js';
import { presets } from '../src/policy/presets/index.js';
import { PolicySchema } from '../src/policy/schema.js';

const base = presets.guangdongCity;

describe('one deadline rule', () => {
  it('should refuse a negative reply period in a policy, as case.requestExtension refuses it', () => {
    const rule = { kind: 'workingDays', days: -3 } as const;
    expect(PolicySchema.safeParse({ ...base, periods: { ...base.periods, reply: rule } }).success).toBe(false);
    const extension = { type: 'case.requestExtension', at: '2023-05-10', caseId: 'c1', reason: '需协调', rule };
    expect(CaseRequestExtensionEventSchema.safeParse(extension).success).toBe(false);
  });

  it('should take its bounds from one schema', () => {
    expect(PolicyRule).toBe(SchemasRule);
    for (const rule of [
      { kind: 'months', months: 1201 },
      { kind: 'calendarDays', days: 100_001 },
      { kind: 'fixedDate', monthDay: '04-31' },
    ]) {
      expect(PolicySchema.safeParse({ ...base, periods: { ...base.periods, feedback: rule } }).success).toBe(false);
    }
    expect(
      PolicySchema.safeParse({ ...base, periods: { ...base.periods, feedback: { kind: 'months', months: 1200 } } })
        .success,
    ).toBe(true);
  });
});
