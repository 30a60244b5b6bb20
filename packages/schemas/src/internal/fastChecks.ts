import { z } from 'zod';
import { holds } from './fastParse.js';
import { type RuleReport, refineBy } from './issue.js';

// The fast forms of zod checks, by identity (issue 19: the SDK's one pass ran every check through zod's check function,
// which for a `superRefine` builds a closure and a context on every call, and in place, where a command runs each
// check once, that was most of what validation cost it). A fast form answers `true` exactly when its check, run as
// zod runs it (its `when` included), reports no issue on a value of its schema's type. Text fields', dates' and the
// object rules' forms are registered where the check is made, next to the function the check reports through, so each
// rule keeps one definition; zod's own number and length checks have theirs derived from the check's definition.
// test/fastChecks.test.ts holds each fast form to its check on generated values.

/** A fast form: whether a check reports no issue on a value of its schema's type. */
export type FastCheck = (value: never) => boolean;

const fastForms = new WeakMap<object, FastCheck>();

/** Registers `holds` as the fast form of the last check of `schema`, and answers the schema. */
export function withFastCheck<T extends z.ZodType>(schema: T, holds: (value: z.output<T>) => boolean): T {
  const checks = schema._zod.def.checks ?? [];
  const last = checks[checks.length - 1];
  if (last === undefined) throw new Error('withFastCheck: the schema has no check');
  fastForms.set(last, holds as FastCheck);
  return schema;
}

/**
 * `schema.superRefine(refineBy(rules))`: the rules function's reports raised as issues, with whether it reports
 * nothing (`holds`) registered as the refinement's fast form. The rules are written once and serve both.
 */
export function refinedBy<T extends z.ZodType>(schema: T, rules: (value: z.output<T>, report: RuleReport) => void): T {
  return withFastCheck(schema.superRefine(refineBy(rules)) as T, (value) => holds(rules, value));
}

/**
 * The fast form of a zod check, if it has one: a predicate that answers `true` exactly when the check reports no issue
 * on a value of its schema's type (a string for a text field's or a date's check, an object for an object's rules,
 * a number for a bound). For a caller that needs only whether a value passes, not the issues (the SDK's one pass); the
 * schema still names them. A check with a `when` of its own, or of a kind not listed here, has none.
 */
export function fastCheckOf(check: object): FastCheck | undefined {
  const registered = fastForms.get(check);
  if (registered !== undefined) return registered;
  const derived = derivedForm(check as z.core.$ZodCheck);
  if (derived !== undefined) fastForms.set(check, derived);
  return derived;
}

/** zod's own `when` of its length checks (run only on a non-nullish value with a `length`), to recognise it by. */
const LENGTH_WHEN = (z.array(z.unknown()).min(1)._zod.def.checks ?? []).map((check) => check._zod.def.when)[0];

/** zod's code-point length (a string's length checks count code points, not UTF-16 units). */
const codePoints = z.core.util.codePointLength;

// A string has at most as many code points as UTF-16 units and at least half as many, so its length in units settles
// a length check for most strings, and zod's count of code points (a pattern test, then a loop) runs only for a string
// between the two (issue 19: a label's `.min(1)` ran that pattern on each of its two texts, in every command that
// carries one).

/** Whether a string has at least `minimum` code points, as zod counts them. */
function hasAtLeast(value: string, minimum: number): boolean {
  const n = value.length;
  return n >= 2 * minimum || (n >= minimum && codePoints(value) >= minimum);
}

/** Whether a string has at most `maximum` code points, as zod counts them. */
function hasAtMost(value: string, maximum: number): boolean {
  return value.length <= maximum || codePoints(value) <= maximum;
}

/** Whether a length check's `when` lets it run on a value (zod's default: non-nullish, with a `length`). */
function measured(value: unknown): value is { length: number } {
  return value !== null && value !== undefined && (value as { length?: unknown }).length !== undefined;
}

/** The fast form of one of zod's number and length checks, from its definition (the same comparison, no issue built). */
function derivedForm(check: z.core.$ZodCheck): FastCheck | undefined {
  const def = check._zod?.def as z.core.$ZodCheckDef & Record<string, unknown>;
  if (def === undefined) return undefined;
  switch (def.check) {
    case 'number_format':
      // `.int()`: an integer in the safe range (the format's range check then always holds). Other formats: none.
      if (def.when !== undefined || def.format !== 'safeint') return undefined;
      return ((value: number) => Number.isSafeInteger(value)) as FastCheck;
    case 'greater_than': {
      const bound = def.value;
      if (def.when !== undefined || typeof bound !== 'number') return undefined;
      return (def.inclusive ? (value: number) => value >= bound : (value: number) => value > bound) as FastCheck;
    }
    case 'less_than': {
      const bound = def.value;
      if (def.when !== undefined || typeof bound !== 'number') return undefined;
      return (def.inclusive ? (value: number) => value <= bound : (value: number) => value < bound) as FastCheck;
    }
    case 'min_length': {
      const minimum = def.minimum;
      if (def.when !== LENGTH_WHEN || typeof minimum !== 'number') return undefined;
      return ((value: unknown) =>
        typeof value === 'string'
          ? hasAtLeast(value, minimum)
          : !measured(value) || value.length >= minimum) as FastCheck;
    }
    case 'max_length': {
      const maximum = def.maximum;
      if (def.when !== LENGTH_WHEN || typeof maximum !== 'number') return undefined;
      return ((value: unknown) =>
        typeof value === 'string'
          ? hasAtMost(value, maximum)
          : !measured(value) || value.length <= maximum) as FastCheck;
    }
    default:
      return undefined;
  }
}
