import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2022 arrangement. */
export const year2022: CalendarYear = noticeYear({
  year: 2022,
  source: '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021-10-25）',
  holidays: [
    block('newYear', '2022-01-01', '2022-01-03'),
    block('springFestival', '2022-01-31', '2022-02-06', { work: ['2022-01-29', '2022-01-30'] }),
    block('qingming', '2022-04-03', '2022-04-05', { work: ['2022-04-02'] }),
    block('labourDay', '2022-04-30', '2022-05-04', { work: ['2022-04-24', '2022-05-07'] }),
    block('dragonBoat', '2022-06-03', '2022-06-05'),
    block('midAutumn', '2022-09-10', '2022-09-12'),
    block('nationalDay', '2022-10-01', '2022-10-07', { work: ['2022-10-08', '2022-10-09'] }),
  ],
});
