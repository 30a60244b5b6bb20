import { describe, expect, it } from 'vitest';
import { pairedStat, removedShare, rotated, runRounds } from '../src/runner.js';

describe('rotated', () => {
  it('should shift the order by one each round, so every variant runs first once per cycle', () => {
    const keys = ['a', 'b', 'c'];
    expect([0, 1, 2, 3].map((r) => rotated(keys, r).join(''))).toEqual(['abc', 'bca', 'cab', 'abc']);
    expect(rotated([], 5)).toEqual([]);
  });
});

describe('runRounds', () => {
  it('should run every variant once per round in the rotated order and align samples by round', async () => {
    const calls: string[] = [];
    const samples = await runRounds(['a', 'b', 'c'] as const, 3, async (k, r) => {
      calls.push(`${k}${r}`);
      return `${k}${r}`;
    });
    expect(calls).toEqual(['a0', 'b0', 'c0', 'b1', 'c1', 'a1', 'c2', 'a2', 'b2']);
    expect(samples).toEqual({ a: ['a0', 'a1', 'a2'], b: ['b0', 'b1', 'b2'], c: ['c0', 'c1', 'c2'] });
  });
});

describe('pairedStat', () => {
  it('should take the median of ratios paired round by round, not the ratio of medians', () => {
    // Medians are 20 and 10 (ratio 2), but round by round the ratios are 1, 1 and 4.
    const a = [10, 20, 40];
    const b = [10, 20, 10];
    expect(pairedStat(a, b)).toEqual({ median: 1, min: 1, max: 4, runs: 3 });
  });

  it('should refuse samples that are not paired', () => {
    expect(() => pairedStat([1, 2], [1])).toThrow(/2 samples against 1/u);
    expect(() => pairedStat([], [])).toThrow(/no samples/u);
  });

  it('should give the share of a removed part in percent, paired', () => {
    // Whole 100 µs, without the part 90 µs: 10%; the next round 200 against 150: 25%.
    expect(removedShare([100, 200], [90, 150])).toEqual({ median: 17.5, min: 10, max: 25, runs: 2 });
  });
});
