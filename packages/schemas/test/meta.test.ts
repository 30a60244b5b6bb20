import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BANLI_EVENT_TYPES, BilingualSchema, eventSchemaFor, getLabel, getMeta, publicSchemas } from '../src/index.js';
import { unwrap } from '../src/messages/schemaPath.js';

type Schema = z.core.$ZodType;
type Def = { type: string; shape?: Record<string, Schema>; element?: Schema; options?: Schema[] };

/** Walks a schema and yields every object property (with its path) and every union member. */
function* walk(schema: Schema, path: string, seen = new Set<Schema>()): Generator<[string, Schema]> {
  const inner = unwrap(schema);
  if (seen.has(inner)) return;
  seen.add(inner);
  const def = inner._zod.def as unknown as Def;
  if (def.type === 'object')
    for (const [key, child] of Object.entries(def.shape ?? {})) {
      yield [`${path}.${key}`, child];
      yield* walk(child, `${path}.${key}`, seen);
    }
  if (def.type === 'array' && def.element) yield* walk(def.element, `${path}[]`, seen);
  if (def.type === 'union') for (const o of def.options ?? []) yield* walk(o, `${path}|`, seen);
}

const isLabel = (v: unknown) => BilingualSchema.safeParse(v).success;

describe('getMeta', () => {
  it.each(Object.entries(publicSchemas))('should find bilingual title and description on %s', (_, schema) => {
    const meta = getMeta(schema);
    expect(isLabel(meta?.['x-label'])).toBe(true);
    expect(isLabel(meta?.['x-description'])).toBe(true);
    expect(meta?.title).toBe(meta?.['x-label'].en);
    expect(meta?.description).toBe(meta?.['x-description'].en);
  });

  it('should find bilingual metadata on every field of every public schema and event', () => {
    const roots = [...Object.entries(publicSchemas), ...BANLI_EVENT_TYPES.map((t) => [t, eventSchemaFor(t)] as const)];
    const missing: string[] = [];
    let visited = 0;
    for (const [name, root] of roots)
      for (const [path, field] of walk(root, name)) {
        visited += 1;
        const meta = getMeta(field);
        if (!isLabel(meta?.['x-label']) || !isLabel(meta?.['x-description'])) missing.push(path);
      }
    expect(visited).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('should keep enum labels for every enum value', () => {
    for (const schema of Object.values(publicSchemas)) {
      const def = unwrap(schema)._zod.def as unknown as { type: string; entries?: Record<string, string> };
      if (def.type !== 'enum') continue;
      const labels = getMeta(schema)?.['x-enumLabels'] ?? {};
      expect(Object.keys(labels).sort()).toEqual(Object.keys(def.entries ?? {}).sort());
      for (const l of Object.values(labels)) expect(isLabel(l)).toBe(true);
    }
  });
});

describe('getLabel', () => {
  it('should look through optional wrappers', () => {
    expect(getLabel(publicSchemas.Proposal.shape.key)).toEqual({ 'zh-CN': '重点提案', en: 'Key item' });
  });

  it('should mark internal events in their metadata', () => {
    expect(getMeta(eventSchemaFor('case.replied'))?.['x-internal']).toBe(true);
    expect(getMeta(eventSchemaFor('case.accept'))?.['x-internal']).toBeUndefined();
  });
});
