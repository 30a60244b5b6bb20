import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2018 arrangement. */
export const year2018: CalendarYear = noticeYear({
  year: 2018,
  source: '国务院办公厅关于2018年部分节假日安排的通知（国办发明电〔2017〕12号，2017-11-30）',
  holidays: [
    block('newYear', '2018-01-01', '2018-01-01'),
    block('springFestival', '2018-02-15', '2018-02-21', { work: ['2018-02-11', '2018-02-24'] }),
    block('qingming', '2018-04-05', '2018-04-07', { work: ['2018-04-08'] }),
    block('labourDay', '2018-04-29', '2018-05-01', { work: ['2018-04-28'] }),
    block('dragonBoat', '2018-06-18', '2018-06-18'),
    block('midAutumn', '2018-09-24', '2018-09-24'),
    block('nationalDay', '2018-10-01', '2018-10-07', { work: ['2018-09-29', '2018-09-30'] }),
  ],
});
