/**
 * Some pages reach us as third-party mirrors in traditional characters with a pinyin annotation after a character
 * (“號(hào)”, “此復(fù)。”; the 镇康 and 清远 fixtures of issue 15). The reader matches its patterns on a plain form of such
 * text and keeps what it reads verbatim, so it maps every character of the plain form back to the printed one.
 */

// Traditional forms of the characters the reader's patterns look for (numbers, closings, references), and their
// simplified forms; nothing else is changed.
const SIMPLIFIED: Record<string, string> = {
  號: '号',
  復: '复',
  議: '议',
  會: '会',
  屆: '届',
  關: '关',
  於: '于',
  辦: '办',
  見: '见',
  專: '专',
  謹: '谨',
  謝: '谢',
  員: '员',
  縣: '县',
  區: '区',
  報: '报',
  聯: '联',
  電: '电',
  話: '话',
  參: '参',
  類: '类',
  別: '别',
  // (a disclosure mark, “公開方式:主動公開”, and thanks opened by “同時”: 花都)
  開: '开',
  動: '动',
  時: '时',
};

// A pinyin annotation: lower-case letters (with tone marks) in brackets right after a Han character.
const PINYIN = /^\([a-zàáǎāèéěēìíǐīòóǒōùúǔūǖǘǚǜü]{1,6}\)/u;

/** A plain form of printed text, and for each of its characters the index of the printed one (plus the end). */
export interface PlainText {
  text: string;
  /** `at[i]` is where the plain form's character `i` is printed; `at[text.length]` is the end of the printed text. */
  at: number[];
}

/** The plain form of `printed`: pinyin annotations left out, the traditional forms above simplified. */
export function plainText(printed: string): PlainText {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < printed.length; i++) {
    const c = printed[i] as string;
    if (c === '(' && i > 0 && /\p{Script=Han}/u.test(printed[i - 1] as string)) {
      const annotation = PINYIN.exec(printed.slice(i));
      if (annotation) {
        i += annotation[0].length - 1;
        continue;
      }
    }
    text += SIMPLIFIED[c] ?? c;
    at.push(i);
  }
  at.push(printed.length);
  return { text, at };
}

/** The printed text of the plain form's characters `start` to `end` (an annotation after the last one included). */
export const printedSpan = (printed: string, plain: PlainText, start: number, end: number): string =>
  printed.slice(plain.at[start], plain.at[end]);
