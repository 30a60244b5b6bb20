import { z } from 'zod';
import { DocNumberSchema } from './docNumber.js';
import { text } from './internal/fields.js';
import { type RuleReport, refineBy } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { ItemReferenceSchema } from './itemReference.js';
import { ContactSchema, RecipientListSchema } from './letterFooter.js';
import { bilingual } from './meta.js';
import { PrintedDocNumberSchema } from './replyLetter.js';
import { SignatorySchema } from './signatory.js';
import { UnitSchema } from './unit.js';

/** An opinion goes from one unit to another (one definition for the schema and its fast parser). */
export function opinionRules(
  o: { fromUnit: { id: string }; toUnit: { id: string; name: string } },
  report: RuleReport,
): void {
  if (o.fromUnit.id === o.toUnit.id) report('opinion_same_unit', o.toUnit, ['toUnit'], { value: o.toUnit.name });
}

/**
 * A co-handling unit's written opinion (会办意见/会办意见函) sent to the lead unit, which merges it into the reply
 * (domain.md §1, §5: the co-unit "sends a written opinion to the lead unit and does not reply directly" [S17]; "会办单位
 * 应主动将办理意见函告主办单位" [S22]). Printed as a letter of its own, it carries what a reply letter carries, all
 * optional: its own document number under a separate 代字 (e.g. 浙海渔提函 beside 浙海渔提 for replies [S23]), the
 * title “关于…第×号提案的会办意见” [S23], the item's printed reference, the co-unit's sign-off and contacts, the printed
 * date and a 抄送 list. `text` is the opinion itself, one paragraph a line. The shape follows the sources above; session 7
 * found one published letter that fits it (达川区经济和信息化局's 协办意见的函 to the lead unit, read by
 * `parseCoHandlingOpinion`; see the README).
 */
export const CoHandlingOpinionSchema = z
  .strictObject({
    fromUnit: UnitSchema.meta(bilingual('会办单位', 'From unit', '出具意见的会办单位。', 'The co-handling unit.')),
    toUnit: UnitSchema.meta(
      bilingual('主办单位', 'To lead unit', '接收意见的主办单位。', 'The lead unit receiving it.'),
    ),
    title: text('标题', 'Title', '如“…的会办意见”。', 'E.g. “…的会办意见”.').optional(),
    docNumber: DocNumberSchema.meta(
      bilingual(
        '发文字号',
        'Document number',
        '会办意见的发文字号（如有，使用单独的代字）。',
        'Its document number, if any.',
      ),
    ).optional(),
    printedDocNumber: PrintedDocNumberSchema.optional(),
    reference: ItemReferenceSchema.optional(),
    text: text('意见内容', 'Opinion', '会办意见全文，每行一段。', 'The opinion’s full text, one paragraph a line.'),
    closing: text('结束语', 'Closing', '如“特此函告。”', 'E.g. 特此函告.').optional(),
    date: isoDateField('日期', 'Date', '出具意见的日期。', 'The date of the opinion.'),
    dateText: text('所印日期', 'Date as printed', '落款日期原文。', 'The date as printed.').optional(),
    signatories: z
      .array(SignatorySchema)
      .min(1)
      .meta(
        bilingual(
          '签署人',
          'Signatories',
          '会办单位的签发人、经办人等。',
          'The co-unit’s signer, handler and the like.',
        ),
      )
      .optional(),
    contacts: z
      .array(ContactSchema)
      .min(1)
      .meta(bilingual('联系方式', 'Contacts', '会办单位的联系人。', 'The co-unit’s contacts.'))
      .optional(),
    copyTo: RecipientListSchema.meta(
      bilingual('抄送', 'Copy to', '“抄送：”所列机关。', 'The bodies listed after 抄送.'),
    ).optional(),
  })
  .superRefine(refineBy(opinionRules))
  .meta(
    bilingual(
      '会办意见',
      'Co-handling opinion',
      '会办单位向主办单位出具的书面意见。',
      "A co-handling unit's written opinion to the lead unit.",
    ),
  );

/** A co-handling unit's written opinion. */
export type CoHandlingOpinion = z.infer<typeof CoHandlingOpinionSchema>;
