import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from '../src/index.js';
import { jsonSchemas, publicSchemas } from '../src/index.js';

type Json = { [k: string]: unknown };

describe('jsonSchemas', () => {
  const all = jsonSchemas();

  it('should convert every public schema', () => {
    expect(Object.keys(all).sort()).toEqual(Object.keys(publicSchemas).sort());
  });

  it('should convert every exported schema, including each event', () => {
    const exported = Object.entries(api).filter(([name]) => name.endsWith('Schema'));
    expect(exported.length).toBeGreaterThan(60);
    for (const [name, schema] of exported) expect(() => z.toJSONSchema(schema as z.ZodType), name).not.toThrow();
  });

  it('should describe the document number with the strict pattern and bilingual labels', () => {
    expect(all.DocNumber).toMatchObject({
      type: 'string',
      pattern: '^\\S+?〔\\d{4}〕[1-9]\\d*号$',
      'x-label': { 'zh-CN': '发文字号', en: 'Document number' },
    });
  });

  it('should mark dates with format date and a pattern', () => {
    expect(all.IsoDate).toMatchObject({ type: 'string', format: 'date', pattern: '^(\\d{4})-(\\d{2})-(\\d{2})$' });
  });

  it('should require nothing a real letter may omit and forbid unknown fields on the reply letter', () => {
    const letter = all.ReplyLetter as Json;
    // Issue 15: township letters print no document number, many no class, contact or 版记.
    expect(letter.required ?? []).toEqual([]);
    expect(Object.keys(letter.properties as Json)).toEqual(
      expect.arrayContaining(['docNumber', 'printedDocNumber', 'classGrade', 'signatories', 'contacts', 'reportTo']),
    );
    expect(letter.additionalProperties).toBe(false);
    expect((letter.properties as Json).class).toMatchObject({ enum: ['A', 'B', 'C', 'D'] });
  });

  it('should express the event union as oneOf with a const type per event', () => {
    const event = all.BanliEvent as { oneOf: { properties: { type: { const: string } } }[] };
    expect(event.oneOf.map((o) => o.properties.type.const)).toEqual([...api.BANLI_EVENT_TYPES]);
  });

  it('should handle the recursive deadline rule', () => {
    const text = JSON.stringify(all.DeadlineRule);
    expect(text).toContain('"const":"earliest"');
    expect(text).toContain('"$ref"');
  });
});
