import { formatChineseDate } from '@banli/core';
import type { ReplyLetter } from '@banli/schemas';

/** The letter fields the renderers read (a `ReplyLetter` from @banli/schemas). */
export type LetterInput = ReplyLetter;

const DISCLOSURE: Record<string, string> = { proactive: '主动公开', onRequest: '依申请公开', withheld: '不予公开' };

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
    | 'contact'
    | 'disclosure'
    | 'copyTo'
    | 'printedBy'
    | 'printDate';
  text: string;
}

/** Lays a letter out in reading order, one block per printed line or paragraph, as in the seed letter. */
export function letterBlocks(letter: LetterInput): LetterBlock[] {
  const blocks: LetterBlock[] = [
    { role: 'classMark', text: letter.classMark ?? `（${letter.class}类）` },
    { role: 'issuer', text: letter.issuingUnit.name },
    { role: 'docNumber', text: letter.docNumber },
    { role: 'title', text: letter.title },
    { role: 'addressees', text: `${letter.addressees.join('、')}：` },
    { role: 'paragraph', text: letter.opening },
  ];
  for (const p of letter.intro ?? []) blocks.push({ role: 'paragraph', text: p });
  for (const r of letter.responses) {
    blocks.push({ role: 'heading', text: r.heading }, { role: 'statement', text: r.statement });
    for (const p of r.body) blocks.push({ role: 'paragraph', text: p });
  }
  const c = letter.contact;
  const contact = [
    `联系人：${c.department ? `${c.department} ` : ''}${c.person}`,
    `电话：${c.phone}`,
    ...(c.email ? [`邮箱：${c.email}`] : []),
  ].join('，');
  const d = letter.disclosure;
  blocks.push(
    { role: 'closing', text: letter.closing },
    { role: 'signature', text: letter.issuingUnit.name },
    { role: 'date', text: formatChineseDate(letter.date) },
    { role: 'contact', text: `（${contact}）` },
    { role: 'disclosure', text: `公开方式：${DISCLOSURE[d.mode] ?? d.mode}${d.reason ? `（${d.reason}）` : ''}` },
  );
  if (letter.copyTo.length > 0) {
    const names = letter.copyTo.map((x) => (x.copies ? `${x.name}（${x.copies}份）` : x.name));
    blocks.push({ role: 'copyTo', text: `抄送：${names.join('、')}。` });
  }
  blocks.push(
    { role: 'printedBy', text: letter.printedBy },
    { role: 'printDate', text: `${formatChineseDate(letter.printDate)}印发` },
  );
  return blocks;
}
