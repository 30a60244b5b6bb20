import { type Policy, presets } from '@banli/core';
import fc from 'fast-check';

/**
 * Valid handling policies: one of the presets with its optional steps switched on or off and its caps varied
 * (countersignature, supervisor's review, co-opinions before drafting, extensions 0–2, re-handling rounds 0–2);
 * every value passes `PolicySchema`.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbPolicy(), (policy) => createBanli({ policy }) !== undefined));
 * ```
 */
export function arbPolicy(): fc.Arbitrary<Policy> {
  return fc
    .record({
      preset: fc.constantFrom(...(Object.keys(presets) as (keyof typeof presets)[])),
      requireCountersign: fc.boolean(),
      requireSupervisorReview: fc.boolean(),
      requireCoOpinionsBeforeDrafting: fc.boolean(),
      maxExtensions: fc.integer({ min: 0, max: 2 }),
      maxRehandlingRounds: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ preset, ...switches }) => ({
      ...presets[preset],
      id: `${presets[preset].id}-arb-${Object.values(switches).map(Number).join('')}`,
      ...switches,
    }));
}
