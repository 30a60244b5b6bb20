import { formatChineseDate } from '@banli/core';
import {
  type Contact,
  classOfMark,
  DISCLOSURE_MODE_LABELS,
  type RecipientList,
  type ReplyLetter,
  restateClassMark,
} from '@banli/schemas';

/** The letter fields the renderers read (a `ReplyLetter` from @banli/schemas). */
export type LetterInput = ReplyLetter;

// One definition of the Chinese date format (2023年6月30日), shared with refusal messages in @banli/core.
export { formatChineseDate };

/** One block of a rendered letter: its role decides layout in Markdown and HTML; text is unescaped. */
export interface LetterBlock {
  role:
    | 'classMark'
    | 'issuer'
    | 'docNumber'
    | 'title'
    | 'addressees'
    | 'paragraph'
    | 'heading'
    | 'statement'
    | 'closing'
    | 'signature'
    | 'date'
    | 'signatory'
    | 'contact'
    | 'disclosure'
    | 'reportTo'
    | 'copyTo'
    | 'printedBy'
    | 'printDate';
  text: string;
}

/**
 * The class mark the letter prints: the printed mark when it states the letter's class, restated (same brackets and
 * wording) when a supervisor changed the class, and nothing when the letter prints no mark.
 */
function effectiveClassMark(letter: LetterInput): string | undefined {
  const mark = letter.classMark?.text;
  if (mark === undefined || letter.class === undefined) return mark;
  const stated = classOfMark(mark);
  return stated && stated.class !== letter.class ? restateClassMark(mark, letter.class) : mark;
}

/** One printed contact line: “（联系人：…，电话：…，传真：…）”. */
export function contactLine(c: Contact): string {
  const parts = [
    ...(c.person !== undefined || c.department !== undefined
      ? [`联系人：${c.department ? `${c.department}${c.person ? ' ' : ''}` : ''}${c.person ?? ''}`]
      : []),
    ...(c.phone ? [`电话：${c.phone}`] : []),
    // A telephone a site printed with digits masked (“1582****162”) is printed as it was, where the telephone goes.
    ...(c.maskedPhone ? [`电话：${c.maskedPhone}`] : []),
    ...(c.fax ? [`传真：${c.fax}`] : []),
    ...(c.email ? [`邮箱：${c.email}`] : []),
    ...(c.address ? [`地址：${c.address}`] : []),
    ...(c.postcode ? [`邮编：${c.postcode}`] : []),
  ];
  return `（${parts.join('，')}）`;
}

/** A printed 报/抄送 line: “抄送：甲（2份）、乙。”. */
export function recipients(label: string, list: RecipientList): string {
  const names = list.recipients.map((x) => (x.copies ? `${x.name}（${x.copies}份）` : x.name));
  return `${label}：${names.join(list.separator ?? '、')}。`;
}

/**
 * Lays a letter out in the order real letters use, one block per printed line or paragraph: what the letter has and
 * nothing it lacks. The class mark sits where it was printed (top right, on the document-number line, or in the footer)
 * and states the effective class.
 */
export function letterBlocks(letter: LetterInput): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  const push = (role: LetterBlock['role'], text: string | undefined) => {
    if (text !== undefined && text !== '') blocks.push({ role, text });
  };
  const mark = effectiveClassMark(letter);
  const position = letter.classMark?.position ?? 'topRight';
  if (position === 'topRight') push('classMark', mark);
  push('issuer', letter.letterhead);
  const number = letter.docNumber ?? letter.printedDocNumber?.text;
  push('docNumber', position === 'docNumberLine' && mark ? `${number ?? ''}${mark}` : number);
  push('title', letter.title);
  if (letter.addressees?.length) push('addressees', `${letter.addressees.join('、')}：`);
  for (const p of letter.greeting ?? []) push('paragraph', p);
  push('paragraph', letter.opening);
  for (const p of letter.intro ?? []) push('paragraph', p);
  for (const r of letter.responses ?? []) {
    push('heading', r.heading);
    push('statement', r.statement);
    for (const p of r.body) push('paragraph', p);
  }
  for (const p of letter.body ?? []) push('paragraph', p);
  push('closing', letter.closing);
  push('signature', letter.issuingUnit?.name);
  push('date', letter.dateText ?? (letter.date ? formatChineseDate(letter.date) : undefined));
  for (const s of letter.signatories ?? []) push('signatory', `${s.label}：${s.name}`);
  for (const c of letter.contacts ?? []) push('contact', contactLine(c));
  const d = letter.disclosure;
  if (d) {
    const said = d.mark ?? (d.mode ? `公开方式：${DISCLOSURE_MODE_LABELS[d.mode]['zh-CN']}` : undefined);
    push('disclosure', said && d.reason ? `${said}（${d.reason}）` : said);
  }
  if (position === 'footer') push('classMark', mark);
  if (letter.reportTo) push('reportTo', recipients('报', letter.reportTo));
  if (letter.copyTo) push('copyTo', recipients('抄送', letter.copyTo));
  push('printedBy', letter.imprint?.printedBy);
  if (letter.imprint?.printDate) push('printDate', `${formatChineseDate(letter.imprint.printDate)}印发`);
  return blocks;
}
