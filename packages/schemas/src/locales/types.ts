import type { BanliIssueCode, MessageParams } from '../issueCodes.js';
import type { Locale } from '../label.js';

/** One message template: receives the quoted field name and the issue's values. */
export type MessageTemplate = (params: MessageParams) => string;

/** A complete message table for one language; every locale must define every key. */
export interface BanliLocale {
  locale: Locale;
  /** One template per banli issue code. */
  messages: Record<BanliIssueCode, MessageTemplate>;
  /** Names of the value types zod reports in `invalid_type`. */
  typeNames: Record<TypeName, string>;
  /** Quotes a field label, e.g. 「标题」 or "Title". */
  quote: (label: string) => string;
  /** Names a list position (0-based in, 1-based out), e.g. 第1项 or #1. */
  item: (index: number) => string;
  /** Joins the labels of a nested path. */
  separator: string;
  /** Joins a list of values. */
  listSeparator: string;
}

/** The value types named in `invalid_type` messages. */
export type TypeName =
  | 'string'
  | 'number'
  | 'int'
  | 'boolean'
  | 'object'
  | 'array'
  | 'undefined'
  | 'null'
  | 'bigint'
  | 'date'
  | 'unknown';
