import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { paragraphs, text } from './internal/fields.js';
import { raise } from './internal/issue.js';
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

/** Labels of how each point was taken up. */
export const ADOPTION_LABELS = {
  adopted: { 'zh-CN': '吸收采纳', en: 'Adopted' },
  partlyAdopted: { 'zh-CN': '部分采纳', en: 'Partly adopted' },
  planned: { 'zh-CN': '列入计划', en: 'Planned' },
  underStudy: { 'zh-CN': '研究办理', en: 'Under study' },
  forReference: { 'zh-CN': '留作参考', en: 'For reference' },
  notAdopted: { 'zh-CN': '未予采纳', en: 'Not adopted' },
} as const;

/** How one point of the proposal was taken up. */
export const AdoptionSchema = labelledEnum(
  ADOPTION_LABELS,
  bilingual('采纳情况', 'Adoption', '对该条建议的采纳情况。', 'How the point was taken up.'),
);

/** How one point of the proposal was taken up. */
export type Adoption = z.infer<typeof AdoptionSchema>;

/** The answer to one point of the proposal: heading, adoption statement and body paragraphs, all verbatim. */
export const ResponseSchema = z
  .strictObject({
    suggestionId: text('建议事项标识', 'Point id', '所答复的建议事项的标识。', 'Id of the point answered.'),
    heading: text('标题', 'Heading', '如“一、关于……的建议”，原文照录。', 'E.g. “一、关于……的建议”, verbatim.'),
    adoption: AdoptionSchema,
    statement: text('采纳表述', 'Statement', '如“吸收采纳该建议。”，原文照录。', 'E.g. “吸收采纳该建议。”, verbatim.'),
    body: paragraphs('答复正文', 'Body', '逐段答复内容，含“（一）…”小标题。', 'The answer, paragraph by paragraph.'),
  })
  .meta(bilingual('逐条答复', 'Response', '对一条建议的答复。', 'The answer to one point.'));

/** The answer to one point of the proposal. */
export type Response = z.infer<typeof ResponseSchema>;

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
