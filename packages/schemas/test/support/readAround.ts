import { parseReplyLetter } from '../../src/index.js';

/**
 * The letter read from a reply to 甲委员 with `head` above the addressee, one paragraph of answer (正文。), perhaps a
 * closing, the unit and date, then `foot`: for the reader's cases about what a letter prints around its answer.
 */
export const around = (head: string[], foot: string[], closing?: string) =>
  parseReplyLetter(
    [
      ...head,
      '甲委员:',
      '您提出的提案收悉,现答复如下:',
      '正文。',
      ...(closing ? [closing] : []),
      '某县水利局',
      '2023年6月30日',
      ...foot,
    ].join('\n'),
  ).letter;
