import type { CalendarYear } from '../../types.js';
import { block } from './labels.js';

/** 2018 arrangement; 元旦 starts on 2017-12-30. */
export const year2018: CalendarYear = {
  year: 2018,
  source: '国务院办公厅关于2018年部分节假日安排的通知（国办发明电〔2017〕12号，2017-11-30）',
  holidays: [
    block('newYear', '2017-12-30', '2018-01-01'),
    block('springFestival', '2018-02-15', '2018-02-21'),
    block('qingming', '2018-04-05', '2018-04-07'),
    block('labourDay', '2018-04-29', '2018-05-01'),
    block('dragonBoat', '2018-06-16', '2018-06-18'),
    block('midAutumn', '2018-09-22', '2018-09-24'),
    block('nationalDay', '2018-10-01', '2018-10-07'),
  ],
  makeUpWorkdays: ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30'],
};
