import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BanliEventSchema,
  type DeadlineRule,
  DeadlineRuleSchema,
  EventDeadlineRuleSchema,
  MAX_EVENT_RULE_DEPTH,
  ProposalSchema,
  ReplyLetterSchema,
} from '../src/index.js';

// Issue 19 item 4: `z.compile` hands a schema with a reference cycle back uncompiled (silently, unless `strict`).
// The `z.lazy` of the deadline rule made the whole event union such a schema.

/** `earliest` lists nested `depth` deep around one working-day rule. */
function nested(depth: number): DeadlineRule {
  let rule: DeadlineRule = { kind: 'workingDays', days: 5 };
  for (let i = 0; i < depth; i++)
    rule = { kind: i % 2 ? 'latest' : 'earliest', rules: [rule, { kind: 'months', months: 1 }] };
  return rule;
}

describe('compiled parsing', () => {
  it('should compile the event union, every event schema, the proposal and the letter', () => {
    expect(() => z.compile(BanliEventSchema, { strict: true })).not.toThrow();
    for (const option of BanliEventSchema.options) expect(() => z.compile(option, { strict: true })).not.toThrow();
    expect(() => z.compile(ProposalSchema, { strict: true })).not.toThrow();
    expect(() => z.compile(ReplyLetterSchema, { strict: true })).not.toThrow();
  });

  it('should still refuse to compile the recursive rule policies use (so events use the bounded one)', () => {
    expect(() => z.compile(DeadlineRuleSchema, { strict: true })).toThrow(/cycle/);
  });

  it('should accept in an event every rule the recursive schema accepts up to the nesting bound', () => {
    for (let depth = 0; depth <= MAX_EVENT_RULE_DEPTH; depth++) {
      const rule = nested(depth);
      expect(DeadlineRuleSchema.safeParse(rule).success).toBe(true);
      expect(EventDeadlineRuleSchema.parse(rule)).toEqual(rule);
      expect(z.compile(EventDeadlineRuleSchema).parse(rule)).toEqual(rule);
    }
    expect(EventDeadlineRuleSchema.safeParse(nested(MAX_EVENT_RULE_DEPTH + 1)).success).toBe(false);
    expect(EventDeadlineRuleSchema.safeParse({ kind: 'earliest', rules: [] }).success).toBe(false);
    expect(EventDeadlineRuleSchema.safeParse({ kind: 'fixedDate', monthDay: '02-30' }).success).toBe(false);
  });

  it('should parse an extension request with a nested rule the same compiled and not', () => {
    const event = {
      type: 'case.requestExtension',
      at: '2023-04-01',
      caseId: 'c1',
      reason: '需要会同多个部门调研',
      rule: nested(2),
    };
    const compiled = z.compile(BanliEventSchema, { strict: true });
    expect(compiled.parse(event)).toEqual(BanliEventSchema.parse(event));
    const bad = { ...event, rule: nested(MAX_EVENT_RULE_DEPTH + 1) };
    expect(compiled.safeParse(bad).success).toBe(false);
  });
});
