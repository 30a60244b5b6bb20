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
  for (const key in input) {
    if (!keys.has(key)) return false;
    countKey(key, input as Fields);
  }
  return true;
}

/**
 * The text a fast parse has read, counted as the SDK's size limits count it (issue 15: the SDK checks a parsed
 * letter's sizes from these instead of reading it again): `text`, the characters of every string value and every
 * key; `longest`, the longest of them; `longestId`, the longest string held directly under an `id` or `…Id` key;
 * `counted`, `false` once a value was accepted whose text was not counted (a value parsed by its zod schema). A
 * parser that answers `undefined` leaves the tally part-filled. Reset by `resetTally` before each counted parse.
 */
interface TextTally {
  text: number;
  longest: number;
  longestId: number;
  counted: boolean;
}

/** The tally every fast parser adds to (one parse runs at a time: parsing is synchronous). */
export const tally: TextTally = { text: 0, longest: 0, longestId: 0, counted: true };

/** Empties {@link tally}, before a counted parse. */
export function resetTally(): void {
  tally.text = 0;
  tally.longest = 0;
  tally.longestId = 0;
  tally.counted = true;
}

/** Counts a string value a fast parser accepted (its length, as `String.length` and the size limits count). */
export function countText(value: string): void {
  const n = value.length;
  tally.text += n;
  if (n > tally.longest) tally.longest = n;
}

// A key of `input`, and (under an `id` or `…Id` key: I is 73, d is 100) the length of its string value, which the size
// limits hold to the id length. The value's own length is counted by the leaf that parses it. Only an id's value is
// read here: the parser reads every value once, field by field (issue 19: each input read once).
function countKey(key: string, input: Fields): void {
  const n = key.length;
  tally.text += n;
  if (n > tally.longest) tally.longest = n;
  if (key === 'id' || (n >= 2 && key.charCodeAt(n - 1) === 100 && key.charCodeAt(n - 2) === 73)) {
    const value = input[key];
    if (typeof value === 'string' && value.length > tally.longestId) tally.longestId = value.length;
  }
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

/** The longest list {@link fastArray} allocates at its length before reading it (a letter's lists are far shorter). */
const PREALLOCATED = 1024;

/**
 * `z.array(item)` with `.min(min)`: a new array of the items' outputs, allocated at its length (issue 15: grown by
 * `push`, a 20 KB letter's copy kept about 1.6 KB of spare capacity, for as long as the log and the snapshots keep it).
 */
export function fastArray<T>(item: FastParse<T>, min = 0): FastParse<T[]> {
  return (input) => {
    if (!Array.isArray(input) || input.length < min) return undefined;
    const n = input.length;
    // A list of a caller's length only up to a bound: a sparse input (`Array(99_999)`) costs its caller nothing, and
    // would make this allocate its length before the first item refused it. Longer lists grow as they are filled.
    const out: T[] = n <= PREALLOCATED ? new Array(n) : [];
    for (let i = 0; i < n; i++) {
      const parsed = item(input[i]);
      if (parsed === undefined) return undefined;
      out[i] = parsed;
    }
    return out;
  };
}

/** `z.enum(values)` (or `z.literal`): one of the values. */
export function fastEnum<T extends string>(values: readonly T[]): FastParse<T> {
  const allowed = new Set<unknown>(values);
  return (input) => {
    if (!allowed.has(input)) return undefined;
    countText(input as T);
    return input as T;
  };
}

/** `z.number().int().min(min)` (and `.max(max)`): a safe integer in range. */
export function fastInt(min: number, max = Number.MAX_SAFE_INTEGER): FastParse<number> {
  return (input) =>
    typeof input === 'number' && Number.isSafeInteger(input) && input >= min && input <= max ? input : undefined;
}

/** A string schema whose checks are `test` and the text rules (`withTextRules`): the string itself. */
export function fastString(test?: (value: string) => boolean): FastParse<string> {
  return (input) => {
    if (typeof input !== 'string' || (test !== undefined && !test(input)) || textRuleViolation(input) !== undefined)
      return undefined;
    countText(input);
    return input;
  };
}
