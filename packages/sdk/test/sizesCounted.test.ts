import { fastLetterEventCounted, type LetterEventSizes } from '@banli/schemas';
import {
  sampleCoHandlingOpinion,
  sampleNpcReplyLetter,
  sampleWithheldReplyLetter,
  seedReplyLetter132402,
} from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type SizeLimits } from '../src/index.js';
import { eventAtBoundary } from '../src/input/boundary.js';
import { countedWithinSizeLimits, withinSizeLimits } from '../src/input/sizes.js';

// Issue 15: a letter event's fast parser counts the event's text as it reads it, and the boundary checks the size
// limits from those counts instead of reading a 20 KB letter again (`withinSizeLimits`). The counts must be the ones
// that pass reads: each is recovered here from `withinSizeLimits` itself, as the least limit it lets through, on
// real letters and on real letters whose strings are replaced by generated ones. A string the parser left uncounted
// shows as a count one short when that string grows by one character.

const HUGE = 1e12;
const OPEN: SizeLimits = {
  ...DEFAULT_LIMITS,
  textLength: HUGE,
  idLength: HUGE,
  letterLength: HUGE,
  payloadLength: HUGE,
  depth: HUGE,
};

/** The least value of `limit` that `withinSizeLimits` lets `input` through with (the others open). */
function least(input: unknown, limit: 'textLength' | 'idLength' | 'payloadLength' | 'depth'): number {
  let [lo, hi] = [0, 1 << 24];
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (withinSizeLimits(input, { ...OPEN, [limit]: mid }, true)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const event = (type: string, body: Record<string, unknown>) => ({ type, at: '2023-06-20', caseId: 'c1', ...body });
const samples = [
  event('reply.submitDraft', { letter: seedReplyLetter132402 }),
  event('reply.submitDraft', {
    letter: sampleNpcReplyLetter,
    mergedLetters: [sampleWithheldReplyLetter, seedReplyLetter132402],
  }),
  event('reply.submitDraft', { mergedLetters: [] }),
  event('followUp.reply', { letter: sampleWithheldReplyLetter }),
  event('followUp.reply', { mergedLetters: [sampleNpcReplyLetter] }),
  event('coUnit.submitOpinion', { opinion: sampleCoHandlingOpinion }),
  // Every kind of field read once more: a contact with an address and postcode, a printed 报 list, an issuing unit.
  event('reply.submitDraft', {
    letter: {
      ...seedReplyLetter132402,
      contacts: [{ ...seedReplyLetter132402.contacts?.[0], address: '中山市东区', postcode: '528403' }],
      reportTo: seedReplyLetter132402.copyTo,
    },
  }),
];

const fresh = (): LetterEventSizes => ({ text: -1, longest: -1, longestId: -1, levels: -1 });

function counts(input: unknown): LetterEventSizes | undefined {
  const sizes = fresh();
  return fastLetterEventCounted(input, sizes) === undefined ? undefined : sizes;
}

/** Expects the counts of `input` (which the parser accepts) to be the ones `withinSizeLimits` reads. */
function countsAsTheSizePass(input: unknown): LetterEventSizes {
  const sizes = counts(input) as LetterEventSizes;
  expect(sizes).toBeDefined();
  expect(sizes.text).toBe(least(input, 'payloadLength'));
  expect(sizes.longestId).toBe(least(input, 'idLength'));
  expect(sizes.longest).toBe(Math.max(least(input, 'textLength'), sizes.longestId));
  expect(sizes.levels).toBeGreaterThanOrEqual(least(input, 'depth'));
  return sizes;
}

/** Every path to a string in `value`. */
function stringPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...prefix, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...prefix, k]));
  return [];
}

/** A deep copy of `value` with the string at `path` replaced by `f` of it. */
function replaced(value: unknown, path: (string | number)[], f: (s: string) => string): unknown {
  if (path.length === 0) return f(value as string);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, f) : v));
  const o = value as Record<string, unknown>;
  return { ...o, [head]: replaced(o[head], rest, f) };
}

describe('fastLetterEventCounted', () => {
  it('should count the text of real letter events as the size pass does', () => {
    for (const e of samples) countsAsTheSizePass(e);
    // The deepest event the schema allows is as deep as its `levels` say: a merged letter's responses' paragraphs.
    expect(least(samples[1], 'depth')).toBe(6);
    expect(counts(samples[1])?.levels).toBe(6);
  });

  it('should count every string it reads: each string of a real event, one character longer, adds one', () => {
    let grown = 0;
    for (const e of samples) {
      const base = counts(e) as LetterEventSizes;
      for (const path of stringPaths(e)) {
        const longer = counts(replaced(e, path, (s) => `${s}x`));
        // A date, an enum or a document number one character longer is refused: nothing to count.
        if (longer === undefined) continue;
        grown++;
        expect(longer.text, `the string at ${path.join('.')}`).toBe(base.text + 1);
      }
    }
    expect(grown).toBeGreaterThan(250);
  });

  it('should count the text of real events whose strings are replaced by generated ones as the size pass does', () => {
    const text = fc.string({ minLength: 1, maxLength: 400, unit: 'grapheme' }).filter((s) => s.trim() !== '');
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), text), { minLength: 1, maxLength: 12 }),
        (e, swaps) => {
          const paths = stringPaths(e);
          const input = swaps.reduce<unknown>(
            (v, [n, s]) => replaced(v, paths[n % paths.length] as (string | number)[], () => s),
            e,
          );
          if (counts(input) === undefined) return;
          accepted++;
          countsAsTheSizePass(input);
        },
      ),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(40);
  });

  it('should say it did not count a printed document number its schema parses, so the length pass decides', () => {
    const { docNumber: _, ...rest } = seedReplyLetter132402;
    const printed = { text: '华建复〔2017〕05号', problems: ['doc_number_leading_zero'] };
    const e = event('reply.submitDraft', { letter: { ...rest, printedDocNumber: printed } });
    const sizes = counts(e) as LetterEventSizes;
    expect(sizes.text).toBe(Number.POSITIVE_INFINITY);
    expect(countedWithinSizeLimits(sizes, DEFAULT_LIMITS)).toBe(false);
    expect(withinSizeLimits(e, DEFAULT_LIMITS, true)).toBe(true);
  });
});

describe('countedWithinSizeLimits', () => {
  it('should let an event through only where withinSizeLimits does, and every real event under the defaults', () => {
    for (const e of samples) expect(countedWithinSizeLimits(counts(e) as LetterEventSizes, DEFAULT_LIMITS)).toBe(true);
    const limit = fc.integer({ min: 0, max: 30_000 });
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        limit,
        limit,
        limit,
        limit,
        fc.integer({ min: 0, max: 8 }),
        (e, textLength, idLength, letterLength, payloadLength, depth) => {
          const limits = { ...DEFAULT_LIMITS, textLength, idLength, letterLength, payloadLength, depth };
          if (countedWithinSizeLimits(counts(e) as LetterEventSizes, limits))
            expect(withinSizeLimits(e, limits, true)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('eventAtBoundary', () => {
  /** A letter event whose letter's title counts its reads (an enumerable getter on a plain object). */
  function watched(at: string | undefined) {
    let reads = 0;
    const letter = { ...seedReplyLetter132402 };
    Object.defineProperty(letter, 'title', {
      enumerable: true,
      get: () => {
        reads++;
        return seedReplyLetter132402.title;
      },
    });
    const e: Record<string, unknown> = { type: 'reply.submitDraft', caseId: 'c1', letter };
    if (at !== undefined) e.at = at;
    return { e, reads: () => reads };
  }

  it.each([
    ['with its date', '2023-06-20'],
    ['without a date (dated today)', undefined],
  ])('should read a letter event %s once, and parse it as its schema does', (_name, at) => {
    const w = watched(at);
    const checked = eventAtBoundary(DEFAULT_LIMITS, w.e, () => '2023-06-21');
    expect(checked.issues).toBeUndefined();
    expect(checked.event?.at).toBe(at ?? '2023-06-21');
    expect((checked.event as { letter?: { title?: string } }).letter?.title).toBe(seedReplyLetter132402.title);
    expect(w.reads()).toBe(1);
  });

  it('should still refuse an event without a date whose letter is over a limit, as the length pass does', () => {
    const w = watched(undefined);
    const limits = { ...DEFAULT_LIMITS, letterLength: 100 };
    expect(withinSizeLimits(w.e, limits, true)).toBe(false);
    expect(() => eventAtBoundary(limits, w.e, () => '2023-06-21')).toThrow(/100/u);
  });
});
