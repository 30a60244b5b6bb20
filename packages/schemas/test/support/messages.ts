import type { z } from 'zod';
import { safeParseWith } from '../../src/index.js';

/** Parses in both languages and returns just the messages, for inline snapshots. */
export function messagesOf(schema: z.core.$ZodType, input: unknown): { 'zh-CN': string[]; en: string[] } {
  const zh = safeParseWith(schema, input, 'zh-CN');
  const en = safeParseWith(schema, input, { locale: 'en' });
  return {
    'zh-CN': zh.success ? [] : zh.issues.map((i) => i.message),
    en: en.success ? [] : en.issues.map((i) => i.message),
  };
}

/** Parses in one language and returns the banli issue codes. */
export function codesOf(schema: z.core.$ZodType, input: unknown): string[] {
  const r = safeParseWith(schema, input, 'en');
  return r.success ? [] : r.issues.map((i) => i.code);
}
