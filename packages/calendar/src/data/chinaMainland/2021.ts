import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2021 arrangement. */
export const year2021: CalendarYear = noticeYear({
  year: 2021,
  source: '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020-11-25）',
  holidays: [
    block('newYear', '2021-01-01', '2021-01-03'),
    block('springFestival', '2021-02-11', '2021-02-17', { work: ['2021-02-07', '2021-02-20'] }),
    block('qingming', '2021-04-03', '2021-04-05'),
    block('labourDay', '2021-05-01', '2021-05-05', { work: ['2021-04-25', '2021-05-08'] }),
    block('dragonBoat', '2021-06-12', '2021-06-14'),
    block('midAutumn', '2021-09-19', '2021-09-21', { work: ['2021-09-18'] }),
    block('nationalDay', '2021-10-01', '2021-10-07', { work: ['2021-09-26', '2021-10-09'] }),
  ],
});
