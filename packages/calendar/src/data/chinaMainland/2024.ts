import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2024 arrangement; 元旦 and 端午 are single days joined to a weekend (与周末连休). */
export const year2024: CalendarYear = noticeYear({
  year: 2024,
  source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
  holidays: [
    block('newYear', '2024-01-01', '2024-01-01'),
    block('springFestival', '2024-02-10', '2024-02-17', { work: ['2024-02-04', '2024-02-18'] }),
    block('qingming', '2024-04-04', '2024-04-06', { work: ['2024-04-07'] }),
    block('labourDay', '2024-05-01', '2024-05-05', { work: ['2024-04-28', '2024-05-11'] }),
    block('dragonBoat', '2024-06-10', '2024-06-10'),
    block('midAutumn', '2024-09-15', '2024-09-17', { work: ['2024-09-14'] }),
    block('nationalDay', '2024-10-01', '2024-10-07', { work: ['2024-09-29', '2024-10-12'] }),
  ],
});
