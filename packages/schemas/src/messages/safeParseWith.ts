import type { z } from 'zod';
import { BilingualError } from '../bilingualError.js';
import type { Locale } from '../label.js';
import { type BanliIssue, formatIssues } from './format.js';

/** The result of {@link safeParseWith}: the parsed data, or issues with messages in the chosen language. */
export type BanliParseResult<T> = { success: true; data: T } | { success: false; issues: BanliIssue[] };

/** The language to report in: a locale, or `{ locale }`. */
export type LocaleOption = Locale | { locale: Locale };

const pick = (o: LocaleOption | undefined): Locale => (typeof o === 'string' ? o : (o?.locale ?? 'zh-CN'));

/**
 * Parses with a schema and reports problems in zh-CN or en, chosen per call (no global zod config).
 *
 * @example
 * ```ts
 * const r = safeParseWith(FeedbackSchema, { proposerId: 'p1', level: 'dissatisfied', date: '2023-07-10' }, { locale: 'en' });
 * if (!r.success) r.issues[0]?.message; // '"Comment": a comment is required when the proposer is dissatisfied'
 * ```
 */
export function safeParseWith<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  locale?: LocaleOption,
): BanliParseResult<z.output<S>> {
  const result = (schema as unknown as z.ZodType).safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data as z.output<S> };
  return { success: false, issues: formatIssues(result.error, pick(locale), { schema, input }) };
}

/** Thrown by {@link parseWith}: carries the banli issues and the joined messages in both languages. */
export class BanliValidationError extends BilingualError<'validation_failed'> {
  /** The issues found, in each language. */
  readonly issues: { 'zh-CN': BanliIssue[]; en: BanliIssue[] };
  constructor(issues: { 'zh-CN': BanliIssue[]; en: BanliIssue[] }) {
    const join = (list: BanliIssue[]) => list.map((i) => i.message).join('\n');
    super('validation_failed', { 'zh-CN': join(issues['zh-CN']), en: join(issues.en) });
    this.issues = issues;
    this.name = 'BanliValidationError';
  }
}

/**
 * Parses with a schema and returns the data, or throws a {@link BanliValidationError} with zh-CN and en messages.
 *
 * @example
 * ```ts
 * const event = parseWith(BanliEventSchema, body);
 * ```
 */
export function parseWith<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = (schema as unknown as z.ZodType).safeParse(input, { reportInput: true });
  if (result.success) return result.data as z.output<S>;
  const options = { schema, input };
  throw new BanliValidationError({
    'zh-CN': formatIssues(result.error, 'zh-CN', options),
    en: formatIssues(result.error, 'en', options),
  });
}
