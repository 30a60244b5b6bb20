import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2016 arrangement. */
export const year2016: CalendarYear = noticeYear({
  year: 2016,
  source: '国务院办公厅关于2016年部分节假日安排的通知（国办发明电〔2015〕18号，2015-12-10）',
  holidays: [
    block('newYear', '2016-01-01', '2016-01-01'),
    block('springFestival', '2016-02-07', '2016-02-13', { work: ['2016-02-06', '2016-02-14'] }),
    block('qingming', '2016-04-04', '2016-04-04'),
    block('labourDay', '2016-05-01', '2016-05-02'),
    block('dragonBoat', '2016-06-09', '2016-06-11', { work: ['2016-06-12'] }),
    block('midAutumn', '2016-09-15', '2016-09-17', { work: ['2016-09-18'] }),
    block('nationalDay', '2016-10-01', '2016-10-07', { work: ['2016-10-08', '2016-10-09'] }),
  ],
});
