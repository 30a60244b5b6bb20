import { z } from 'zod';
import { ClassMarkSchema } from './classMark.js';
import { checkDocNumber, DocNumberSchema } from './docNumber.js';
import { duplicates, paragraphs, text, withTextRules } from './internal/fields.js';
import { type RuleReport, raise, refineBy } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { ItemReferenceSchema } from './itemReference.js';
import { ContactSchema, DisclosureSchema, ImprintSchema, RecipientListSchema } from './letterFooter.js';
import { bilingual } from './meta.js';
import { REPLY_CLASS_SCHEMES, ReplyClassSchema } from './replyClass.js';
import { ResponseSchema } from './response.js';
import { SignatorySchema } from './signatory.js';
import { UnitSchema } from './unit.js';

const unitNames = (zh: string, en: string, zhD: string, enD: string) =>
  z.array(text('单位', 'Unit', '单位名称，原文照录。', 'A unit name, verbatim.')).meta(bilingual(zh, en, zhD, enD));

/**
 * A document number printed in a form GB/T 9704-2012 §7.2.5 does not allow (e.g. 华建复〔2017〕05号 or 建议字:〔2023〕8号):
 * kept verbatim, flagged with the rules it breaks, apart from the validated `docNumber`.
 */
export const PrintedDocNumberSchema = z
  .strictObject({
    text: text('所印字号', 'As printed', '发文字号原文。', 'The number as printed.'),
    problems: z
      .array(withTextRules(z.string()))
      .min(1)
      .meta(
        bilingual('不符合的规则', 'Rules broken', '所违反的 GB/T 9704 规则代码。', 'The GB/T 9704 rules it breaks.'),
      ),
  })
  .superRefine((p, ctx) => {
    const found = [...new Set(checkDocNumber(p.text).map((x) => x.code))].join(',');
    if (found === '' || found !== [...new Set(p.problems)].join(','))
      raise(ctx, 'printed_doc_number_flags', p.problems, ['problems'], {
        value: found || '—',
        found: p.problems.join(','),
      });
  })
  .meta(
    bilingual(
      '不规范字号',
      'Non-conforming number',
      '不符合 GB/T 9704 的所印发文字号，原样保留并标记。',
      'A printed number breaking GB/T 9704, kept verbatim and flagged.',
    ),
  );

const letterShape = {
  proposalId: text('提案标识', 'Proposal id', '所答复的提案或建议的标识。', 'Id of the item answered.').optional(),
  reference: ItemReferenceSchema.optional(),
  docNumber: DocNumberSchema.optional(),
  printedDocNumber: PrintedDocNumberSchema.optional(),
  class: ReplyClassSchema.optional(),
  classGrade: z
    .number()
    .int()
    .min(1)
    .max(9)
    .meta(
      bilingual(
        '分类等级',
        'Class grade',
        '分类后的等级数字，如“B1类”的 1。',
        'The grade after the class, e.g. 1 of B1.',
      ),
    )
    .optional(),
  classMark: ClassMarkSchema.optional(),
  letterhead: text(
    '发文机关标志',
    'Letterhead',
    '版头所印的发文机关名称，如“中山市商务局”。',
    'The issuing body’s name printed at the head, e.g. 中山市商务局.',
  ).optional(),
  title: text('标题', 'Title', '答复函标题，原文照录。', 'The letter’s title, verbatim.').optional(),
  addressees: z
    .array(text('主送', 'Addressee', '如“梁晓珩等委员”（不含冒号）。', 'E.g. 梁晓珩等委员 (without the colon).'))
    .meta(bilingual('主送对象', 'Addressees', '答复函的主送对象。', 'Who the letter is addressed to.'))
    .optional(),
  greeting: paragraphs(
    '问候语',
    'Greeting',
    '开头语之前单独成段的问候，如“您好，首先感谢您对……的关注。”。',
    'Paragraphs of greeting printed before the opening, e.g. “您好，首先感谢您对……的关注。”.',
  ).optional(),
  opening: text(
    '开头语',
    'Opening',
    '“你们提出的……现答复如下：”一段。',
    'The “…已收悉…现答复如下” paragraph.',
  ).optional(),
  intro: paragraphs(
    '总体答复',
    'Introduction',
    '逐条答复之前的总体说明段落。',
    'Paragraphs before the point-by-point answers.',
  ).optional(),
  responses: z
    .array(ResponseSchema)
    .min(1)
    .meta(bilingual('逐条答复', 'Responses', '逐条（或数条合并）的答复。', 'Itemized answers.'))
    .optional(),
  body: paragraphs(
    '正文',
    'Body',
    '不分条的答复正文（或逐条答复之后的段落）。',
    'A body with no per-point structure, or paragraphs after the itemized answers.',
  ).optional(),
  closing: text('结束语', 'Closing', '如“专此答复，……”。', 'E.g. “专此答复，……”.').optional(),
  issuingUnit: UnitSchema.partial({ id: true })
    .meta(bilingual('发文机关', 'Issuing unit', '署名并盖章的单位。', 'The unit that signs and seals.'))
    .optional(),
  coUnits: unitNames('会办单位', 'Co-units', '会同办理的单位。', 'Units that co-handled the item.').optional(),
  consultedUnits: unitNames('征求意见单位', 'Consulted units', '征求过意见的单位。', 'Units consulted.').optional(),
  signatories: z
    .array(SignatorySchema)
    .meta(bilingual('签署人', 'Signatories', '所印的签发人、经办人等。', 'The people named on the sign-off lines.'))
    .optional(),
  date: isoDateField('成文日期', 'Date', '答复函落款日期。', 'The date on the letter.').optional(),
  dateText: text(
    '所印日期',
    'Date as printed',
    '落款日期原文，如“二〇一七年五月二十六日”。',
    'The date as printed.',
  ).optional(),
  contacts: z
    .array(ContactSchema)
    .min(1)
    .meta(bilingual('联系方式', 'Contacts', '所印的联系人（可有两位）。', 'The printed contacts (one or two).'))
    .optional(),
  disclosure: DisclosureSchema.optional(),
  reportTo: RecipientListSchema.meta(
    bilingual('报', 'Report to', '“报：”所列机关。', 'The bodies listed after 报.'),
  ).optional(),
  copyTo: RecipientListSchema.meta(
    bilingual('抄送', 'Copy to', '“抄送：”所列机关。', 'The bodies listed after 抄送.'),
  ).optional(),
  imprint: ImprintSchema.optional(),
};

type LetterFields = z.output<ReturnType<typeof z.strictObject<typeof letterShape>>>;

/**
 * The rules a reply letter obeys as a whole, reported through `report`: itemized responses or a body, no point
 * answered twice, no class grade without a class, no print date before the letter's date. One definition for
 * {@link ReplyLetterSchema} and its fast parser.
 */
export function replyLetterRules(l: LetterFields, report: RuleReport): void {
  if ((l.responses?.length ?? 0) === 0 && (l.body?.length ?? 0) === 0) report('letter_body_missing', l, []);
  // Collected in a loop, and compared only when there are two: most letters list none (issue 15, the fast parser).
  const ids: string[] = [];
  for (const r of l.responses ?? []) if (r.suggestionIds !== undefined) for (const id of r.suggestionIds) ids.push(id);
  if (ids.length > 1) for (const id of duplicates(ids)) report('duplicate_id', id, ['responses'], { value: id });
  if (l.classGrade !== undefined && l.class === undefined)
    report('class_grade_without_class', l.classGrade, ['classGrade']);
  const printDate = l.imprint?.printDate;
  if (printDate !== undefined && l.date !== undefined && printDate < l.date)
    report('print_date_before_issue', printDate, ['imprint', 'printDate'], { value: printDate, found: l.date });
}

/**
 * A reply letter (答复函/复文) as printed: everything real letters omit is optional (township letters have no document
 * number, many no class mark, 版记 or contact), so every published letter fits as printed. A letter needs itemized
 * responses or a body. What a locality requires on top is policy data (`letterRequirements` in @banli/core), checked at
 * sign-off, not here.
 */
export const ReplyLetterSchema = z
  .strictObject(letterShape)
  .superRefine(refineBy(replyLetterRules))
  .meta(
    bilingual(
      '答复函',
      'Reply letter',
      '承办单位对提案或建议的正式答复（答复函/复文），按原样记录。',
      'The handling unit’s formal reply to a proposal or suggestion, as printed.',
      { 'x-source': 'domain.md §5' },
    ),
  );

/** A reply letter. */
export type ReplyLetter = z.infer<typeof ReplyLetterSchema>;

/**
 * Narrows {@link ReplyLetterSchema} to a local class scheme: with `'ABC'`, a class D letter fails (`class_not_in_scheme`).
 *
 * @example
 * ```ts
 * replyLetterSchemaFor('ABC').safeParse(letter);
 * ```
 */
export function replyLetterSchemaFor(scheme: keyof typeof REPLY_CLASS_SCHEMES) {
  const allowed: readonly string[] = REPLY_CLASS_SCHEMES[scheme];
  return ReplyLetterSchema.superRefine((l, ctx) => {
    if (l.class !== undefined && !allowed.includes(l.class))
      raise(ctx, 'class_not_in_scheme', l.class, ['class'], { value: l.class, options: allowed.join('/') });
  });
}
