import { z } from 'zod';
import { bilingual } from '../meta.js';
import { textRuleViolation } from '../textRules.js';
import { withFastCheck } from './fastChecks.js';
import { countText, type FastParse } from './fastParse.js';
import { raise } from './issue.js';

// The checks that enforce the text rules, by identity: every string schema a banli schema accepts carries one of
// these, or a shape no breaking character fits ({@link textRulesByShape}); `enforcesTextRules` reads them (the SDK
// leaves the text rules to the schemas, so this is what keeps a payload the schema accepts free of NUL, lone
// surrogates and a leading U+FEFF; test/textRuleInvariant.test.ts walks every schema).
const ruleChecks = new WeakSet<object>();
const shapeChecks = new WeakSet<object>();

function markLast<T extends z.ZodType>(schema: T, into: WeakSet<object>): T {
  const checks = schema._zod.def.checks ?? [];
  const last = checks[checks.length - 1];
  if (last === undefined) throw new Error('markLast: the schema has no check');
  into.add(last);
  return schema;
}

function obeyTextRules(value: string, ctx: z.core.$RefinementCtx<string>): void {
  const broken = textRuleViolation(value);
  if (broken !== undefined) raise(ctx, broken, value);
}

/**
 * A string schema with the text rules added as its next check (`nul_character`, `lone_surrogate`, `leading_bom`; see
 * `textRuleViolation`): for strings whose other checks let such characters through (a document number's agency code,
 * a telephone number's spaces, a separator, a URL).
 */
export function withTextRules<T extends z.ZodType<string, string>>(schema: T): T {
  return withFastCheck(markLast(schema.superRefine(obeyTextRules), ruleChecks), obeysTextRules);
}

/** Whether `obeyTextRules` reports nothing on a string: the fast form of {@link withTextRules}' check. */
function obeysTextRules(value: string): boolean {
  return textRuleViolation(value) === undefined;
}

/**
 * Marks a string schema whose last check admits only a shape no character breaking the text rules fits (ASCII digits
 * and dashes: a date, a month-day, a postcode), so it needs no text-rule check of its own. A test holds each marked
 * schema to it.
 */
export function textRulesByShape<T extends z.ZodType>(schema: T): T {
  return markLast(schema, shapeChecks);
}

/** How a string schema keeps the text rules: by a text-rule check, by its shape, or not at all. */
export function textRuleEnforcement(schema: z.core.$ZodType): 'rules' | 'shape' | undefined {
  const checks = schema._zod.def.checks ?? [];
  if (checks.some((c) => ruleChecks.has(c))) return 'rules';
  if (checks.some((c) => shapeChecks.has(c))) return 'shape';
  return undefined;
}

/**
 * A non-blank string (whitespace-only fails with `empty_text`), labelled in both languages; no NUL, no lone surrogate
 * and no leading U+FEFF (see `textRuleViolation`).
 */
export function text(zhTitle: string, enTitle: string, zhDescription: string, enDescription: string) {
  return withFastCheck(markLast(z.string().superRefine(checkText), ruleChecks), holdsText).meta(
    bilingual(zhTitle, enTitle, zhDescription, enDescription, { minLength: 1, pattern: '\\S' }),
  );
}

// One function for every text field: blank, then the text rules, in that order (each its own issue).
function checkText(value: string, ctx: z.core.$RefinementCtx<string>): void {
  if (value.trim() === '') raise(ctx, 'empty_text', value);
  obeyTextRules(value, ctx);
}

/**
 * Whether a string is not blank, as `value.trim() !== ''` says: settled by its first character when that is printable
 * ASCII or a CJK character (U+3001–U+FEFE holds no white space), which most text starts with, and by `trim` otherwise
 * (issue 15: `fastText`, calling `trim` on every paragraph, was a fifth of a letter's parse less its text-rule scan, in a CPU profile).
 */
function notBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || (first > 0x3000 && first < 0xfeff) || value.trim() !== '';
}

/** Whether `checkText` reports nothing on a string: the fast form of a {@link text} field's check. */
function holdsText(value: string): boolean {
  return notBlank(value) && textRuleViolation(value) === undefined;
}

/** The fast parser of a {@link text} field (`internal/fastParse.ts`): the string when `checkText` reports nothing. */
export const fastText: FastParse<string> = (input) => {
  if (typeof input !== 'string' || !holdsText(input)) return undefined;
  countText(input);
  return input;
};

/** A list of paragraphs, each non-blank. */
export function paragraphs(zhTitle: string, enTitle: string, zhDescription: string, enDescription: string) {
  return z
    .array(text('段落', 'Paragraph', '一个自然段，原文照录。', 'One paragraph, verbatim.'))
    .meta(bilingual(zhTitle, enTitle, zhDescription, enDescription));
}

/**
 * Finds values that occur more than once, each once, in the order of their first repeat. A short list (most are: a
 * letter's suggestion ids, a proposal's proposers) is compared pairwise, without the two sets a long one takes (issue
 * 15: every letter a command submits is checked).
 */
export function duplicates(values: readonly string[]): string[] {
  const dup: string[] = [];
  if (values.length <= PAIRWISE) {
    for (let i = 1; i < values.length; i++) {
      const v = values[i] as string;
      if (values.indexOf(v) < i && !dup.includes(v)) dup.push(v);
    }
    return dup;
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const v of values) {
    if (seen.has(v) && !repeated.has(v)) {
      repeated.add(v);
      dup.push(v);
    }
    seen.add(v);
  }
  return dup;
}

/** The longest list {@link duplicates} compares pairwise. */
const PAIRWISE = 16;
