import type { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { bilingual } from './meta.js';
import type { ReplyLetter } from './replyLetter.js';

/**
 * Labels of the parts of a reply letter a locality may require (domain.md §5): what a printed letter may lack and a
 * policy's `letterRequirements` (@banli/core) may ask for. `signer` is a printed 签发人 (or 审签人) line; `contact` is a
 * contact naming a person and a telephone [S17][S35]; `docNumber` is met by a printed number too, conforming or not.
 */
export const LETTER_FIELD_LABELS = {
  docNumber: { 'zh-CN': '发文字号', en: 'Document number' },
  classMark: { 'zh-CN': '分类标注', en: 'Class mark' },
  title: { 'zh-CN': '标题', en: 'Title' },
  reference: { 'zh-CN': '所答复事项的届次和编号', en: 'Reference to the item answered' },
  addressees: { 'zh-CN': '主送对象', en: 'Addressees' },
  opening: { 'zh-CN': '开头语', en: 'Opening' },
  closing: { 'zh-CN': '结束语', en: 'Closing' },
  issuingUnit: { 'zh-CN': '发文机关署名', en: 'Issuing unit' },
  signer: { 'zh-CN': '签发人', en: 'Signer' },
  contact: { 'zh-CN': '联系人及联系电话', en: 'Contact person and telephone' },
  disclosure: { 'zh-CN': '公开方式', en: 'Disclosure mark' },
  date: { 'zh-CN': '成文日期', en: 'Date' },
  copyTo: { 'zh-CN': '抄送', en: 'Copy to' },
  imprint: { 'zh-CN': '版记', en: 'Imprint' },
} as const;

/** A part of a reply letter a locality may require. */
export const LetterFieldSchema = labelledEnum(
  LETTER_FIELD_LABELS,
  bilingual(
    '答复函要素',
    'Letter field',
    '地方规定答复函须具备的要素，如发文字号、联系人。',
    'A part of a reply letter a locality may require, e.g. the document number or the contact.',
  ),
);

/** A part of a reply letter a locality may require. */
export type LetterField = z.infer<typeof LetterFieldSchema>;

/** The fields whose entries may be required to name a body (`naming`): 主送 and 抄送. */
export const NAMED_LETTER_FIELDS: readonly LetterField[] = ['addressees', 'copyTo'];

const filled = (s: string | undefined) => s !== undefined && s.trim() !== '';

/** The entries of a list field, as printed (addressees, 抄送 recipients). */
function entriesOf(letter: ReplyLetter, field: LetterField): string[] {
  if (field === 'addressees') return letter.addressees ?? [];
  if (field === 'copyTo') return (letter.copyTo?.recipients ?? []).map((r) => r.name);
  return [];
}

/**
 * Whether a letter prints a field; with `naming`, whether one of its entries (主送 or 抄送) contains one of the words,
 * e.g. `hasLetterField(letter, 'copyTo', ['人大常委会'])` for a suggestion's reply copied to the people's congress.
 *
 * @example
 * ```ts
 * hasLetterField(fixtures.seedReplyLetter132402, 'contact'); // true: 陈启航, 89892335
 * ```
 */
export function hasLetterField(letter: ReplyLetter, field: LetterField, naming?: readonly string[]): boolean {
  if (naming !== undefined && naming.length > 0)
    return entriesOf(letter, field).some((entry) => naming.some((word) => entry.includes(word)));
  switch (field) {
    case 'docNumber':
      return letter.docNumber !== undefined || letter.printedDocNumber !== undefined;
    case 'title':
    case 'opening':
    case 'closing':
      return filled(letter[field]);
    case 'addressees':
    case 'copyTo':
      return entriesOf(letter, field).some(filled);
    case 'signer':
      return (letter.signatories ?? []).some((s) => s.role === 'signer' || s.role === 'reviewer');
    case 'contact':
      return (letter.contacts ?? []).some((c) => filled(c.person) && filled(c.phone));
    case 'date':
      return letter.date !== undefined || filled(letter.dateText);
    default:
      return letter[field] !== undefined;
  }
}
