import type { CalendarYear } from '../../types.js';
import { block } from './labels.js';

/** 2016 arrangement. */
export const year2016: CalendarYear = {
  year: 2016,
  source: '国务院办公厅关于2016年部分节假日安排的通知（国办发明电〔2015〕18号，2015-12-10）',
  holidays: [
    block('newYear', '2016-01-01', '2016-01-03'),
    block('springFestival', '2016-02-07', '2016-02-13'),
    block('qingming', '2016-04-02', '2016-04-04'),
    block('labourDay', '2016-04-30', '2016-05-02'),
    block('dragonBoat', '2016-06-09', '2016-06-11'),
    block('midAutumn', '2016-09-15', '2016-09-17'),
    block('nationalDay', '2016-10-01', '2016-10-07'),
  ],
  makeUpWorkdays: ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
};
