import type { ReplyLetter } from '../replyLetter.js';
import type { ReaderWarning } from './parseReplyLetter.js';

/**
 * Doubts about a letter that are not errors: a document-number year that differs from the letter's date (a letter
 * dated in January may still carry last year's number, so this warns and never refuses).
 *
 * @example
 * ```ts
 * letterWarnings({ docNumber: '中商务电函〔2022〕12号', date: '2023-06-30', body: ['…'] })[0]?.code; // 'doc_number_year_mismatch'
 * ```
 */
export function letterWarnings(letter: ReplyLetter): ReaderWarning[] {
  const out: ReaderWarning[] = [];
  const number = letter.docNumber ?? letter.printedDocNumber?.text;
  const year = number ? /(\d{4})/u.exec(number)?.[1] : undefined;
  if (year && letter.date && year !== letter.date.slice(0, 4))
    out.push({
      code: 'doc_number_year_mismatch',
      messages: {
        'zh-CN': `发文字号年份 ${year} 与成文日期（${letter.date}）不一致`,
        en: `The document number's year ${year} differs from the letter's date (${letter.date})`,
      },
      text: number,
    });
  return out;
}
