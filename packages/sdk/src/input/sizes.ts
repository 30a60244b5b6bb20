import type { LetterEventSizes } from '@banli/schemas';
import type { SizeLimits } from '../limits.js';
import { isIdKey } from './idKey.js';

/**
 * Whether a letter event's sizes, as its fast parser counted them while reading it (`fastLetterEventCounted`), are
 * within the limits {@link withinSizeLimits} checks, so the event need not be read again (issue 15). It answers
 * `true` only where that pass would: every string and key within `limits.textLength` and every id within
 * `limits.idLength` (the longest of all is held to the text length too), the whole text within
 * `limits.payloadLength` and, standing for the letter's own, within `limits.letterLength`, and the deepest nesting
 * the event's schema allows within `limits.depth`. Where it answers `false`, run `withinSizeLimits`, which decides.
 */
export function countedWithinSizeLimits(sizes: LetterEventSizes, limits: SizeLimits): boolean {
  return (
    sizes.levels <= limits.depth &&
    sizes.longest <= limits.textLength &&
    sizes.longestId <= limits.idLength &&
    sizes.text <= limits.payloadLength &&
    sizes.text <= limits.letterLength
  );
}

/**
 * Whether a payload is within the size limits the payload walk (`checkPayload`) holds it to, counted in one pass that
 * only reads lengths: each string within `limits.textLength` (`limits.idLength` under an `id` or `…Id` key), each key
 * within `limits.textLength`, objects and lists no deeper than `limits.depth`, all text and keys within
 * `limits.payloadLength`, and (with `letter`) those under the top-level `letter` within `limits.letterLength`. For a
 * payload a hand-written parser has accepted (issue 15: a 20 KB letter), so it is plain JSON data; anything else
 * (a class instance, a function, a non-finite number) answers `false`, as does any limit reached. On `false` the
 * caller runs the walk, which names the problem, so a payload is refused exactly as before.
 */
export function withinSizeLimits(value: unknown, limits: SizeLimits, letter: boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !plain(value)) return false;
  if (limits.depth <= 0) return false;
  let total = 0;
  let inLetter = 0;
  // `for…in`, not `Object.keys`: no array of keys per object (issue 15). It also yields inherited enumerable keys (a
  // polluted `Object.prototype`), which can only make this pass count more and answer `false`: then the walk decides.
  for (const key in value) {
    if (key.length > limits.textLength) return false;
    const text = textIn((value as Record<string, unknown>)[key], key, 1, limits);
    if (text < 0) return false;
    // The walk counts the key `letter` itself in the payload's total, not in the letter's.
    total += key.length + text;
    if (letter && key === 'letter') inLetter += text;
  }
  return total <= limits.payloadLength && inLetter <= limits.letterLength;
}

function plain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The characters of text in `value` (its strings, and the keys of the objects within it) as the walk counts them, or
 * -1 when a limit is reached or `value` is not plain JSON data; `key` is the key it is held under (an id's string is
 * held to `limits.idLength`), `undefined` in a list. Counts are returned, not kept in a tally, so nothing is written
 * per string (issue 15: a 20 KB letter's 80 strings and 150 keys).
 */
function textIn(value: unknown, key: string | undefined, depth: number, limits: SizeLimits): number {
  switch (typeof value) {
    case 'string':
      return value.length <= (isIdKey(key) ? limits.idLength : limits.textLength) ? value.length : -1;
    case 'number':
      return Number.isFinite(value) ? 0 : -1;
    case 'boolean':
    case 'undefined':
      return 0;
    case 'object':
      break;
    default:
      return -1;
  }
  if (value === null) return 0;
  if (depth >= limits.depth) return -1;
  let text = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = textIn(value[i], undefined, depth + 1, limits);
      if (item < 0) return -1;
      text += item;
    }
    return text;
  }
  if (!plain(value)) return -1;
  for (const k in value) {
    if (k.length > limits.textLength) return -1;
    const field = textIn((value as Record<string, unknown>)[k], k, depth + 1, limits);
    if (field < 0) return -1;
    text += k.length + field;
  }
  return text;
}
