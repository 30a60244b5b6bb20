import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2023 arrangement; 元旦 starts on 2022-12-31. */
export const year2023: CalendarYear = noticeYear({
  year: 2023,
  source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022-12-08）',
  holidays: [
    block('newYear', '2022-12-31', '2023-01-02'),
    block('springFestival', '2023-01-21', '2023-01-27', { work: ['2023-01-28', '2023-01-29'] }),
    block('qingming', '2023-04-05', '2023-04-05'),
    block('labourDay', '2023-04-29', '2023-05-03', { work: ['2023-04-23', '2023-05-06'] }),
    block('dragonBoat', '2023-06-22', '2023-06-24', { work: ['2023-06-25'] }),
    block('midAutumnNationalDay', '2023-09-29', '2023-10-06', { work: ['2023-10-07', '2023-10-08'] }),
  ],
});
