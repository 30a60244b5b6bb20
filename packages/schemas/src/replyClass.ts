import type { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { bilingual } from './meta.js';

/** Labels of the result classes; their meanings are set by the local policy (domain.md §3). */
export const REPLY_CLASS_LABELS = {
  A: { 'zh-CN': 'A类', en: 'Class A' },
  B: { 'zh-CN': 'B类', en: 'Class B' },
  C: { 'zh-CN': 'C类', en: 'Class C' },
  D: { 'zh-CN': 'D类', en: 'Class D' },
} as const;

/** The result class marked at the top right of page 1 (办理结果分类): A/B/C, or A/B/C/D where the policy says so. */
export const ReplyClassSchema = labelledEnum(
  REPLY_CLASS_LABELS,
  bilingual(
    '办理结果分类',
    'Result class',
    '答复函首页右上角标注的分类：A、B、C（部分地方另有 D 类）。',
    'The class marked at the top right of page 1: A, B, C (D in some places).',
    { 'x-source': 'domain.md §3 [S8][S21][S23][S24]' },
  ),
);

/** A result class. */
export type ReplyClass = z.infer<typeof ReplyClassSchema>;

/** The classes each scheme allows. */
export const REPLY_CLASS_SCHEMES = { ABC: ['A', 'B', 'C'], ABCD: ['A', 'B', 'C', 'D'] } as const satisfies Record<
  string,
  readonly ReplyClass[]
>;
