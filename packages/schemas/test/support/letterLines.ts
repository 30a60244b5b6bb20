import { DISCLOSURE_MODE_LABELS, type ReplyLetter } from '../../src/index.js';

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Lays a reply letter out in the seed letter's order, one string per printed block. */
export function letterLines(letter: ReplyLetter): string[] {
  const c = letter.contact;
  const contact = [
    `联系人：${c.department ? `${c.department} ` : ''}${c.person}`,
    `电话：${c.phone}`,
    ...(c.email ? [`邮箱：${c.email}`] : []),
  ];
  return [
    letter.classMark ?? `（${letter.class}类）`,
    letter.issuingUnit.name,
    letter.docNumber,
    letter.title,
    `${letter.addressees.join('、')}：`,
    letter.opening,
    ...(letter.intro ?? []),
    ...letter.responses.flatMap((r) => [r.heading, r.statement, ...r.body]),
    letter.closing,
    letter.issuingUnit.name,
    chineseDate(letter.date),
    `（${contact.join('，')}）`,
    `公开方式：${DISCLOSURE_MODE_LABELS[letter.disclosure.mode]['zh-CN']}`,
    `抄送：${letter.copyTo.map((x) => (x.copies ? `${x.name}（${x.copies}份）` : x.name)).join('、')}。`,
    letter.printedBy,
    `${chineseDate(letter.printDate)}印发`,
  ];
}
