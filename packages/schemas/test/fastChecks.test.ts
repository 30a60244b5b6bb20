import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedLifecycle132402 } from '../src/fixtures/index.js';
import {
  ASSIGNMENT_MODE_LABELS,
  type Assignment,
  AssignmentSchema,
  assignedUnits,
  BanliEventSchema,
  FEEDBACK_LEVEL_LABELS,
  FeedbackSchema,
  fastCheckOf,
  IsoDateSchema,
  PROPOSER_TYPE_LABELS,
  type Proposal,
  ProposalSchema,
  SessionSchema,
} from '../src/index.js';
import { duplicates, withTextRules } from '../src/internal/fields.js';

// Issue 19: the SDK's one pass asks a schema's checks through their fast forms, not through zod's check functions. A
// fast form must answer `true` exactly when its check, run as zod runs it, reports no issue.

/** Whether zod's check reports no issue on `value`, run as zod's runtime runs it (its `when` first). */
function checkPasses(check: object, value: unknown): boolean {
  const zod = (check as z.core.$ZodCheck)._zod;
  const payload = { value, issues: [] as unknown[] };
  if (zod.def.when && !zod.def.when(payload as never)) return true;
  zod.check(payload as never);
  return payload.issues.length === 0;
}

/** Expects `check`'s fast form to answer as the check does on every value `values` generates. */
function agreesOn(check: object, values: fc.Arbitrary<unknown>, numRuns = 2_000): void {
  const fast = fastCheckOf(check) as ((value: unknown) => boolean) | undefined;
  expect(fast).toBeTypeOf('function');
  fc.assert(
    fc.property(values, (value) => {
      expect(fast?.(value)).toBe(checkPasses(check, value));
    }),
    { numRuns, seed: 19 },
  );
}

const onlyCheck = (schema: z.core.$ZodType) => {
  const checks = schema._zod.def.checks ?? [];
  expect(checks).toHaveLength(1);
  return checks[0] as object;
};

// Strings near each rule: blank, padded, NUL, lone surrogates, a leading BOM, CJK, dates real and not.
const piece = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\u3000',
  '\0',
  '\uD800',
  '\uDC00',
  '\uFEFF',
  'a',
  '办',
  '😀',
  '-',
  '0',
  '9',
);
const near = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const strings = fc.oneof(
  near,
  fc.string(),
  fc.string({ unit: 'binary' }),
  dateLike,
  dateLike.map((d) => ` ${d}`),
);

describe('fast forms of checks', () => {
  const cases: [string, z.core.$ZodType][] = [
    ['a text field (the proposal title)', ProposalSchema.shape.title],
    ['an id (a suggestion id)', ProposalSchema.shape.suggestions.element.shape.id],
    ['a date (IsoDateSchema)', IsoDateSchema],
    ['a string with the text rules only (withTextRules, as a label’s texts)', withTextRules(z.string())],
  ];
  for (const [name, schema] of cases) {
    it(`should answer as the check of ${name} does, on generated strings`, () => {
      const fast = fastCheckOf(onlyCheck(schema));
      expect(fast).toBeTypeOf('function');
      fc.assert(
        fc.property(strings, (s) => {
          expect((fast as (value: string) => boolean)(s)).toBe((schema as z.ZodType).safeParse(s).success);
        }),
        { numRuns: 3_000, seed: 19 },
      );
    });
  }

  it('should have none for a check without one (`trim`, a check with a `when` of its own, a number format other than `.int()`)', () => {
    const checks = (schema: z.core.$ZodType) => (schema._zod.def.checks ?? []) as object[];
    const label = checks(z.string().trim())[0] as object;
    expect(fastCheckOf(label)).toBeUndefined();
    // A `when` of the caller's (zod's types do not offer it on `.min`, its checks' definitions carry it).
    const gated = (check: object) => {
      (check as z.core.$ZodCheck)._zod.def.when = () => true;
      return check;
    };
    expect(fastCheckOf(gated(checks(z.array(z.string()).min(2))[0] as object))).toBeUndefined();
    expect(fastCheckOf(gated(checks(z.number().min(1))[0] as object))).toBeUndefined();
    expect(fastCheckOf(checks(z.number().check(z.int32()))[0] as object)).toBeUndefined();
  });
});

// Numbers near the bounds the schemas use, the safe-integer range, fractions and the non-finite.
const numbers = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: 1940, max: 3010 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 1,
    Number.MIN_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER - 1,
    2 ** 60,
    -0,
    0.5,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
);

/**
 * Arrays of 0–4 items; strings with surrogate pairs and lone surrogates (a string's length checks count code points),
 * up to 12 of them, so a string's UTF-16 length falls below, between and above a bound and twice the bound.
 */
const lengthy = fc.oneof(
  fc.array(fc.constant(1), { maxLength: 4 }),
  fc.array(fc.constantFrom('a', '办', '😀', '\uD800', '\uDC00'), { maxLength: 12 }).map((xs) => xs.join('')),
);

describe('fast forms of zod’s number and length checks', () => {
  const numberChecks: [string, z.core.$ZodType][] = [
    ['a proposal’s number (`.int().min(1)`)', ProposalSchema.shape.number],
    ['a session’s term', SessionSchema.shape.term],
    ['a session’s year (`.int().min(1949).max(2999)`)', SessionSchema.shape.year.unwrap()],
    ['an exclusive bound (`.gt(0).lt(10)`)', z.number().gt(0).lt(10)],
  ];
  for (const [name, schema] of numberChecks) {
    it(`should answer as each check of ${name} does, on generated numbers`, () => {
      const checks = schema._zod.def.checks ?? [];
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) agreesOn(check, numbers);
    });
  }

  const lengthChecks: [string, z.core.$ZodType][] = [
    ['a proposal’s suggestions (`.min(1)`)', ProposalSchema.shape.suggestions],
    ['a proposal’s proposers (`.min(1)`)', ProposalSchema.shape.proposers],
    ['an array’s `.min(2).max(3)`', z.array(z.number()).min(2).max(3)],
    ['a string’s `.min(2).max(3)` (code points)', z.string().min(2).max(3)],
    ['a string’s `.min(3).max(5)` (code points)', z.string().min(3).max(5)],
    ['a string’s `.min(1)` (as a label’s texts have it)', z.string().min(1)],
  ];
  for (const [name, schema] of lengthChecks) {
    it(`should answer as each check of ${name} does, on generated arrays and strings`, () => {
      const checks = schema._zod.def.checks ?? [];
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) agreesOn(check, fc.oneof(lengthy, fc.constantFrom(null, undefined, 3)));
    });
  }
});

/** The one check an object schema's rules add (its refinement). */
const refinement = (schema: z.core.$ZodType) => {
  const checks = schema._zod.def.checks ?? [];
  expect(checks).toHaveLength(1);
  return checks[0] as object;
};

// Values of the fields' types, near the rules: ids from a pool of three (so some repeat), every type, mode and level,
// lists of zero to three, flags present or not.
const someId = fc.constantFrom('a', 'b', 'c');
const unit = fc.record({ id: someId, name: fc.constantFrom('甲局', '乙局') });
const units = fc.array(unit, { maxLength: 3 });
const proposer = fc.record(
  {
    id: someId,
    type: fc.constantFrom(...(Object.keys(PROPOSER_TYPE_LABELS) as (keyof typeof PROPOSER_TYPE_LABELS)[])),
    name: fc.constant('张三'),
    first: fc.boolean(),
  },
  { requiredKeys: ['id', 'type', 'name'] },
);
const proposalFields = fc.record({
  kind: fc.constantFrom('proposal', 'suggestion'),
  proposers: fc.array(proposer, { minLength: 1, maxLength: 3 }),
  suggestions: fc.array(fc.record({ id: someId, title: fc.constant('建议') }), { minLength: 1, maxLength: 3 }),
});
const assignmentFields = fc.record(
  {
    mode: fc.constantFrom(...Object.keys(ASSIGNMENT_MODE_LABELS)),
    leadUnit: unit,
    coUnits: units,
    splitUnits: units,
    referenceUnits: units,
    assigningOffice: unit,
  },
  { requiredKeys: ['mode', 'coUnits', 'assigningOffice'] },
);
const feedbackFields = fc.record(
  { proposerId: someId, level: fc.constantFrom(...Object.keys(FEEDBACK_LEVEL_LABELS)), comment: fc.constant('意见') },
  { requiredKeys: ['proposerId', 'level'] },
);

describe('fast forms of the object rules (refinedBy)', () => {
  const cases: [string, z.core.$ZodType, fc.Arbitrary<unknown>][] = [
    ['a proposal', ProposalSchema, proposalFields],
    ['an assignment', AssignmentSchema, assignmentFields],
    ['a feedback', FeedbackSchema, feedbackFields],
  ];
  for (const [name, schema, values] of cases) {
    it(`should answer as the refinement of ${name} does, on generated values near its rules`, () => {
      const check = refinement(schema);
      let held = 0;
      fc.assert(
        fc.property(values, (value) => {
          const fast = fastCheckOf(check) as (value: unknown) => boolean;
          const passes = checkPasses(check, value);
          expect(fast(value)).toBe(passes);
          if (passes) held++;
        }),
        { numRuns: 3_000, seed: 19 },
      );
      // Both answers are reached.
      expect(held).toBeGreaterThan(30);
      expect(held).toBeLessThan(2_970);
    });
  }

  it('should leave the refusals as they were: the rules report through the schema with their codes and paths', () => {
    const parsed = FeedbackSchema.safeParse({ proposerId: 'a', level: 'dissatisfied', date: '2023-07-10' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, (i as { params?: { banli?: string } }).params?.banli])).toEqual([
      [['comment'], 'feedback_comment_required'],
    ]);
  });

  it('should report as the rules written with callbacks did: codes, paths, values and order, on generated values', () => {
    // The rules of a proposal and an assignment were rewritten as plain loops (issue 19); these are the earlier forms.
    type Report = [string, unknown, PropertyKey[], Record<string, string | number>];
    const before = {
      proposal(p: Proposal, out: Report[]) {
        const report = (c: string, i: unknown, path: PropertyKey[] = [], params = {}) => out.push([c, i, path, params]);
        const firsts = p.proposers.filter((x) => x.first === true).length;
        if (p.proposers.length > 1 && firsts === 0) report('first_proposer_missing', p.proposers, ['proposers']);
        if (firsts > 1) report('first_proposer_multiple', p.proposers, ['proposers'], { count: firsts });
        for (const id of duplicates(p.proposers.map((x) => x.id)))
          report('duplicate_id', id, ['proposers'], { value: id });
        for (const id of duplicates(p.suggestions.map((x) => x.id)))
          report('duplicate_id', id, ['suggestions'], { value: id });
        p.proposers.forEach((x, i) => {
          if (p.kind === 'suggestion' && !['member', 'delegation'].includes(x.type))
            report('suggestion_proposer_type', x.type, ['proposers', i, 'type'], { value: x.type });
          if (p.kind === 'proposal' && x.type === 'delegation')
            report('proposal_proposer_type', x.type, ['proposers', i, 'type'], { value: x.type });
        });
      },
      // Only the units' part was rewritten (the mode rules are as they were): compared on `duplicate_unit` alone.
      assignment(a: Assignment, out: Report[]) {
        const report = (c: string, i: unknown, path: PropertyKey[] = [], params = {}) => out.push([c, i, path, params]);
        const units = assignedUnits(a).map((x) => x.unit);
        for (const id of duplicates(units.map((u) => u.id)))
          report('duplicate_unit', id, [], { value: units.find((u) => u.id === id)?.name ?? id });
      },
    };
    const cases: [z.core.$ZodType, fc.Arbitrary<unknown>, (value: never, out: Report[]) => void, string?][] = [
      [ProposalSchema, proposalFields, before.proposal],
      [AssignmentSchema, assignmentFields, before.assignment, 'duplicate_unit'],
    ];
    for (const [schema, values, rules, only] of cases) {
      const check = refinement(schema) as z.core.$ZodCheck;
      fc.assert(
        fc.property(values, (value) => {
          const payload = { value, issues: [] as z.core.$ZodRawIssue[] };
          check._zod.check(payload as never);
          const got = payload.issues
            .map((i) => {
              const { banli, ...params } = i.params as { banli: string };
              return [banli, i.input, i.path, params];
            })
            .filter(([code]) => only === undefined || code === only);
          const expected: Report[] = [];
          rules(value as never, expected);
          expect(got).toStrictEqual(expected);
        }),
        { numRuns: 3_000, seed: 19 },
      );
    }
  });

  it('should have a fast form for every check of the proposal’s schema and the lifecycle’s events but a `trim`', () => {
    // The one pass runs a schema's checks through zod's check functions when one of them has no fast form.
    const slow: string[] = [];
    const walk = (schema: z.core.$ZodType, path: string): void => {
      const def = schema._zod.def as z.core.$ZodTypeDef;
      for (const check of def.checks ?? [])
        if (fastCheckOf(check) === undefined) slow.push(`${path} ${check._zod.def.check}`);
      if (def.type === 'object')
        for (const [k, v] of Object.entries((def as z.core.$ZodObjectDef).shape)) walk(v, `${path}.${k}`);
      if (def.type === 'array') walk((def as z.core.$ZodArrayDef).element, `${path}[]`);
      if (def.type === 'optional') walk((def as z.core.$ZodOptionalDef).innerType, path);
    };
    walk(ProposalSchema, 'proposal');
    // The events of a lifecycle but the letter's (`reply.submitDraft`, parsed by its own parser).
    const types = new Set(seedLifecycle132402('p').map(([event]) => event.type));
    types.delete('reply.submitDraft');
    for (const option of BanliEventSchema.options)
      if (types.has(option.shape.type.value)) walk(option, option.shape.type.value);
    // A unit's bilingual label trims: a check that changes the value is no predicate (the one pass applies its
    // function, which zod's check applies).
    expect(slow.filter((path) => !/\.label\.(zh-CN|en) overwrite$/.test(path))).toEqual([]);
    expect(slow.length).toBeGreaterThan(0);
  });
});
