import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { duplicates } from '../src/internal/fields.js';
import { isRealIsoDate } from '../src/isoDate.js';

// Issue 15: every letter a command submits has its dates read (the event's, the letter's, its imprint's) and its
// suggestion ids compared. Both are read without building anything a short input does not need: a date digit by digit
// (no regular expression, so no match array and no substrings), a short list of ids pairwise (no sets). Their answers
// are held to the definitions they replace.

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('isRealIsoDate', () => {
  // The shape it was first checked with, before the days of the month were counted.
  const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const spec = (value: string) => {
    const m = SHAPE.exec(value);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return d <= (mo === 2 && leap ? 29 : (DAYS[mo - 1] as number));
  };

  it('should read a date without a regular expression', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const test = vi.spyOn(RegExp.prototype, 'test');
    for (const value of ['2023-06-20', '2024-02-29', '2023-02-29', '2023-6-20', '２０２３-06-20'])
      expect(isRealIsoDate(value)).toBe(value === '2023-06-20' || value === '2024-02-29');
    expect(exec).not.toHaveBeenCalled();
    expect(test).not.toHaveBeenCalled();
  });

  it('should answer as the regular expression and the month lengths on strings near the shape', () => {
    // Ten characters from digits, dashes and what a careless reading would take for them (fullwidth and Arabic-Indic
    // digits, a sign, a space, a newline at the end), and shorter or longer strings.
    const char = fc.constantFrom(...'0123456789-0123456789-１２٣+ \n');
    fc.assert(
      fc.property(fc.array(char, { minLength: 8, maxLength: 12 }), (chars) => {
        const value = chars.join('');
        expect(isRealIsoDate(value)).toBe(spec(value));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('duplicates', () => {
  // The definition it had: two sets.
  const spec = (values: readonly string[]) => {
    const seen = new Set<string>();
    const dup = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) dup.add(v);
      seen.add(v);
    }
    return [...dup];
  };

  it('should compare a short list pairwise, building no set', () => {
    let built = 0;
    vi.stubGlobal(
      'Set',
      class extends Set<unknown> {
        constructor(values?: Iterable<unknown>) {
          super(values);
          built++;
        }
      },
    );
    expect(duplicates(['S1', 'S2', 'S1', 'S3', 'S2', 'S1'])).toEqual(['S1', 'S2']);
    expect(duplicates(['S1', 'S2', 'S3'])).toEqual([]);
    expect(built).toBe(0);
  });

  it('should find what the two sets found, in their order, in short and long lists', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'S1', 'S2'), { maxLength: 40 }), (values) => {
        expect(duplicates(values)).toEqual(spec(values));
      }),
      { numRuns: 3000 },
    );
  });
});
