import { textRuleViolation } from '../textRules.js';
import type { RuleReport } from './issue.js';

// The parts hand-written fast parsers are made of (issues 15 and 19: a 20 KB reply letter parsed by zod cost most of
// `reply.submitDraft`). A fast parser answers, for an input, the value the zod schema it mirrors would return, or
// `undefined` when it cannot vouch for the input: then the caller parses with zod, which builds the issues (or, for
// an odd but valid input such as a class instance, the value). So a fast parser must never accept what zod refuses
// nor return anything but zod's output, while refusing too much only costs time; the tests hold each one to its
// schema (test/fastParse*.test.ts).

/** A fast parser: zod's output for an input its schema accepts, `undefined` when it does not vouch for the input. */
export type FastParse<T> = (input: unknown) => T | undefined;

/** A field of a {@link fastStrictObject}: its parser and whether it may be absent (`.optional()`). */
export type FastField = readonly [parse: FastParse<unknown>, optional: boolean];

/** A required field. */
export const req = (parse: FastParse<unknown>): FastField => [parse, false];

/** An optional field (`.optional()`): absent or `undefined` is fine, and a present `undefined` stays in the output. */
export const opt = (parse: FastParse<unknown>): FastField => [parse, true];

/**
 * `z.strictObject(shape)` (with a `superRefine` of `rules`, if given): a plain object with no key outside the shape;
 * the output holds the shape's keys in the shape's order, as zod builds it (a key present as `undefined` is kept).
 * Objects of another prototype than `Object.prototype` or `null` are left to zod.
 */
export function fastStrictObject<T>(
  shape: Record<string, FastField>,
  rules?: (value: T, report: RuleReport) => void,
): FastParse<T> {
  const keys = Object.keys(shape);
  const parsers = keys.map((k) => (shape[k] as FastField)[0]);
  const optional = keys.map((k) => (shape[k] as FastField)[1]);
  const known = new Set(keys);
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    const proto = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return undefined;
    for (const key in input) if (!known.has(key)) return undefined;
    const record = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const value = record[key];
      if (value === undefined) {
        if (!optional[i]) return undefined;
        if (key in record) out[key] = undefined;
        continue;
      }
      const parsed = (parsers[i] as FastParse<unknown>)(value);
      if (parsed === undefined) return undefined;
      out[key] = parsed;
    }
    return rules === undefined || holds(rules as (value: unknown, report: RuleReport) => void, out)
      ? (out as T)
      : undefined;
  };
}

let broken = 0;
const count: RuleReport = () => {
  broken++;
};

/** Whether a value breaks none of a schema's rules (the function its `superRefine` reports through). */
function holds(rules: (value: unknown, report: RuleReport) => void, value: unknown): boolean {
  broken = 0;
  rules(value, count);
  return broken === 0;
}

/** `z.array(item)` with `.min(min)`: a new array of the items' outputs. */
export function fastArray<T>(item: FastParse<T>, min = 0): FastParse<T[]> {
  return (input) => {
    if (!Array.isArray(input) || input.length < min) return undefined;
    const out: T[] = [];
    for (let i = 0; i < input.length; i++) {
      const parsed = item(input[i]);
      if (parsed === undefined) return undefined;
      out.push(parsed);
    }
    return out;
  };
}

/** `z.enum(values)` (or `z.literal`): one of the values. */
export function fastEnum<T extends string>(values: readonly T[]): FastParse<T> {
  const allowed = new Set<unknown>(values);
  return (input) => (allowed.has(input) ? (input as T) : undefined);
}

/** `z.number().int().min(min)` (and `.max(max)`): a safe integer in range. */
export function fastInt(min: number, max = Number.MAX_SAFE_INTEGER): FastParse<number> {
  return (input) =>
    typeof input === 'number' && Number.isSafeInteger(input) && input >= min && input <= max ? input : undefined;
}

/** A string schema whose checks are `test` and the text rules (`withTextRules`): the string itself. */
export function fastString(test?: (value: string) => boolean): FastParse<string> {
  return (input) =>
    typeof input === 'string' && (test === undefined || test(input)) && textRuleViolation(input) === undefined
      ? input
      : undefined;
}
