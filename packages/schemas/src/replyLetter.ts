import { z } from 'zod';
import { DocNumberSchema } from './docNumber.js';
import { duplicates, paragraphs, text } from './internal/fields.js';
import { raise } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { ContactSchema, CopyToSchema, DisclosureSchema } from './letterFooter.js';
import { bilingual } from './meta.js';
import { REPLY_CLASS_SCHEMES, ReplyClassSchema } from './replyClass.js';
import { ResponseSchema } from './response.js';
import { UnitSchema } from './unit.js';

const letterShape = {
  proposalId: text('提案标识', 'Proposal id', '所答复的提案或建议的标识。', 'Id of the item answered.').optional(),
  docNumber: DocNumberSchema,
  class: ReplyClassSchema,
  classMark: text(
    '分类标注',
    'Class mark',
    '首页右上角分类标注的原样文字，如“(A类)”；缺省时按“（A类）”输出。',
    'The class mark exactly as printed, e.g. “(A类)”.',
  ).optional(),
  title: text('标题', 'Title', '答复函标题，原文照录。', 'The letter’s title, verbatim.'),
  addressees: z
    .array(text('主送', 'Addressee', '如“梁晓珩等委员”（不含冒号）。', 'E.g. 梁晓珩等委员 (without the colon).'))
    .min(1)
    .meta(bilingual('主送对象', 'Addressees', '答复函的主送对象。', 'Who the letter is addressed to.')),
  opening: text('开头语', 'Opening', '“你们提出的……现答复如下：”一段。', 'The “…已收悉…现答复如下” paragraph.'),
  intro: paragraphs(
    '总体答复',
    'Introduction',
    '逐条答复之前的总体说明段落。',
    'Paragraphs before the point-by-point answers.',
  ).optional(),
  responses: z
    .array(ResponseSchema)
    .min(1)
    .meta(bilingual('逐条答复', 'Responses', '对每条建议的答复，一条一项。', 'One answer per point.')),
  closing: text('结束语', 'Closing', '如“专此答复，……”。', 'E.g. “专此答复，……”.'),
  issuingUnit: UnitSchema.meta(
    bilingual('发文机关', 'Issuing unit', '署名并盖章的单位。', 'The unit that signs and seals.'),
  ),
  signer: text('签发人', 'Signer', '签发答复的单位负责人。', 'The unit leader who signed it off.'),
  date: isoDateField('成文日期', 'Date', '答复函落款日期。', 'The date on the letter.'),
  contact: ContactSchema,
  disclosure: DisclosureSchema,
  copyTo: z
    .array(CopyToSchema)
    .meta(bilingual('抄送', 'Copy to', '抄送机关，按原文顺序。', 'Copy recipients, in printed order.')),
  printedBy: text('印发机关', 'Printed by', '印发机关，如“中山市商务局办公室”。', 'The printing office.'),
  printDate: isoDateField('印发日期', 'Print date', '印发日期。', 'The date it was printed.'),
};

/** A reply letter (答复函/复文), field by field, with its text verbatim so a renderer can reproduce it. */
export const ReplyLetterSchema = z
  .strictObject(letterShape)
  .superRefine((l, ctx) => {
    for (const id of duplicates(l.responses.map((r) => r.suggestionId)))
      raise(ctx, 'duplicate_id', id, ['responses'], { value: id });
    if (l.printDate < l.date)
      raise(ctx, 'print_date_before_issue', l.printDate, ['printDate'], { value: l.printDate, found: l.date });
  })
  .meta(
    bilingual(
      '答复函',
      'Reply letter',
      '承办单位对提案或建议的正式答复（答复函/复文）。',
      'The handling unit’s formal reply to a proposal or suggestion.',
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
    if (!allowed.includes(l.class))
      raise(ctx, 'class_not_in_scheme', l.class, ['class'], { value: l.class, options: allowed.join('/') });
  });
}
