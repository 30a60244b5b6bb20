import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CoHandlingOpinionSchema,
  ContactSchema,
  DocNumberSchema,
  eventSchemaFor,
  FAST_PARSED_EVENT_TYPES,
  type FastParse,
  fastLetterEventParser,
  fastParseCoHandlingOpinion,
  fastParseReplyLetter,
  IsoDateSchema,
  RecipientListSchema,
  ReplyLetterSchema,
  ResponseSchema,
  sampleCoHandlingOpinion,
  sampleNpcReplyLetter,
  sampleWithheldReplyLetter,
  seedReplyLetter132402,
  UnitSchema,
} from '../src/index.js';
import { fastDocNumber, fastIsoDate } from '../src/internal/fastLetterLeaves.js';
import { fastContact, fastRecipientList } from '../src/internal/fastParsers.generated.js';
import { fastText } from '../src/internal/fields.js';
import { isRealIsoDate } from '../src/isoDate.js';
import { textRuleViolation } from '../src/textRules.js';
import { collectedLetters } from './support/readerAccuracy.js';

// Issues 15 and 19: letters are parsed by hand-written parsers instead of zod (a 20 KB letter's zod parse was most of
// `reply.submitDraft`). A fast parser must agree with its schema: whatever it accepts, zod accepts with the same
// output (same values, `undefined` keys and key order); whatever zod accepts among plain JSON letters, it accepts too
// (else it would only be slow). Checked on the real letters, on generated letters, and on letters broken in one to
// three places.

/** The keys of every object, depth first, in order: `toStrictEqual` does not compare key order, JSON does. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return typeof value;
}

/** Expects the fast parser to answer as the schema does on `input`. */
function agrees<T>(fast: FastParse<T>, schema: z.ZodType, input: unknown): boolean {
  const zod = schema.safeParse(input);
  const mine = fast(input);
  if (mine === undefined) {
    expect(zod.success, `zod accepts what the fast parser refused: ${JSON.stringify(input)?.slice(0, 300)}`).toBe(
      false,
    );
    return false;
  }
  expect(zod.success, `the fast parser accepts what zod refuses: ${JSON.stringify(input)?.slice(0, 300)}`).toBe(true);
  expect(mine).toStrictEqual(zod.data);
  expect(keyOrder(mine)).toEqual(keyOrder(zod.data));
  // A new object, as zod's: the caller's input is not kept.
  if (typeof input === 'object' && input !== null) expect(mine).not.toBe(input);
  return true;
}

// Strings that break a rule, or nearly do.
const badStrings = ['', '   ', '\u3000', 'a\u0000b', '\uD800x', 'x\uDC00', '\uFEFFx', '\n', '\t中'];
const nearStrings = ['x\uFEFF', ' a ', '😀', '\uD83D\uDE00', '中\u0001文', 'a\u2028b'];
const anyText = fc.oneof(
  fc.constantFrom(...badStrings, ...nearStrings),
  fc.string({ minLength: 0, maxLength: 12, unit: 'binary' }),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
);
const goodText = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => s.trim() !== '');

// Values that are wrong somewhere (or right in some other field): types, dates, numbers, document numbers, emails.
const oddValues: unknown[] = [
  ...badStrings,
  ...nearStrings,
  null,
  undefined,
  0,
  1,
  9,
  10,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  true,
  [],
  [''],
  ['a', 'a'],
  {},
  { text: 'x' },
  new Date('2023-01-01'),
  '2023-02-29',
  '2024-02-29',
  '2023-2-1',
  '2023-06-30\n',
  '中商务电函〔2023〕12号',
  '建议字:〔2023〕8号',
  '中商务电函〔2023〕012号',
  '中商务电函[2023]12号',
  'dsk@zsboc.gov.cn',
  'not an email',
  '89892335',
  '0760-8989 2335转12',
  '528400',
  '52840',
  '、',
  '、、、',
  'A',
  'E',
  'proposal',
  'topRight',
  'adopted',
  'withheld',
  'signer',
];

/** A path into a value: every place a mutation may hit. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { kind: 'set' | 'delete' | 'extraKey' | 'undefinedKey'; pick: number; value: unknown; key: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'extraKey', 'undefinedKey'),
  pick: fc.nat(),
  value: fc.oneof(fc.constantFrom(...oddValues), anyText),
  key: fc.constantFrom('extra', 'class', 'text', 'name', 'body', 'id', '__proto__', 'constructor'),
});

/** A deep copy of `value` with one mutation applied at one of its places. */
function mutate(value: unknown, m: Mutation): unknown {
  const copy = structuredClone(value);
  const all = paths(copy);
  const path = all[m.pick % all.length] as (string | number)[];
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const target = parent[last];
  if (m.kind === 'set') parent[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
    Object.defineProperty(target, m.key, {
      value: m.kind === 'undefinedKey' ? undefined : 'x',
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else parent[last] = m.value;
  return copy;
}

const realLetters = [
  seedReplyLetter132402,
  sampleNpcReplyLetter,
  sampleWithheldReplyLetter,
  ...collectedLetters().map((l) => l.expected),
];

// Generated letters: parts of real letters recombined, with text of every kind where any text may go.
const part = <K extends string>(key: K) => {
  const values = realLetters.map((l) => (l as Record<string, unknown>)[key]).filter((v) => v !== undefined);
  return values.length > 0 ? fc.option(fc.constantFrom(...values), { nil: undefined }) : fc.constant(undefined);
};
const response = fc.record(
  {
    suggestionIds: fc.array(fc.constantFrom('s1', 's2', 's3', 's4', 's5'), { minLength: 1, maxLength: 2 }),
    heading: goodText,
    adoption: fc.constantFrom('adopted', 'partlyAdopted', 'planned', 'underStudy', 'forReference', 'notAdopted'),
    statement: goodText,
    body: fc.array(fc.oneof(goodText, anyText), { maxLength: 4 }),
  },
  { requiredKeys: ['body'] },
);
const letterArb = fc
  .record({
    proposalId: fc.option(goodText, { nil: undefined }),
    reference: part('reference'),
    docNumber: part('docNumber'),
    printedDocNumber: part('printedDocNumber'),
    class: fc.option(fc.constantFrom('A', 'B', 'C', 'D'), { nil: undefined }),
    classGrade: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    classMark: part('classMark'),
    letterhead: fc.option(anyText, { nil: undefined }),
    title: part('title'),
    addressees: fc.option(fc.array(goodText, { maxLength: 2 }), { nil: undefined }),
    greeting: fc.option(fc.array(goodText, { maxLength: 2 }), { nil: undefined }),
    opening: fc.option(goodText, { nil: undefined }),
    intro: fc.option(fc.array(goodText, { maxLength: 3 }), { nil: undefined }),
    responses: fc.option(fc.array(response, { minLength: 0, maxLength: 3 }), { nil: undefined }),
    body: fc.option(fc.array(goodText, { maxLength: 3 }), { nil: undefined }),
    closing: part('closing'),
    issuingUnit: part('issuingUnit'),
    coUnits: part('coUnits'),
    consultedUnits: part('consultedUnits'),
    signatories: part('signatories'),
    date: fc.option(fc.constantFrom('2023-06-30', '2017-05-26', '2008-06-19', '2023-02-29'), { nil: undefined }),
    dateText: part('dateText'),
    contacts: part('contacts'),
    disclosure: part('disclosure'),
    reportTo: part('reportTo'),
    copyTo: part('copyTo'),
    imprint: part('imprint'),
  })
  .map((l) => {
    // Absent, not `undefined`, for most optional fields (as real letters are); some keep an `undefined` key.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(l)) if (v !== undefined || k === 'letterhead') out[k] = v;
    return out;
  });

describe('fastParseReplyLetter', () => {
  it('should parse every real letter exactly as ReplyLetterSchema does', () => {
    expect(realLetters.length).toBeGreaterThanOrEqual(24);
    for (const letter of realLetters) expect(agrees(fastParseReplyLetter, ReplyLetterSchema, letter)).toBe(true);
  });

  it('should agree with ReplyLetterSchema on generated letters', () => {
    let accepted = 0;
    fc.assert(
      fc.property(letterArb, (letter) => {
        if (agrees(fastParseReplyLetter, ReplyLetterSchema, letter)) accepted++;
      }),
      { numRuns: 600 },
    );
    // The generator makes valid letters as well as invalid ones.
    expect(accepted).toBeGreaterThan(30);
  });

  it('should agree with ReplyLetterSchema on real letters broken in one to three places', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realLetters), fc.array(mutation, { minLength: 1, maxLength: 3 }), (letter, ms) => {
        agrees(fastParseReplyLetter, ReplyLetterSchema, ms.reduce<unknown>(mutate, letter));
      }),
      { numRuns: 2000 },
    );
  });

  it('should parse long lists (past the length it allocates up front) and refuse sparse ones, as zod does', () => {
    const long = { ...seedReplyLetter132402, body: Array.from({ length: 1500 }, (_, i) => `第${i + 1}段。`) };
    expect(agrees(fastParseReplyLetter, ReplyLetterSchema, long)).toBe(true);
    expect(fastParseReplyLetter(long)?.body).toHaveLength(1500);
    for (const length of [3, 1024, 1025, 99_999])
      expect(agrees(fastParseReplyLetter, ReplyLetterSchema, { ...seedReplyLetter132402, body: Array(length) })).toBe(
        false,
      );
  });

  it('should leave a letter of another prototype to zod, and return a new object for the same input', () => {
    const odd = Object.assign(Object.create({ inherited: true }), seedReplyLetter132402);
    expect(fastParseReplyLetter(odd)).toBeUndefined();
    const a = fastParseReplyLetter(seedReplyLetter132402);
    expect(a).toStrictEqual(fastParseReplyLetter(seedReplyLetter132402));
    expect(a?.responses).not.toBe(seedReplyLetter132402.responses);
  });
});

describe('fast parsers of the letter parts', () => {
  const cases: [string, FastParse<unknown>, z.ZodType][] = [
    ['text', fastText, ResponseSchema.shape.heading.unwrap()],
    ['date', fastIsoDate, IsoDateSchema],
    ['document number', fastDocNumber, DocNumberSchema],
  ];
  for (const [name, fast, schema] of cases)
    it(`should agree with the ${name} schema on any string`, () => {
      fc.assert(
        fc.property(fc.oneof(anyText, fc.constantFrom(...oddValues)), (value) => {
          agrees(fast, schema, value);
        }),
        { numRuns: 1500 },
      );
    });

  it('should agree with the document number schema on numbers near the rules (its shortcut included)', () => {
    // Pieces of document numbers that keep or break each rule of GB/T 9704 §7.2.5: the agency's characters (Han,
    // Latin, punctuation, white space, brackets), the year, the serial, 第 and 号. The fast parser takes a plain
    // number by a shortcut and leaves the rest to `checkDocNumber`: the shortcut must never pass a broken one.
    const agencyPiece = fc.constantFrom(
      '中',
      '商务',
      '电函',
      '〇',
      '々',
      '⺮',
      'ZF',
      'a',
      '1',
      '１',
      ':',
      '：',
      '、',
      '·',
      '-',
    );
    const odd = fc.constantFrom(
      '',
      ' ',
      '\u3000',
      '\n',
      '〔',
      '〕',
      '[',
      ']',
      '（',
      '）',
      '<',
      '>',
      '《',
      '第',
      '号',
      '號',
    );
    const agency = fc.array(fc.oneof(agencyPiece, agencyPiece, odd), { maxLength: 4 }).map((a) => a.join(''));
    const year = fc.constantFrom('2023', '２０２３', '202', '20230', '2O23', '');
    const serial = fc.constantFrom('8', '12', '012', '0', '00', '１２', '1234567890', '', '8a');
    const mostly = <T>(usual: T, other: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: fc.constant(usual), weight: 4 }, { arbitrary: other, weight: 1 });
    const number = fc
      .tuple(
        agency,
        mostly('〔', fc.constantFrom('[', '（')),
        mostly('2023', year),
        mostly('〕', fc.constantFrom(']', '）')),
        mostly('', odd),
        serial,
        mostly('', odd),
      )
      .map(([a, open, y, close, di, n, end]) => `${a}${open}${y}${close}${di}${n}${end === '' ? '号' : end}`);
    let conforming = 0;
    fc.assert(
      fc.property(number, (value) => {
        if (agrees(fastDocNumber, DocNumberSchema, value)) conforming++;
      }),
      { numRuns: 3000 },
    );
    expect(conforming).toBeGreaterThan(30);
    for (const value of [
      '中商务电函〔2023〕12号',
      '中〇〔2023〕1号',
      'ZF〔2023〕8号',
      '建议字:〔2023〕8号',
      '中商务电函〔2023〕012号',
    ])
      expect(fastDocNumber(value) !== undefined).toBe(DocNumberSchema.safeParse(value).success);
  });

  it('should agree with ContactSchema and RecipientListSchema on generated parts', () => {
    const contact = fc.record(
      {
        person: anyText,
        department: anyText,
        phone: fc.oneof(anyText, fc.constantFrom('89892335', '0760-89892335', '+86 (760) 8989-2335转123', '123')),
        maskedPhone: fc.oneof(anyText, fc.constantFrom('1582****162', '0871-6***8888', '****', '1582162', '1*2')),
        fax: fc.oneof(anyText, fc.constantFrom('0571-87813834', '87813834', '123')),
        email: fc.oneof(anyText, fc.constantFrom('dsk@zsboc.gov.cn', 'a@b', 'a.b@c.d.cn', '@x.cn')),
        address: anyText,
        postcode: fc.oneof(anyText, fc.constantFrom('528400', '５２８４００', '5284001')),
      },
      { requiredKeys: [] },
    );
    const list = fc.record(
      {
        recipients: fc.array(fc.record({ name: anyText, copies: fc.constantFrom(0, 1, 2, 1.5, undefined) }), {
          maxLength: 3,
        }),
        separator: fc.oneof(anyText, fc.constantFrom('、', '，', ' ', '😀', '😀😀', '、😀', 'abc')),
      },
      { requiredKeys: ['recipients'] },
    );
    fc.assert(
      fc.property(contact, list, (c, l) => {
        agrees(fastContact, ContactSchema, c);
        agrees(fastRecipientList, RecipientListSchema, l);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('textRuleViolation', () => {
  // The rules as first written (two scans), against which the one-scan form is checked.
  const spec = (value: string) => {
    if (value.includes('\u0000')) return 'nul_character';
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return 'lone_surrogate';
    if (value.charCodeAt(0) === 0xfeff) return 'leading_bom';
    return undefined;
  };
  it('should name the rule a string breaks, as its two-scan definition does', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 40 })), (value) => {
        expect(textRuleViolation(value)).toBe(spec(value));
      }),
      { numRuns: 3000 },
    );
    for (const value of [...badStrings, ...nearStrings, '\uFEFF\u0000', '\uD83D\uDE00\uD800', '\uDE00\uD83D'])
      expect(textRuleViolation(value)).toBe(spec(value));
  });
});

describe('isRealIsoDate', () => {
  // The definition it was first written with, by `Date`.
  const spec = (value: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  it('should answer as its Date-based definition on every kind of date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        (y, mo, d) => {
          const value = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
          expect(isRealIsoDate(value)).toBe(spec(value));
        },
      ),
      { numRuns: 5000 },
    );
    for (const value of [
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '0099-12-31',
      '0100-01-01',
      '2023-1-01',
    ])
      expect(isRealIsoDate(value)).toBe(spec(value));
  });
});

describe('fastParseCoHandlingOpinion', () => {
  it('should agree with CoHandlingOpinionSchema on the sample and on broken copies of it', () => {
    expect(agrees(fastParseCoHandlingOpinion, CoHandlingOpinionSchema, sampleCoHandlingOpinion)).toBe(true);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        agrees(
          fastParseCoHandlingOpinion,
          CoHandlingOpinionSchema,
          ms.reduce<unknown>(mutate, sampleCoHandlingOpinion),
        );
      }),
      { numRuns: 1500 },
    );
  });
});

describe('fastLetterEventParser', () => {
  const event = (type: string, body: Record<string, unknown>) => ({ type, at: '2023-06-20', caseId: 'c1', ...body });
  const samples = [
    event('reply.submitDraft', { letter: seedReplyLetter132402 }),
    event('reply.submitDraft', {
      letter: sampleNpcReplyLetter,
      mergedLetters: [sampleWithheldReplyLetter, seedReplyLetter132402],
    }),
    event('reply.submitDraft', { mergedLetters: [] }),
    event('followUp.reply', { letter: sampleWithheldReplyLetter }),
    event('followUp.reply', { mergedLetters: [sampleNpcReplyLetter] }),
    event('coUnit.submitOpinion', { opinion: sampleCoHandlingOpinion }),
  ];

  it('should parse the events that carry letters, and only those', () => {
    expect([...FAST_PARSED_EVENT_TYPES].sort()).toEqual([
      'coUnit.submitOpinion',
      'followUp.reply',
      'reply.submitDraft',
    ]);
    expect(fastLetterEventParser('signOff.approve')).toBeUndefined();
    expect(fastLetterEventParser('toString')).toBeUndefined();
    expect(fastLetterEventParser(undefined)).toBeUndefined();
    for (const e of samples) {
      const fast = fastLetterEventParser(e.type) as FastParse<unknown>;
      expect(agrees(fast, eventSchemaFor(e.type as never), e)).toBe(true);
    }
  });

  it('should agree with each event schema on broken events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 3 }), (e, ms) => {
        const broken = ms.reduce<unknown>(mutate, e);
        agrees(fastLetterEventParser(e.type) as FastParse<unknown>, eventSchemaFor(e.type as never), broken);
      }),
      { numRuns: 1500 },
    );
    // Another type's event is not this parser's: refused, as the schema refuses it.
    const other = { ...samples[0], type: 'followUp.reply' };
    agrees(
      fastLetterEventParser('reply.submitDraft') as FastParse<unknown>,
      eventSchemaFor('reply.submitDraft'),
      other,
    );
  });
});

/**
 * What a fast parser mirrors of a schema: object keys (in order), optional or not, strict or not; arrays and their
 * bounds; enum and literal values; string formats; every check by kind and bound, refinements counted; and each
 * field's title. A
 * schema changed without its fast parser changes this.
 */
function signature(schema: z.core.$ZodType): unknown {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const checks = ((def.checks ?? []) as z.core.$ZodCheck[]).map((c) => {
    const d = c._zod.def as unknown as Record<string, unknown>;
    return [d.check, d.format, d.minimum, d.maximum, d.value, d.inclusive, String(d.pattern ?? '')];
  });
  const title = (schema as unknown as { meta?: () => { title?: string } | undefined }).meta?.()?.title;
  const base = { type: def.type, title, checks, format: def.format, pattern: String(def.pattern ?? '') };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      return {
        ...base,
        catchall: (def.catchall as z.core.$ZodType | undefined)?._zod.def.type,
        shape: Object.entries(shape).map(([k, v]) => [k, signature(v)]),
      };
    }
    case 'optional':
      return { ...base, inner: signature(def.innerType as z.core.$ZodType) };
    case 'array':
      return { ...base, element: signature(def.element as z.core.$ZodType) };
    case 'enum':
      return { ...base, entries: def.entries };
    case 'literal':
      return { ...base, values: def.values };
    default:
      return base;
  }
}

/** A short hash of a signature. */
function hash(value: unknown): string {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

describe('the schemas the fast parsers mirror', () => {
  // Changing one of these schemas (a field, its type, a check, a bound, an enum value, a refinement): regenerate the
  // object parsers (`pnpm --filter @banli/schemas gen:fast-parsers`; scripts/genFastParsers.ts names each field's leaf),
  // change the leaf parsers to match (src/internal/fastLetterLeaves.ts), run the tests above, then update this hash.
  it('should be the schemas the fast parsers were written for', () => {
    const mirrored = {
      letter: signature(ReplyLetterSchema),
      opinion: signature(CoHandlingOpinionSchema),
      unit: signature(UnitSchema),
      events: FAST_PARSED_EVENT_TYPES.map((t) => signature(eventSchemaFor(t))),
    };
    expect(hash(mirrored)).toBe('be082b71');
  });

  it('should list the letter fields in the order of ReplyLetterSchema', () => {
    const parsed = fastParseReplyLetter(
      Object.fromEntries(Object.keys(ReplyLetterSchema.shape).map((k) => [k, undefined])),
    );
    // Every field optional: a letter of `undefined` keys breaks only the rule that it needs responses or a body.
    expect(parsed).toBeUndefined();
    const withBody: Record<string, unknown> = Object.fromEntries(
      Object.keys(ReplyLetterSchema.shape).map((k) => [k, undefined]),
    );
    withBody.body = ['正文'];
    expect(Object.keys(fastParseReplyLetter(withBody) ?? {})).toEqual(Object.keys(ReplyLetterSchema.shape));
  });
});
