import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { text } from './internal/fields.js';
import { bilingual } from './meta.js';
import type { ReplyClass } from './replyClass.js';
import type { ReplyLetter } from './replyLetter.js';

/**
 * Where a letter prints its class mark: top right of page 1 [S8][S24], on the document-number line (华容
 * “华建复〔2017〕5号(B类)”), in the title, or in the footer (“办理结果：(C)”). Seen on the issue-15 fixtures.
 */
export const CLASS_MARK_POSITION_LABELS = {
  topRight: { 'zh-CN': '首页右上角', en: 'Top right of page 1' },
  docNumberLine: { 'zh-CN': '发文字号行', en: 'On the document-number line' },
  title: { 'zh-CN': '标题', en: 'In the title' },
  footer: { 'zh-CN': '文末', en: 'In the footer' },
} as const;

/** Where the class mark is printed. */
export const ClassMarkPositionSchema = labelledEnum(
  CLASS_MARK_POSITION_LABELS,
  bilingual('标注位置', 'Position', '分类标注所在位置。', 'Where the class mark is printed.'),
);

/** The class mark as printed: its verbatim text and where it sits. */
export const ClassMarkSchema = z
  .strictObject({
    text: text(
      '标注原文',
      'Mark text',
      '分类标注原文，如“(A类)”“B1类”“类别：A”。',
      'The mark verbatim, e.g. (A类), B1类, 类别：A.',
    ),
    position: ClassMarkPositionSchema.optional(),
  })
  .meta(bilingual('分类标注', 'Class mark', '所印的办理结果分类标注。', 'The printed result-class mark.'));

/** The class mark as printed. */
export type ClassMark = z.infer<typeof ClassMarkSchema>;

const MARK = /(?:^|[^A-Za-z])([ABCD])\s*([1-9])?\s*类?(?![A-Za-z])/u;

/**
 * Classes some localities print as ordinals, “甲类” / “乙类” / “丙类”, and the letter each stands for. The meaning is
 * 沁阳's (河南): its government's report on the 2023 deputies' suggestions counts 已经解决或基本解决 as 甲类, 正在解决以及
 * 列入计划逐步解决 as 乙类, and 因受上级政策限制或客观条件制约，目前暂时不能解决 as 丙类
 * (http://www.qinyang.gov.cn/2023/11-23/2902344.html): the A, B and C of domain.md §3. No source found names a 丁类.
 */
export const ORDINAL_CLASS_SOURCE = 'http://www.qinyang.gov.cn/2023/11-23/2902344.html';
const ORDINAL_CLASS: Readonly<Record<string, ReplyClass>> = { 甲: 'A', 乙: 'B', 丙: 'C' };
const ORDINAL_MARK = /([甲乙丙])\s*类/u;

/**
 * Reads the class and grade a printed mark states: “(A类)” → A, “B1类” → B grade 1, “办理结果：(C)” → C; and an
 * ordinal before 类 as 沁阳 defines it ({@link ORDINAL_CLASS_SOURCE}): “甲类” → A, “(乙类)” → B, “丙类” → C.
 *
 * @example
 * ```ts
 * classOfMark('(B1类)'); // { class: 'B', grade: 1 }
 * ```
 */
export function classOfMark(mark: string): { class: ReplyClass; grade?: number } | undefined {
  const m = MARK.exec(mark.replace(/[Ａ-Ｄ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) {
    const ordinal = ORDINAL_MARK.exec(mark)?.[1];
    return ordinal === undefined ? undefined : { class: ORDINAL_CLASS[ordinal] as ReplyClass };
  }
  const cls = m[1] as ReplyClass;
  return m[2] ? { class: cls, grade: Number(m[2]) } : { class: cls };
}

/**
 * Rewrites a printed mark to state another class, keeping its brackets and wording: (“(A类)”, 'B') → “(B类)”; an
 * ordinal mark in its ordinals, (“(甲类)”, 'B') → “(乙类)”, and by the letter for D, which has no sourced ordinal.
 * A grade the new class does not carry is dropped.
 */
export function restateClassMark(mark: string, cls: ReplyClass): string {
  if (!MARK.test(mark) && ORDINAL_MARK.test(mark)) {
    const ordinal = Object.keys(ORDINAL_CLASS).find((k) => ORDINAL_CLASS[k] === cls) ?? cls;
    return mark.replace(/[甲乙丙](?=\s*类)/u, ordinal);
  }
  return mark.replace(/([ABCDＡ-Ｄ])\s*[1-9]?/u, cls);
}

/**
 * The letter with another class, its printed class mark restated to say it (same brackets and wording) and its grade
 * dropped: what a supervisor's class change issues, and how to re-class a draft without leaving a stale mark.
 *
 * @example
 * ```ts
 * withLetterClass(fixtures.seedReplyLetter132402, 'B').classMark; // { text: '(B类)', position: 'topRight' }
 * ```
 */
export function withLetterClass(letter: ReplyLetter, cls: ReplyClass): ReplyLetter {
  if (cls === letter.class) return letter;
  const { classGrade: _grade, ...rest } = letter;
  const mark = letter.classMark;
  return { ...rest, class: cls, ...(mark ? { classMark: { ...mark, text: restateClassMark(mark.text, cls) } } : {}) };
}
