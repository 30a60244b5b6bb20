import { describe, expect, it } from 'vitest';
import { isPolicyRef, type Policy, policyHash, policyRef, presets } from '../src/index.js';

/** The same policy with every object's keys in reverse order. */
function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reordered(v)])) as T;
  }
  return value;
}

describe('policyRef', () => {
  it('should hash equal rules equally, whatever the key order', () => {
    const copy = reordered(presets.guangdongCity);
    expect(JSON.stringify(copy)).not.toBe(JSON.stringify(presets.guangdongCity));
    expect(policyHash(copy)).toBe(policyHash(presets.guangdongCity));
    expect(policyHash(presets.guangdongCity)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('should hash changed rules differently, and every preset apart', () => {
    const changed: Policy = { ...presets.guangdongCity, maxExtensions: presets.guangdongCity.maxExtensions + 1 };
    expect(policyHash(changed)).not.toBe(policyHash(presets.guangdongCity));
    const hashes = Object.values(presets).map((p) => policyHash(p));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('should tell a reference from a whole policy', () => {
    const ref = policyRef(presets.nationalNpc);
    expect(ref).toEqual({ id: presets.nationalNpc.id, hash: policyHash(presets.nationalNpc) });
    expect(isPolicyRef(ref)).toBe(true);
    expect(isPolicyRef(presets.nationalNpc)).toBe(false);
    expect(isPolicyRef({ id: 'x' })).toBe(false);
    expect(isPolicyRef(null)).toBe(false);
  });
});
