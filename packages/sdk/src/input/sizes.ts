import type { SizeLimits } from '../limits.js';

/** Running totals of a payload's text, as the payload walk counts it. */
interface Tally {
  total: number;
  letter: number;
  inLetter: boolean;
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
  const tally: Tally = { total: 0, letter: 0, inLetter: false };
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !plain(value)) return false;
  if (limits.depth <= 0) return false;
  // `for…in`, not `Object.keys`: no array of keys per object (issue 15). It also yields inherited enumerable keys (a
  // polluted `Object.prototype`), which can only make this pass count more and answer `false`: then the walk decides.
  for (const key in value) {
    // The walk counts the key `letter` itself in the payload's total, not in the letter's.
    tally.inLetter = false;
    if (!fitsKey(key, limits, tally)) return false;
    tally.inLetter = letter && key === 'letter';
    if (!fits((value as Record<string, unknown>)[key], isIdKey(key), 1, limits, tally)) return false;
  }
  return tally.total <= limits.payloadLength && tally.letter <= limits.letterLength;
}

const isIdKey = (key: string) => key === 'id' || key.endsWith('Id');

function plain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function fitsKey(key: string, limits: SizeLimits, tally: Tally): boolean {
  tally.total += key.length;
  if (tally.inLetter) tally.letter += key.length;
  return key.length <= limits.textLength;
}

function fits(value: unknown, id: boolean, depth: number, limits: SizeLimits, tally: Tally): boolean {
  switch (typeof value) {
    case 'string':
      tally.total += value.length;
      if (tally.inLetter) tally.letter += value.length;
      return value.length <= (id ? limits.idLength : limits.textLength);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
    case 'undefined':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= limits.depth) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!fits(value[i], false, depth + 1, limits, tally)) return false;
    return true;
  }
  if (!plain(value)) return false;
  for (const key in value) {
    if (!fitsKey(key, limits, tally)) return false;
    if (!fits((value as Record<string, unknown>)[key], isIdKey(key), depth + 1, limits, tally)) return false;
  }
  return true;
}
