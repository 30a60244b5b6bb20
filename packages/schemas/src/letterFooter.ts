import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { text } from './internal/fields.js';
import { raise } from './internal/issue.js';
import { bilingual } from './meta.js';

const PHONE = /^\+?[\d\s()（）-]+(?:(?:转|ext\.?)\s*\d{1,6})?$/u;

/** Tells whether a string looks like a telephone number (5–15 digits, with optional area code and extension). */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/(?:转|ext\.?)\s*\d{1,6}$/u, '').replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 5 && digits <= 15;
}

/** The contact line of a reply (联系人、电话、邮箱). */
export const ContactSchema = z
  .strictObject({
    person: text('联系人', 'Contact person', '联系人姓名。', 'The contact person’s name.'),
    department: text(
      '联系科室',
      'Department',
      '联系人所在科室，如“市商务局电商科”。',
      'Their section, e.g. 市商务局电商科.',
    ).optional(),
    phone: z
      .string()
      .superRefine((value, ctx) => {
        if (!isPhoneNumber(value)) raise(ctx, 'invalid_phone', value, [], { value });
      })
      .meta(bilingual('电话', 'Telephone', '联系电话。', 'The contact telephone number.')),
    email: z
      .email()
      .meta(bilingual('邮箱', 'Email', '联系邮箱。', 'The contact email address.'))
      .optional(),
  })
  .meta(bilingual('联系方式', 'Contact', '答复函末尾的联系人和联系电话。', 'The contact person and telephone.'));

/** The contact line of a reply. */
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

/** The disclosure attribute fixed at drafting; `withheld` needs a reason (domain.md §5 [S39]). */
export const DisclosureSchema = z
  .strictObject({
    mode: DisclosureModeSchema,
    reason: text(
      '不予公开理由',
      'Reason',
      '不予公开时须说明的理由。',
      'Why it is not disclosed (required then).',
    ).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.mode === 'withheld' && d.reason === undefined) raise(ctx, 'disclosure_reason_required', d.reason, ['reason']);
  })
  .meta(
    bilingual(
      '公开属性',
      'Disclosure',
      '答复函的公开方式及不予公开的理由。',
      'The disclosure mode and, if withheld, why.',
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
