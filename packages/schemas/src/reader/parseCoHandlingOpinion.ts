import { type CoHandlingOpinion, CoHandlingOpinionSchema } from '../coHandlingOpinion.js';
import { parseReplyLetter, type ReaderWarning } from './parseReplyLetter.js';

/**
 * A co-unit's opinion letter as printed: the fields of {@link CoHandlingOpinion}, with the two units named as printed
 * (a printed letter carries no unit ids; give them when the opinion is recorded).
 */
export type PrintedCoHandlingOpinion = Omit<CoHandlingOpinion, 'fromUnit' | 'toUnit'> & {
  fromUnit: { name: string };
  toUnit: { name: string };
};

/** The outcome of {@link parseCoHandlingOpinion}: the opinion as read (absent when it could not be read) and warnings. */
export interface ReadCoHandlingOpinion {
  opinion: PrintedCoHandlingOpinion | undefined;
  warnings: ReaderWarning[];
}

/** The unit a title opens with: “某州人民政府关于…”, “某区城市管理局关于…”. */
const TITLED_UNIT =
  /^([\p{Script=Han}（）()]{2,40}?(?:人民政府|政府|委员会|办公室|办公厅|管理局|局|委|厅|办|中心|院|街道办事处|管委会|公司|镇|乡))关于/u;

const warn = (code: string, zh: string, en: string): ReaderWarning => ({ code, messages: { 'zh-CN': zh, en } });

/**
 * Reads the plain text of a co-unit's opinion letter to the lead unit (会办意见函/协办意见的函, as published by 达川区
 * 经济和信息化局: “…关于区政协三届一次会议第033号提案协办意见的函”, addressed “区乡村振兴局:”) into a
 * {@link PrintedCoHandlingOpinion}: the co-unit (the unit that signs, else the letterhead, else the unit the title opens
 * with: “黔东南州人民政府关于…的会办意见”), the lead unit (the
 * addressee), title, number, the item's reference, the opinion's text (one paragraph a line, from the opening on),
 * closing, date, signatories, contacts and 抄送. Pure and never throws: what it cannot read comes back as warnings, and
 * no opinion when the co-unit, the lead unit, the text or the date is missing. The letter is read as a reply letter
 * is ({@link parseReplyLetter}), so it reads the same page furniture, numbers, dates and foot.
 *
 * @example
 * ```ts
 * const { opinion } = parseCoHandlingOpinion(text);
 * opinion?.toUnit.name; // '区乡村振兴局'
 * ```
 */
export function parseCoHandlingOpinion(text: string): ReadCoHandlingOpinion {
  const { letter, warnings } = parseReplyLetter(text);
  if (!letter) return { opinion: undefined, warnings };
  // The co-unit signs, or prints its name at the head; else the title names it (“黔东南州人民政府关于…的会办意见”).
  const from = letter.issuingUnit?.name ?? letter.letterhead ?? TITLED_UNIT.exec(letter.title ?? '')?.[1];
  const to = letter.addressees?.[0];
  const paragraphs = [
    letter.opening,
    ...(letter.intro ?? []),
    ...(letter.responses ?? []).flatMap((r) => [r.heading, r.statement, ...r.body]),
    ...(letter.body ?? []),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const missing: [boolean, string, string][] = [
    [from === undefined, '会办单位（落款或版头）', 'the co-unit (signature or letterhead)'],
    [to === undefined, '主办单位（主送）', 'the lead unit (addressee)'],
    [paragraphs.length === 0, '意见内容', 'the opinion’s text'],
    [letter.date === undefined, '日期', 'the date'],
  ];
  const lacking = missing.filter(([m]) => m);
  if (from === undefined || to === undefined || paragraphs.length === 0 || letter.date === undefined) {
    return {
      opinion: undefined,
      warnings: [
        ...warnings,
        warn(
          'opinion_unread',
          `未能读出会办意见：缺少${lacking.map(([, zh]) => zh).join('、')}`,
          `No opinion could be read: ${lacking.map(([, , en]) => en).join(', ')} missing`,
        ),
      ],
    };
  }
  const opinion: PrintedCoHandlingOpinion = {
    fromUnit: { name: from },
    toUnit: { name: to },
    ...(letter.title !== undefined ? { title: letter.title } : {}),
    ...(letter.docNumber !== undefined ? { docNumber: letter.docNumber } : {}),
    ...(letter.printedDocNumber !== undefined ? { printedDocNumber: letter.printedDocNumber } : {}),
    ...(letter.reference !== undefined ? { reference: letter.reference } : {}),
    text: paragraphs.join('\n'),
    ...(letter.closing !== undefined ? { closing: letter.closing } : {}),
    date: letter.date,
    ...(letter.dateText !== undefined ? { dateText: letter.dateText } : {}),
    ...(letter.signatories?.length ? { signatories: letter.signatories } : {}),
    ...(letter.contacts !== undefined ? { contacts: letter.contacts } : {}),
    ...(letter.copyTo !== undefined ? { copyTo: letter.copyTo } : {}),
  };
  // The opinion schema checks everything but the ids a printed letter lacks: check it with the names standing in.
  const checked = CoHandlingOpinionSchema.safeParse({
    ...opinion,
    fromUnit: { id: from, name: from },
    toUnit: { id: to, name: to },
  });
  if (!checked.success) {
    return {
      opinion: undefined,
      warnings: [
        ...warnings,
        warn(
          'opinion_invalid',
          `读出的会办意见不符合会办意见的规则：${checked.error.issues.map((i) => i.path.join('.') || i.code).join('、')}`,
          `The opinion read breaks the opinion's rules: ${checked.error.issues.map((i) => i.path.join('.') || i.code).join(', ')}`,
        ),
      ],
    };
  }
  return { opinion, warnings };
}
