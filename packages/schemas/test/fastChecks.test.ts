import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fastCheckOf, IsoDateSchema, ProposalSchema } from '../src/index.js';

// Issue 19: the SDK's one pass asks a text field's and a date's check through its fast form, not through zod's check
// function. A fast form must answer `true` exactly when its check reports no issue.

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
  ];
  for (const [name, schema] of cases) {
    it(`should answer as the check of ${name} does, on generated strings`, () => {
      const fast = fastCheckOf(onlyCheck(schema));
      expect(fast).toBeTypeOf('function');
      fc.assert(
        fc.property(strings, (s) => {
          expect(fast?.(s)).toBe((schema as z.ZodType).safeParse(s).success);
        }),
        { numRuns: 3_000, seed: 19 },
      );
    });
  }

  it('should have none for a check without one (an integer bound)', () => {
    const [check] = ProposalSchema.shape.number._zod.def.checks ?? [];
    expect(fastCheckOf(check as object)).toBeUndefined();
  });
});
