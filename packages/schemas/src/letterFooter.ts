import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { text, textRulesByShape, withTextRules } from './internal/fields.js';
import { type RuleReport, raise, refineBy } from './internal/issue.js';
import { isoDateField } from './isoDate.js';
import { bilingual } from './meta.js';

const PHONE = /^\+?[\d\s()（）-]+(?:(?:转|ext\.?)\s*\d{1,6})?$/u;

// Whether a string is one or more ASCII digits (what `\d` matches).
function onlyDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Tells whether a string looks like a telephone number (5–15 digits, with optional area code and extension). */
export function isPhoneNumber(value: string): boolean {
  // Digits alone, as most numbers are printed: the pattern passes them and each is a digit, so only the count is left
  // to check (issue 15: the two replacements and the pattern ran for each letter's contact).
  if (onlyDigits(value)) return value.length >= 5 && value.length <= 15;
  const digits = value.replace(/(?:转|ext\.?)\s*\d{1,6}$/u, '').replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 5 && digits <= 15;
}

/** A telephone-shaped field (a contact's telephone, its fax): a number {@link isPhoneNumber} accepts. */
const phoneNumber = (zh: string, en: string, zhDescription: string, enDescription: string) =>
  // The text rules too: `\\s` in the telephone shape matches U+FEFF.
  withTextRules(
    z.string().superRefine((value, ctx) => {
      if (!isPhoneNumber(value)) raise(ctx, 'invalid_phone', value, [], { value });
    }),
  ).meta(bilingual(zh, en, zhDescription, enDescription));

// A site that masks a contact's number prints some digits as “*” (“1582****162”, 嵩明: http://www.kmsm.gov.cn/c/2018-11-19/4041913.shtml).
const MASKED_PHONE = /^\+?[\d\s()（）*＊×-]+$/u;
const MASK = /[*＊×]/gu;

/**
 * Tells whether a string is a telephone number as a site printed it with some digits masked (“1582****162”): at least
 * one digit and one mask character (*, ＊ or ×), 5–15 digits and masks in all. It names no number, so
 * {@link isPhoneNumber} refuses it.
 */
export function isMaskedPhoneNumber(value: string): boolean {
  if (!MASKED_PHONE.test(value)) return false;
  const masks = value.match(MASK)?.length ?? 0;
  const digits = value.replace(/\D/gu, '').length;
  return masks > 0 && digits > 0 && masks + digits >= 5 && masks + digits <= 15;
}

const POSTCODE = /^\d{6}$/u;

/** Tells whether a string is a six-digit postcode. */
export const isPostcode = (value: string): boolean => POSTCODE.test(value);

/**
 * A contact names at least a person, a telephone (a number, or one printed masked) or an email (one definition for the
 * schema and its fast parser).
 */
export function contactRules(
  c: {
    person?: string | undefined;
    phone?: string | undefined;
    maskedPhone?: string | undefined;
    email?: string | undefined;
  },
  report: RuleReport,
): void {
  if (c.person === undefined && c.phone === undefined && c.maskedPhone === undefined && c.email === undefined)
    report('contact_empty', c);
}

/**
 * One contact of a reply (联系人、电话、传真、邮箱、地址、邮编). Real letters print one or two, with any of these parts; a
 * contact must name at least a person, a telephone or an email. The postcode is six digits, never a phone number. A
 * telephone a site printed with digits masked (“1582****162”) is kept as printed in `maskedPhone`, never in `phone`:
 * it names no number, so it does not meet a locality's requirement of a contact's telephone.
 */
export const ContactSchema = z
  .strictObject({
    person: text('联系人', 'Contact person', '联系人姓名。', 'The contact person’s name.').optional(),
    department: text(
      '联系科室',
      'Department',
      '联系人所在科室，如“市商务局电商科”。',
      'Their section, e.g. 市商务局电商科.',
    ).optional(),
    phone: phoneNumber('电话', 'Telephone', '联系电话。', 'The contact telephone number.').optional(),
    maskedPhone: withTextRules(
      z.string().superRefine((value, ctx) => {
        if (!isMaskedPhoneNumber(value)) raise(ctx, 'invalid_phone', value, [], { value });
      }),
    )
      .meta(
        bilingual(
          '电话（部分隐去）',
          'Masked telephone',
          '网站隐去部分数字后所印的电话，如“1582****162”，照录，不是号码。',
          'A telephone as a site printed it with digits masked, e.g. 1582****162: kept as printed, not a number.',
        ),
      )
      .optional(),
    // 浙江省交通运输厅's letter prints “传  真:0571-…” under the telephone (test/fixtures/letters).
    fax: phoneNumber('传真', 'Fax', '传真号码。', 'The fax number.').optional(),
    email: z
      .email()
      .meta(bilingual('邮箱', 'Email', '联系邮箱。', 'The contact email address.'))
      .optional(),
    address: text('地址', 'Address', '通讯地址。', 'The postal address.').optional(),
    postcode: textRulesByShape(
      z.string().superRefine((value, ctx) => {
        if (!isPostcode(value)) raise(ctx, 'postcode_format', value, [], { value });
      }),
    )
      .meta(bilingual('邮编', 'Postcode', '六位邮政编码。', 'The six-digit postcode.', { pattern: '^\\d{6}$' }))
      .optional(),
  })
  .superRefine(refineBy(contactRules))
  .meta(bilingual('联系方式', 'Contact', '答复函所印的一位联系人及其联系方式。', 'One contact printed on the reply.'));

/** One contact of a reply. */
export type Contact = z.infer<typeof ContactSchema>;

/** Labels of the disclosure modes (公开方式), domain.md §5 [S81]; 番禺 writes 免予公开 for `withheld` [S40]. */
export const DISCLOSURE_MODE_LABELS = {
  proactive: { 'zh-CN': '主动公开', en: 'Proactive disclosure' },
  onRequest: { 'zh-CN': '依申请公开', en: 'Disclosure on request' },
  withheld: { 'zh-CN': '不予公开', en: 'Not disclosed' },
} as const;

/** How the reply is published. */
export const DisclosureModeSchema = labelledEnum(
  DISCLOSURE_MODE_LABELS,
  bilingual(
    '公开方式',
    'Disclosure mode',
    '主动公开、依申请公开或不予公开。',
    'Proactive, on request or not disclosed.',
  ),
);

/**
 * A disclosure states a mode or a printed mark, and a reason when withheld (one definition for the schema and its fast
 * parser).
 */
export function disclosureRules(
  d: { mode?: string | undefined; mark?: string | undefined; reason?: string | undefined },
  report: RuleReport,
): void {
  if (d.mode === undefined && d.mark === undefined) report('required', d.mode, ['mode']);
  if (d.mode === 'withheld' && d.reason === undefined) report('disclosure_reason_required', d.reason, ['reason']);
}

/**
 * The disclosure attribute: the mode (fixed at drafting, domain.md §5 [S39]) and, beside it, the mark exactly as
 * printed (“公开方式：主动公开”, “公开”, “同意公开”, “是否同意公开：是”). `withheld` needs a reason.
 */
export const DisclosureSchema = z
  .strictObject({
    mode: DisclosureModeSchema.optional(),
    mark: text('所印标注', 'Printed mark', '公开标注原文，如“是否同意公开：是”。', 'The mark as printed.').optional(),
    reason: text(
      '不予公开理由',
      'Reason',
      '不予公开时须说明的理由。',
      'Why it is not disclosed (required then).',
    ).optional(),
  })
  .superRefine(refineBy(disclosureRules))
  .meta(
    bilingual(
      '公开属性',
      'Disclosure',
      '答复函的公开方式、所印标注及不予公开的理由。',
      'The disclosure mode, the printed mark and, if withheld, why.',
    ),
  );

/** The disclosure attribute of a reply. */
export type Disclosure = z.infer<typeof DisclosureSchema>;

/** One entry of the 抄送 list. */
export const CopyToSchema = z
  .strictObject({
    name: text('抄送机关', 'Recipient', '抄送机关名称，原文照录。', 'The recipient’s name, verbatim.'),
    copies: z
      .number()
      .int()
      .min(1)
      .meta(bilingual('份数', 'Copies', '抄送份数，如“（2份）”。', 'Number of copies, e.g. (2份).'))
      .optional(),
  })
  .meta(bilingual('抄送', 'Copy to', '一个抄送机关。', 'One copy recipient.'));

/** One entry of the 抄送 list. */
export type CopyTo = z.infer<typeof CopyToSchema>;

/** A list of recipients as printed after 报 or 抄送, with the separator the letter uses (“、”, “，” or a space). */
export const RecipientListSchema = z
  .strictObject({
    recipients: z
      .array(CopyToSchema)
      .min(1)
      .meta(bilingual('接收机关', 'Recipients', '按原文顺序。', 'In printed order.')),
    separator: withTextRules(z.string().max(2))
      .meta(bilingual('分隔符', 'Separator', '原文所用分隔符，如“、”。', 'The printed separator, e.g. 、.'))
      .optional(),
  })
  .meta(bilingual('报送/抄送', 'Recipient list', '报或抄送的机关名单。', 'The 报 or 抄送 list.'));

/** A list of recipients as printed after 报 or 抄送. */
export type RecipientList = z.infer<typeof RecipientListSchema>;

/** The 版记 imprint: the printing office and the print date, printed as one block at the foot of a letter. */
export const ImprintSchema = z
  .strictObject({
    printedBy: text('印发机关', 'Printed by', '印发机关，如“中山市商务局办公室”。', 'The printing office.'),
    printDate: isoDateField('印发日期', 'Print date', '印发日期。', 'The date it was printed.').optional(),
  })
  .meta(bilingual('版记', 'Imprint', '印发机关和印发日期。', 'The printing office and print date.'));

/** The 版记 imprint. */
export type Imprint = z.infer<typeof ImprintSchema>;
