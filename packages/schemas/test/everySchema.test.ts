import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BANLI_EVENT_TYPES, eventSchemaFor, LOCALES, publicSchemas, safeParseWith } from '../src/index.js';

const roots: [string, z.core.$ZodType][] = [
  ...Object.entries(publicSchemas),
  ...BANLI_EVENT_TYPES.map((t) => [t, eventSchemaFor(t)] as [string, z.core.$ZodType]),
];

const eventOf = (name: string) => ((BANLI_EVENT_TYPES as readonly string[]).includes(name) ? { type: name } : {});
const invalidInputs = (name: string) => [null, 42, 'x', [], {}, { ...eventOf(name), at: '2023-02-30', junk: true }];

describe('safeParseWith on every schema', () => {
  it.each(roots)('should reject invalid %s input with messages naming the field in both languages', (name, schema) => {
    for (const input of invalidInputs(name))
      for (const locale of LOCALES) {
        const r = safeParseWith(schema, input, locale);
        expect(r.success).toBe(false);
        if (r.success) continue;
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) {
          expect(issue.field.length).toBeGreaterThan(2);
          expect(issue.message.startsWith(issue.field)).toBe(true);
          expect(issue.message).not.toMatch(/undefined|\[object|Invalid input/);
        }
      }
  });
});
