import { DISCLOSURE_MODE_LABELS, type ReplyLetter } from '../../src/index.js';

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Lays a reply letter out in the seed letter's order, one string per printed block (the seed has every block). */
export function letterLines(letter: ReplyLetter): string[] {
  const c = letter.contacts?.[0];
  const contact = c
    ? [
        `联系人：${c.department ? `${c.department} ` : ''}${c.person ?? ''}`,
        ...(c.phone ? [`电话：${c.phone}`] : []),
        ...(c.email ? [`邮箱：${c.email}`] : []),
      ]
    : [];
  const mode = letter.disclosure?.mode;
  return [
    letter.classMark?.text ?? '',
    letter.letterhead ?? '',
    letter.docNumber ?? '',
    letter.title ?? '',
    `${(letter.addressees ?? []).join('、')}：`,
    ...(letter.greeting ?? []),
    letter.opening ?? '',
    ...(letter.intro ?? []),
    ...(letter.responses ?? []).flatMap((r) => [r.heading ?? '', r.statement ?? '', ...r.body]),
    letter.closing ?? '',
    letter.issuingUnit?.name ?? '',
    letter.date ? chineseDate(letter.date) : '',
    `（${contact.join('，')}）`,
    mode ? `公开方式：${DISCLOSURE_MODE_LABELS[mode]['zh-CN']}` : '',
    `抄送：${(letter.copyTo?.recipients ?? []).map((x) => (x.copies ? `${x.name}（${x.copies}份）` : x.name)).join('、')}。`,
    letter.imprint?.printedBy ?? '',
    letter.imprint?.printDate ? `${chineseDate(letter.imprint.printDate)}印发` : '',
  ].filter((l) => l !== '');
}
