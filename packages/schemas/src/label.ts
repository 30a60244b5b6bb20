import { z } from 'zod';
import { withTextRules } from './internal/fields.js';

/** The two languages every human-readable banli text is written in. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** A text in Simplified Chinese and English, e.g. `{ 'zh-CN': '提案', en: 'Proposal' }`. */
// The text rules run on the text as given, before `trim()` (a leading U+FEFF is white space to `trim`).
export const BilingualSchema = z
  .strictObject({
    'zh-CN': withTextRules(z.string())
      .trim()
      .min(1)
      .meta({
        title: 'Chinese text',
        description: 'The text in Simplified Chinese.',
        'x-label': { 'zh-CN': '中文', en: 'Chinese text' },
        'x-description': { 'zh-CN': '简体中文文本。', en: 'The text in Simplified Chinese.' },
      }),
    en: withTextRules(z.string())
      .trim()
      .min(1)
      .meta({
        title: 'English text',
        description: 'The text in English.',
        'x-label': { 'zh-CN': '英文', en: 'English text' },
        'x-description': { 'zh-CN': '英文文本。', en: 'The text in English.' },
      }),
  })
  .meta({
    title: 'Label',
    description: 'A text in Simplified Chinese and English.',
    'x-label': { 'zh-CN': '双语文本', en: 'Label' },
    'x-description': { 'zh-CN': '简体中文与英文两种语言的文本。', en: 'A text in Simplified Chinese and English.' },
  });

/** A text in Simplified Chinese and English. */
export type Bilingual = z.infer<typeof BilingualSchema>;
