import type { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { bilingual } from './meta.js';

/** Labels of the handling modes, from domain.md §1 ([S20][S11][S17][S80]). */
export const ASSIGNMENT_MODE_LABELS = {
  sole: { 'zh-CN': '独办', en: 'Sole handling' },
  lead: { 'zh-CN': '主办+会办', en: 'Lead with co-handlers' },
  split: { 'zh-CN': '分办', en: 'Split handling' },
  reference: { 'zh-CN': '参阅', en: 'For reference' },
} as const;

/** How the units share the work: `sole`, `lead` (+ co-handlers), `split` or `reference`. */
export const AssignmentModeSchema = labelledEnum(
  ASSIGNMENT_MODE_LABELS,
  bilingual(
    '办理方式',
    'Handling mode',
    '独办、主办会办、分办或参阅。',
    'Sole, lead with co-handlers, split or reference.',
  ),
);

/** How the units share the work. */
export type AssignmentMode = z.infer<typeof AssignmentModeSchema>;
