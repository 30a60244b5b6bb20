import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2015 arrangement; the 9-03 victory-day rest comes from a separate State Council notice. */
// The victory-day notice is 国发明电〔2015〕1号 of 2015-05-13: http://m.xuexila.com/news/164029.html
// 端午: the notice rests 06-20 and 06-22 (补休); the Sunday between is kept inside one block for readable explanations.
export const year2015: CalendarYear = noticeYear({
  year: 2015,
  source: '国务院办公厅关于2015年部分节假日安排的通知（国办发明电〔2014〕28号，2014-12-16）',
  holidays: [
    block('newYear', '2015-01-01', '2015-01-03', { work: ['2015-01-04'] }),
    block('springFestival', '2015-02-18', '2015-02-24', { work: ['2015-02-15', '2015-02-28'] }),
    block('qingming', '2015-04-05', '2015-04-06'),
    block('labourDay', '2015-05-01', '2015-05-01'),
    block('dragonBoat', '2015-06-20', '2015-06-22'),
    block('victoryDay', '2015-09-03', '2015-09-05', {
      work: ['2015-09-06'],
      source:
        '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知（国发明电〔2015〕1号，2015-05-13）',
    }),
    block('midAutumn', '2015-09-27', '2015-09-27'),
    block('nationalDay', '2015-10-01', '2015-10-07', { work: ['2015-10-10'] }),
  ],
});
