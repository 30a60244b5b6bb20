import { textRuleViolation } from '../textRules.js';
import type { RuleReport } from './issue.js';

// The parts hand-written fast parsers are made of (issues 15 and 19: a 20 KB reply letter parsed by zod cost most of
// `reply.submitDraft`). A fast parser answers, for an input, the value the zod schema it mirrors would return, or
// `undefined` when it cannot vouch for the input: then the caller parses with zod, which builds the issues (or, for
// an odd but valid input such as a class instance, the value). So a fast parser must never accept what zod refuses
// nor return anything but zod's output, while refusing too much only costs time; the tests hold each one to its
// schema (test/fastParseLetters.test.ts). Objects are parsed by code written field by field (each property read and
// written by its name, which V8 keeps fast), not by a loop over a table of fields.

/** A fast parser: zod's output for an input its schema accepts, `undefined` when it does not vouch for the input. */
export type FastParse<T> = (input: unknown) => T | undefined;

/** An object being read or built field by field. */
export type Fields = Record<string, unknown>;

/**
 * An input `z.strictObject` may accept, with keys only from `keys`: a plain object (of `Object.prototype` or none;
 * other objects are left to zod) whose enumerable keys, inherited ones included as zod reads them, are all known.
 */
export function strictFields(input: unknown, keys: ReadonlySet<string>): input is Fields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in input) if (!keys.has(key)) return false;
  return true;
}

let broken = 0;
const count: RuleReport = () => {
  broken++;
};

/** Whether a value breaks none of a schema's rules (the function its `superRefine` reports through). */
export function holds<T>(rules: (value: T, report: RuleReport) => void, value: T): boolean {
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
