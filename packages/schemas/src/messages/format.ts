import type { z } from 'zod';
import type { BanliIssueCode, MessageParams } from '../issueCodes.js';
import type { Locale } from '../label.js';
import { en } from '../locales/en.js';
import type { BanliLocale, TypeName } from '../locales/types.js';
import { zhCN } from '../locales/zh-CN.js';
import { getLabel, getMeta } from '../meta.js';
import { quotePrefix } from '../textRules.js';
import { childSchema, selectOption, step } from './schemaPath.js';

/** The locales banli ships, keyed by BCP-47 name. */
export const locales: Record<Locale, BanliLocale> = { 'zh-CN': zhCN, en };

/** A validation problem in one language: banli code, where, which field, and the message. */
export interface BanliIssue {
  code: BanliIssueCode;
  path: (string | number)[];
  /** The field as named in the message (labels from `.meta()`, else the path). */
  field: string;
  message: string;
}

/** Where to find field labels and the raw input when formatting issues. */
export interface FormatOptions {
  /** The schema that was parsed; its `.meta()` labels name the fields. */
  schema?: z.core.$ZodType;
  /** The input that was parsed; used to tell missing from wrong values and to pick union options. */
  input?: unknown;
}

type RawIssue = z.core.$ZodIssue & Record<string, unknown>;
const MISSING = Symbol('missing');

function typeName(value: unknown): TypeName {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' || t === 'bigint' ? t : 'unknown';
}

function fieldName(loc: BanliLocale, path: PropertyKey[], options: FormatOptions): string {
  const parts: string[] = [];
  let schema = options.schema;
  let input = options.input;
  for (const key of path) {
    const child = schema ? childSchema(schema, key, input) : undefined;
    if (typeof key === 'number') parts.push(loc.item(key));
    else parts.push((child && getLabel(child)?.[loc.locale]) ?? quotePrefix(String(key)));
    schema = child;
    input = step(input, key);
  }
  if (parts.length === 0) {
    const root = options.schema && getLabel(selectOption(options.schema, options.input))?.[loc.locale];
    return loc.quote(root ?? (loc.locale === 'zh-CN' ? '输入' : 'input'));
  }
  return loc.quote(parts.join(loc.separator));
}

function valueAt(path: PropertyKey[], options: FormatOptions): unknown {
  if (!('input' in options)) return MISSING;
  return path.reduce<unknown>((v, k) => step(v, k), options.input);
}

function schemaAt(path: PropertyKey[], options: FormatOptions): z.core.$ZodType | undefined {
  let schema = options.schema;
  let input = options.input;
  for (const key of path) {
    schema = schema && childSchema(schema, key, input);
    input = step(input, key);
  }
  return schema;
}

function classify(
  iss: RawIssue,
  loc: BanliLocale,
  options: FormatOptions,
): { code: BanliIssueCode; params: Omit<MessageParams, 'field'> } {
  const at = schemaAt(iss.path, options);
  const labels = at ? getMeta(at)?.['x-enumLabels'] : undefined;
  const describe = (v: unknown) => {
    const label = typeof v === 'string' ? labels?.[v]?.[loc.locale] : undefined;
    return label ? `${JSON.stringify(v)}${loc.locale === 'zh-CN' ? `（${label}）` : ` (${label})`}` : JSON.stringify(v);
  };
  const list = (values: readonly unknown[]) => values.map(describe).join(loc.listSeparator);
  switch (iss.code) {
    case 'invalid_type': {
      const value = 'input' in iss ? iss.input : valueAt(iss.path, options);
      const missing = value === undefined || (value === MISSING && String(iss.message).endsWith('received undefined'));
      if (missing) return { code: 'required', params: {} };
      if (iss.expected === 'int' && typeof value === 'number') return { code: 'not_integer', params: {} };
      const expected = loc.typeNames[iss.expected as TypeName] ?? String(iss.expected);
      const received = value === MISSING ? loc.typeNames.unknown : loc.typeNames[typeName(value)];
      return { code: 'invalid_type', params: { expected, received } };
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const bound = small ? { minimum: Number(iss.minimum) } : { maximum: Number(iss.maximum) };
      const p = { ...bound, inclusive: iss.inclusive !== false };
      if (iss.origin === 'string')
        return { code: small ? (Number(iss.minimum) === 1 ? 'empty_text' : 'too_short') : 'too_long', params: p };
      if (iss.origin === 'array' || iss.origin === 'set')
        return { code: small ? 'too_few_items' : 'too_many_items', params: p };
      return { code: small ? 'number_too_small' : 'number_too_big', params: p };
    }
    case 'invalid_value':
      return { code: 'invalid_option', params: { options: list(iss.values) } };
    case 'unrecognized_keys':
      return {
        code: 'unknown_key',
        params: { keys: iss.keys.map((k) => quotePrefix(String(k))).join(loc.listSeparator) },
      };
    case 'invalid_format':
      if (iss.format === 'email') return { code: 'invalid_email', params: {} };
      if (iss.format === 'url') return { code: 'invalid_url', params: {} };
      return { code: 'invalid_format', params: {} };
    case 'invalid_union':
      if (Array.isArray(iss.options)) return { code: 'invalid_option', params: { options: list(iss.options) } };
      return { code: 'invalid_union', params: {} };
    case 'custom': {
      const { banli, ...rest } = (iss.params ?? {}) as { banli?: BanliIssueCode };
      if (banli) return { code: banli, params: rest };
      return { code: 'invalid_value', params: {} };
    }
    default:
      return { code: 'invalid_value', params: {} };
  }
}

/**
 * Turns a zod error into banli issues with messages in one language, naming each field by its `.meta()` label.
 *
 * @example
 * ```ts
 * const r = FeedbackSchema.safeParse(input);
 * if (!r.success) formatIssues(r.error, 'en', { schema: FeedbackSchema, input });
 * ```
 */
export function formatIssues(error: z.core.$ZodError, locale: Locale, options: FormatOptions = {}): BanliIssue[] {
  const loc = locales[locale];
  return error.issues.map((raw) => {
    const iss = raw as RawIssue;
    const path = iss.path.filter((k): k is string | number => typeof k !== 'symbol');
    const { code, params } = classify(iss, loc, options);
    const field = fieldName(loc, path, options);
    return { code, path, field, message: loc.messages[code]({ ...params, field }) };
  });
}
