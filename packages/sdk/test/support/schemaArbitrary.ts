import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Inputs shaped by a zod schema, valid or nearly so: each field of a strict object present, absent or `undefined`
 * (optional or not), an unknown key now and then, strings from `strings` (real field values, which the schema's rules
 * accept, and broken ones) or arbitrary, numbers in and out of range, and now and then a value of the wrong type.
 * For comparing a parser with the schema (and the payload walk) on both sides of every rule.
 */
export function schemaArbitrary(schema: z.core.$ZodType, strings: StringPool): fc.Arbitrary<unknown> {
  const all = [...new Set([...strings.values()].flat())].filter((v): v is string => typeof v === 'string');
  const odd = fc.constantFrom('', ' ', 'a\u0000', '\uFEFFx', 'x\uD800', '字'.repeat(130));
  const text = (key: string) =>
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...(strings.get(key)?.filter((v) => typeof v === 'string') ?? all)) },
      { weight: 2, arbitrary: fc.constantFrom(...all) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: odd },
    );
  const wrong = fc.constantFrom<unknown>(null, 42, 1.5, true, 'x', [], {}, Number.NaN);
  const arb = (s: z.core.$ZodType, key: string): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 60, arbitrary: exact(s, key) }, { weight: 1, arbitrary: wrong });
  const exact = (s: z.core.$ZodType, key: string): fc.Arbitrary<unknown> => {
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    switch (def.type) {
      case 'string':
        return text(key);
      case 'number':
        return fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...(strings.get(key)?.filter((v) => typeof v === 'number') ?? [1])) },
          { weight: 2, arbitrary: fc.integer({ min: -2, max: 400 }) },
          { weight: 1, arbitrary: fc.constantFrom(0.5, 1e9, Number.POSITIVE_INFINITY) },
        );
      case 'boolean':
        return fc.boolean();
      case 'literal':
      case 'enum':
        return fc.constantFrom(...[...(s._zod.values ?? [])]);
      case 'optional':
        return fc.oneof(fc.constant(undefined), exact((def as unknown as z.core.$ZodOptionalDef).innerType, key));
      case 'array':
        return fc.oneof(
          {
            weight: 8,
            arbitrary: fc.array(arb((def as unknown as z.core.$ZodArrayDef).element, key), {
              minLength: 1,
              maxLength: 3,
            }),
          },
          { weight: 1, arbitrary: fc.constant([]) },
        );
      case 'union':
        return fc.oneof(...(def as unknown as z.core.$ZodUnionDef).options.map((o) => exact(o, key)));
      case 'object': {
        const shape = (def as unknown as z.core.$ZodObjectDef).shape;
        const fields = Object.keys(shape).map((key) =>
          fc.oneof(
            { weight: 60, arbitrary: arb(shape[key] as z.core.$ZodType, key).map((v) => [key, v] as const) },
            { weight: 1, arbitrary: fc.constant([key, undefined] as const) },
            { weight: 1, arbitrary: fc.constant(undefined) },
          ),
        );
        const extra = fc.oneof(
          { weight: 20, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom('junk', 'note', '__proto__') },
        );
        return fc.tuple(fc.tuple(...fields), extra).map(([entries, key]) => {
          const out: Record<string, unknown> = {};
          for (const e of entries) if (e) out[e[0]] = e[1];
          if (key !== null) Object.defineProperty(out, key, { value: 'x', enumerable: true, writable: true });
          return out;
        });
      }
      default:
        throw new Error(`schemaArbitrary: no generator for ${def.type}`);
    }
  };
  return exact(schema, '');
}

/** Strings and numbers a schema accepted, by the key they were found under (array items under the array's key). */
type StringPool = Map<string, (string | number)[]>;

/** Adds every string and number of a JSON value to a pool, by the key it was found under. */
export function addStrings(value: unknown, pool: StringPool = new Map(), key = ''): StringPool {
  if (typeof value === 'string' || typeof value === 'number') {
    const list = pool.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    pool.set(key, list);
  } else if (Array.isArray(value)) for (const v of value) addStrings(v, pool, key);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) addStrings(v, pool, k);
  return pool;
}
