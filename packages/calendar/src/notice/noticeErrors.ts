import type { Bilingual } from '@banli/schemas';
import { CalendarError } from '../errors.js';

/** Thrown by `parseHolidayNotice` when a notice's text cannot be read; names the line (1-based) it could not read. */
export class HolidayNoticeError extends CalendarError {
  declare readonly code: 'invalid_notice';
  /** The 1-based line of the text that could not be read (0 when the whole text is at fault). */
  readonly line: number;
  /** That line's text. */
  readonly lineText: string;

  constructor(line: number, lineText: string, why: Bilingual) {
    const where =
      line > 0
        ? { zh: `第 ${line} 行“${lineText}”`, en: `line ${line} '${lineText}'` }
        : { zh: '全文', en: 'the text' };
    super('invalid_notice', {
      'zh-CN': `无法读取放假通知：${where.zh}：${why['zh-CN']}。未生成任何年度安排。`,
      en: `Cannot read the holiday notice: ${where.en}: ${why.en}. No calendar year was built.`,
    });
    this.name = 'HolidayNoticeError';
    this.line = line;
    this.lineText = lineText;
  }
}
