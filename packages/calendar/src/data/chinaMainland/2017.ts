import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2017 arrangement. */
// Number and date as the notice reads: https://zh.wikisource.org/zh/国务院办公厅关于2017年部分节假日安排的通知
export const year2017: CalendarYear = noticeYear({
  year: 2017,
  source: '国务院办公厅关于2017年部分节假日安排的通知（国办发明电〔2016〕17号，2016-12-01）',
  holidays: [
    block('newYear', '2017-01-01', '2017-01-02'),
    block('springFestival', '2017-01-27', '2017-02-02', { work: ['2017-01-22', '2017-02-04'] }),
    block('qingming', '2017-04-02', '2017-04-04', { work: ['2017-04-01'] }),
    block('labourDay', '2017-05-01', '2017-05-01'),
    block('dragonBoat', '2017-05-28', '2017-05-30', { work: ['2017-05-27'] }),
    block('midAutumnNationalDay', '2017-10-01', '2017-10-08', { work: ['2017-09-30'] }),
  ],
});
