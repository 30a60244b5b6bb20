import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

const EXTENSION = '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-26）';

/** 2020 arrangement as in force: the COVID extension turned 01-31 – 02-02 into rest days, cancelling the 02-01 make-up day. */
export const year2020: CalendarYear = noticeYear({
  year: 2020,
  source: `国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019-11-21）；${EXTENSION}`,
  holidays: [
    block('newYear', '2020-01-01', '2020-01-01'),
    block('springFestival', '2020-01-24', '2020-01-30', { work: ['2020-01-19'] }),
    block('springFestivalExtension', '2020-01-31', '2020-02-02', { source: EXTENSION }),
    block('qingming', '2020-04-04', '2020-04-06'),
    block('labourDay', '2020-05-01', '2020-05-05', { work: ['2020-04-26', '2020-05-09'] }),
    block('dragonBoat', '2020-06-25', '2020-06-27', { work: ['2020-06-28'] }),
    block('midAutumnNationalDay', '2020-10-01', '2020-10-08', { work: ['2020-09-27', '2020-10-10'] }),
  ],
  notes:
    'Models the national extension (国办发明电〔2020〕1号): the original notice made 2020-02-01 (Saturday) a working day; the extension made 01-31 – 02-02 rest days. Provincial extensions beyond 02-02 are not modelled.',
});
