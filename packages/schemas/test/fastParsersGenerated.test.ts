import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, generateFastParsers, PARSERS, type ParserSpec } from '../scripts/genFastParsers.js';

// The letter fast parsers are generated from the schemas (scripts/genFastParsers.ts): the file in src must be what the
// generator writes now, so it cannot drift from the schemas or the generator. test/fastParseLetters.test.ts holds the
// parsers' answers to the schemas'.
const path = new URL(`../${GENERATED_PATH}`, import.meta.url);

describe(GENERATED_PATH, () => {
  it('should be what scripts/genFastParsers.ts writes from the schemas (`gen:fast-parsers` rewrites it)', () => {
    const generated = generateFastParsers();
    if (process.env.BANLI_WRITE_FAST_PARSERS === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});

describe('generateFastParsers', () => {
  const letter = PARSERS.find((p) => p.name === 'fastParseReplyLetter') as ParserSpec;
  const contact = PARSERS.find((p) => p.name === 'fastContact') as ParserSpec;
  const without = (spec: ParserSpec, change: Partial<ParserSpec>) =>
    PARSERS.map((p) => (p === spec ? { ...p, ...change } : p));

  it('should take each field from the schema: a field missing, added or out of order is an error', () => {
    const { imprint: _, ...missing } = letter.fields;
    expect(() => generateFastParsers(without(letter, { fields: missing }))).toThrow(/not ReplyLetterSchema's/);
    const added = { ...letter.fields, extra: 'fastText' };
    expect(() => generateFastParsers(without(letter, { fields: added }))).toThrow(/not ReplyLetterSchema's/);
    const { proposalId, ...rest } = letter.fields;
    const reordered = { ...rest, proposalId: proposalId as string };
    expect(() => generateFastParsers(without(letter, { fields: reordered }))).toThrow(/in its order/);
  });

  it('should refuse a schema whose rules are not named, and a leaf or object parser that does not fit', () => {
    expect(() => generateFastParsers(without(contact, { rules: undefined }))).toThrow(/has rules/);
    const unknownLeaf = { ...letter.fields, title: 'fastTitle' };
    expect(() => generateFastParsers(without(letter, { fields: unknownLeaf }))).toThrow(/no leaf parser fastTitle/);
    const objectForText = { ...letter.fields, title: 'fastImprint' };
    expect(() => generateFastParsers(without(letter, { fields: objectForText }))).toThrow(/parses an object/);
  });

  it('should write an optional field as read only when present, and keep an `undefined` key', () => {
    const text = generateFastParsers();
    expect(text).toContain("  } else if ('printDate' in i) o.printDate = undefined;\n");
    // A required field: parsed as read, no `in` test.
    expect(text).toContain(
      '  v = fastText(i.printedBy);\n  if (v === undefined) return undefined;\n  o.printedBy = v;\n',
    );
    // Bounds from the schema: `responses` has `.min(1)`, a letter's signatories none, an opinion's `.min(1)`.
    expect(text).toContain('const fastResponseMin1Array = fastArray(fastResponse, 1);');
    expect(text).toContain('const fastSignatoryArray = fastArray(fastSignatory);');
    expect(text).toContain('const fastSignatoryMin1Array = fastArray(fastSignatory, 1);');
  });
});
