import type { z } from 'zod';

type Schema = z.core.$ZodType;
type Def = {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  left?: Schema;
  right?: Schema;
};

const def = (s: Schema) => s._zod.def as unknown as Def;

/** Looks through wrappers (optional, nullable, default, readonly, lazy, pipe…) to the schema that holds the shape. */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 16; i += 1) {
    const d = def(s);
    // A lazy schema caches its inner schema on `_zod.innerType`; calling the getter again would build a new one.
    const lazyInner = d.type === 'lazy' ? (s._zod as unknown as { innerType?: Schema }).innerType : undefined;
    const next = d.innerType ?? lazyInner ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) return s;
    s = next;
  }
  return s;
}

const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null;

/** Reads the value at one path segment of the input, if there is one. */
export function step(input: unknown, key: PropertyKey): unknown {
  return isObject(input) ? input[key] : undefined;
}

function literalValues(schema: Schema | undefined): unknown[] {
  if (!schema) return [];
  const d = unwrap(schema)._zod.def as unknown as { values?: unknown[] };
  return d.values ?? [];
}

/** Returns the schema of one child (property, element, option member), choosing union options by the input. */
export function childSchema(schema: Schema, key: PropertyKey, input: unknown): Schema | undefined {
  const s = unwrap(schema);
  const d = def(s);
  switch (d.type) {
    case 'object':
      return typeof key === 'string' ? d.shape?.[key] : undefined;
    case 'array':
      return d.element;
    case 'tuple':
      return typeof key === 'number' ? d.items?.[key] : undefined;
    case 'record':
      return d.valueType;
    case 'intersection':
      return (d.left && childSchema(d.left, key, input)) ?? (d.right && childSchema(d.right, key, input));
    case 'union': {
      const options = d.options ?? [];
      const disc = d.discriminator;
      if (disc && isObject(input)) {
        const chosen = options.find((o) => literalValues(def(unwrap(o)).shape?.[disc]).includes(input[disc]));
        if (chosen) return childSchema(chosen, key, input);
      }
      for (const o of options) {
        const c = childSchema(o, key, input);
        if (c) return c;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Resolves a discriminated union to the option the input selects (other schemas are returned as they are). */
export function selectOption(schema: Schema, input: unknown): Schema {
  const d = def(unwrap(schema));
  if (d.type !== 'union' || !d.discriminator || !isObject(input)) return schema;
  const disc = d.discriminator;
  return (d.options ?? []).find((o) => literalValues(def(unwrap(o)).shape?.[disc]).includes(input[disc])) ?? schema;
}
