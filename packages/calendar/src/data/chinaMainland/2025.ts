import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2025 arrangement, the first under the 13-day statutory regime (除夕 and 5-02 added). */
export const year2025: CalendarYear = noticeYear({
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
  holidays: [
    block('newYear', '2025-01-01', '2025-01-01'),
    block('springFestival', '2025-01-28', '2025-02-04', { work: ['2025-01-26', '2025-02-08'] }),
    block('qingming', '2025-04-04', '2025-04-06'),
    block('labourDay', '2025-05-01', '2025-05-05', { work: ['2025-04-27'] }),
    block('dragonBoat', '2025-05-31', '2025-06-02'),
    block('midAutumnNationalDay', '2025-10-01', '2025-10-08', { work: ['2025-09-28', '2025-10-11'] }),
  ],
});
