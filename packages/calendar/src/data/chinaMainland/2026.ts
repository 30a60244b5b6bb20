import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2026 arrangement (春节 spans nine days). */
// The text found prints no document number; signed 2025-11-04: https://politics.gmw.cn/2025-11/04/content_38391083.htm
export const year2026: CalendarYear = noticeYear({
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
  holidays: [
    block('newYear', '2026-01-01', '2026-01-03', { work: ['2026-01-04'] }),
    block('springFestival', '2026-02-15', '2026-02-23', { work: ['2026-02-14', '2026-02-28'] }),
    block('qingming', '2026-04-04', '2026-04-06'),
    block('labourDay', '2026-05-01', '2026-05-05', { work: ['2026-05-09'] }),
    block('dragonBoat', '2026-06-19', '2026-06-21'),
    block('midAutumn', '2026-09-25', '2026-09-27'),
    block('nationalDay', '2026-10-01', '2026-10-07', { work: ['2026-09-20', '2026-10-10'] }),
  ],
});
