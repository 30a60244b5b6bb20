import { describe, expect, it } from 'vitest';
import { rememberBounded } from '../src/internal/boundedMemo.js';
import { innerMap } from '../src/internal/innerMap.js';

// The bounded memos of core and the SDK (letter checks, deadline lists, tags, resolved states, state values, alerts,
// logged transitions) share one eviction helper; these pin each policy down, so a wrong eviction fails here.

const filled = (keys: string[]) => new Map(keys.map((k) => [k, k.toUpperCase()]));

describe('rememberBounded', () => {
  it("should forget only the key added first when a new key meets a full memo, with 'oldest'", () => {
    const memo = filled(['a', 'b', 'c']);
    expect(rememberBounded(memo, 'd', 'D', 3, 'oldest')).toBe('D');
    expect([...memo]).toStrictEqual([
      ['b', 'B'],
      ['c', 'C'],
      ['d', 'D'],
    ]);
    // Insertion order, not use: a key set again keeps its place, so 'b' is still the oldest.
    rememberBounded(memo, 'b', 'B2', 3, 'oldest');
    rememberBounded(memo, 'e', 'E', 3, 'oldest');
    expect([...memo.keys()]).toStrictEqual(['c', 'd', 'e']);
  });

  it("should forget every key when a new key meets a full memo, with 'all'", () => {
    const memo = filled(['a', 'b', 'c']);
    expect(rememberBounded(memo, 'd', 'D', 3, 'all')).toBe('D');
    expect([...memo]).toStrictEqual([['d', 'D']]);
  });

  it('should replace a key it holds in place, and forget nothing, when full', () => {
    for (const eviction of ['oldest', 'all'] as const) {
      const memo = filled(['a', 'b', 'c']);
      rememberBounded(memo, 'c', 'C2', 3, eviction);
      expect([...memo]).toStrictEqual([
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C2'],
      ]);
    }
  });

  it('should forget nothing below its bound, and hold at most the bound', () => {
    for (const eviction of ['oldest', 'all'] as const) {
      const memo = new Map<number, number>();
      const sizes: number[] = [];
      for (let i = 0; i < 10; i++) {
        rememberBounded(memo, i, i * 2, 4, eviction);
        sizes.push(memo.size);
        expect(memo.get(i)).toBe(i * 2);
      }
      expect(sizes).toStrictEqual(
        eviction === 'oldest' ? [1, 2, 3, 4, 4, 4, 4, 4, 4, 4] : [1, 2, 3, 4, 1, 2, 3, 4, 1, 2],
      );
      if (eviction === 'oldest') expect([...memo.keys()]).toStrictEqual([6, 7, 8, 9]);
    }
  });
});

describe('innerMap', () => {
  it('should make and add the inner map once, then hand back the same map', () => {
    const outer = new Map<string, Map<string, number>>();
    const inner = innerMap(outer, 'x');
    expect(outer.get('x')).toBe(inner);
    inner.set('k', 1);
    expect(innerMap(outer, 'x')).toBe(inner);
    expect(innerMap(outer, 'y')).not.toBe(inner);
    expect([...outer.keys()]).toStrictEqual(['x', 'y']);
    const weak = new WeakMap<object, Map<string, number>>();
    const key = {};
    expect(innerMap(weak, key)).toBe(weak.get(key));
  });
});
