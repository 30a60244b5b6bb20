/**
 * Characters no banli text may contain, whatever the store: PostgreSQL refuses NUL bytes (SQLSTATE 22021) and lone
 * surrogates in `jsonb` (22P05), and PGlite strips a leading U+FEFF from returned text (so an id starting with one
 * would come back different). The schemas, not the database, decide what is valid; this is the one definition.
 */
export type TextRuleViolation = 'nul_character' | 'lone_surrogate' | 'leading_bom';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// `String.prototype.isWellFormed` (ES2024; Node ≥ 20) answers the lone-surrogate question natively, about six times
// faster than the look-around regex on letter-sized text (apps/bench §8); the regex stays for runtimes without it.
const hasWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function';

// Most text has neither a NUL nor any surrogate: one scan settles both, where `includes` and `isWellFormed` are two
// (a 20 KB letter's paragraphs are read here once per command, issues 15 and 19). The scan matches the whole string
// against the characters no rule looks at, anchored at both ends, which V8 runs as one tight loop: over the 20 KB
// letter's 80 strings 5.4 µs against 7.5 µs for a search for the first NUL or surrogate (0.72, one process, medians
// of six rounds). Not a `u` regex: it must see the code units of a surrogate pair, which take the exact checks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0001 bounds the range that leaves out the NUL.
const NO_NUL_OR_SURROGATE = /^[\u0001-\uD7FF\uE000-\uFFFF]*$/;

// A string this short is read by a plain loop instead: a call into the regex engine costs more than reading a few
// characters, and most of a letter's strings are short (56 of the 20 KB letter's 80 have 16 characters or fewer:
// names, titles, numbers, dates; issue 15).
const SHORT = 16;

// Whether a string has a NUL or any surrogate (the characters `NO_NUL_OR_SURROGATE` leaves out), read code unit by
// code unit: U+D800–U+DFFF are the code units whose top five bits are 11011.
function hasNulOrSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || (c & 0xf800) === 0xd800) return true;
  }
  return false;
}

/** The rule a string breaks, if any: a NUL character, a lone UTF-16 surrogate, or a leading byte-order mark. */
export function textRuleViolation(value: string): TextRuleViolation | undefined {
  if (value.length <= SHORT ? hasNulOrSurrogate(value) : !NO_NUL_OR_SURROGATE.test(value)) {
    if (value.includes('\u0000')) return 'nul_character';
    if (hasWellFormed ? !(value as unknown as { isWellFormed(): boolean }).isWellFormed() : LONE_SURROGATE.test(value))
      return 'lone_surrogate';
  }
  if (value.charCodeAt(0) === 0xfeff) return 'leading_bom';
  return undefined;
}

/** How many characters of a bad value an error message may quote. */
export const QUOTED_PREFIX_LENGTH = 40;

/** A bad value as quoted in messages: at most {@link QUOTED_PREFIX_LENGTH} characters, then `…` and the full length. */
export function quotePrefix(value: string): string {
  if (value.length <= QUOTED_PREFIX_LENGTH) return value;
  // Never cut a surrogate pair in half: the message itself must be well-formed text.
  let end = QUOTED_PREFIX_LENGTH;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…(${value.length})`;
}
