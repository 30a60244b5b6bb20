import { z } from 'zod';
import { bilingual } from '../meta.js';
import { textRuleViolation } from '../textRules.js';
import { raise } from './issue.js';

/**
 * A non-blank string (whitespace-only fails with `empty_text`), labelled in both languages; no NUL, no lone surrogate
 * and no leading U+FEFF (see `textRuleViolation`).
 */
export function text(zhTitle: string, enTitle: string, zhDescription: string, enDescription: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      if (value.trim() === '') raise(ctx, 'empty_text', value);
      const broken = textRuleViolation(value);
      if (broken !== undefined) raise(ctx, broken, value);
    })
    .meta(bilingual(zhTitle, enTitle, zhDescription, enDescription, { minLength: 1, pattern: '\\S' }));
}

/** A list of paragraphs, each non-blank. */
export function paragraphs(zhTitle: string, enTitle: string, zhDescription: string, enDescription: string) {
  return z
    .array(text('段落', 'Paragraph', '一个自然段，原文照录。', 'One paragraph, verbatim.'))
    .meta(bilingual(zhTitle, enTitle, zhDescription, enDescription));
}

/** Finds values that occur more than once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}
