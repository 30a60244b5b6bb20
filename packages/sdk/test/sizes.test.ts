import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type SizeLimits } from '../src/index.js';
import { ARG } from '../src/input/options.js';
import { checkPayloadShape } from '../src/input/payload.js';
import { withinSizeLimits } from '../src/input/sizes.js';

// Issue 15: an event carrying letters is parsed by hand before the payload walk, and its sizes are then counted in one
// pass that reads lengths only. That pass must say "within the limits" exactly when the walk finds no problem on plain
// JSON data (else it runs the walk, which names the problem); on anything else it must never say so.

const SMALL: SizeLimits = {
  ...DEFAULT_LIMITS,
  textLength: 12,
  idLength: 5,
  letterLength: 40,
  payloadLength: 90,
  depth: 4,
};
const walkFinds = (value: unknown, limits: SizeLimits) => {
  try {
    checkPayloadShape(value, limits, ARG.event, { letter: true });
    return false;
  } catch {
    return true;
  }
};

const key = fc.constantFrom('letter', 'id', 'caseId', 'body', 'text', 'mergedLetters', 'aVeryLongKeyName', 'x');
const leaf = fc.oneof(
  fc.string({ maxLength: 14 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
}));
const payload = fc.dictionary(key, tree, { maxKeys: 5 });

describe('withinSizeLimits', () => {
  it('should agree with the payload walk on plain JSON data', () => {
    let within = 0;
    fc.assert(
      fc.property(payload, (value) => {
        const fits = withinSizeLimits(value, SMALL, true);
        expect(fits).toBe(!walkFinds(value, SMALL));
        if (fits) within++;
      }),
      { numRuns: 3000 },
    );
    expect(within).toBeGreaterThan(100);
  });

  it('should count the letter apart, without its key, and ids against the id limit', () => {
    const limits = { ...SMALL, payloadLength: 1000, textLength: 13 };
    expect(withinSizeLimits({ letter: { body: ['a'.repeat(12), 'b'.repeat(12), 'c'.repeat(12)] } }, limits, true)).toBe(
      true,
    );
    expect(
      withinSizeLimits({ letter: { body: ['a'.repeat(12), 'b'.repeat(12), 'c'.repeat(12), 'd'] } }, limits, true),
    ).toBe(false);
    expect(
      withinSizeLimits({ mergedLetters: [{ body: ['a'.repeat(12), 'b'.repeat(12), 'c'.repeat(12)] }] }, limits, true),
    ).toBe(true);
    expect(withinSizeLimits({ caseId: 'abcdef' }, limits, true)).toBe(false);
    expect(withinSizeLimits({ caseId: 'abcde', ids: ['abcdefgh'] }, limits, true)).toBe(true);
  });

  it('should never say a payload that is not plain JSON data fits (the walk refuses the objects among them)', () => {
    const cyclic: Record<string, unknown> = { a: 'x' };
    cyclic.self = cyclic;
    for (const value of [
      cyclic,
      { when: new Date(0) },
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { f: () => 1 },
      { b: 1n },
      { s: Symbol('x') },
      new Map(),
    ]) {
      expect(withinSizeLimits(value, DEFAULT_LIMITS, true)).toBe(false);
      expect(walkFinds(value, DEFAULT_LIMITS)).toBe(true);
    }
    for (const value of [['a'], 'text', null]) {
      expect(withinSizeLimits(value, DEFAULT_LIMITS, true)).toBe(false);
    }
  });
});
