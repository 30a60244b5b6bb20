import type { CalendarYear } from '../../types.js';
import { block } from './labels.js';

/** 2015 arrangement; the 9-03 victory-day rest comes from a separate State Council notice. */
export const year2015: CalendarYear = {
  year: 2015,
  source: '国务院办公厅关于2015年部分节假日安排的通知（国办发明电〔2014〕28号，2014-12-16）',
  holidays: [
    block('newYear', '2015-01-01', '2015-01-03'),
    block('springFestival', '2015-02-18', '2015-02-24'),
    block('qingming', '2015-04-04', '2015-04-06'),
    block('labourDay', '2015-05-01', '2015-05-03'),
    block('dragonBoat', '2015-06-20', '2015-06-22'),
    block(
      'victoryDay',
      '2015-09-03',
      '2015-09-05',
      '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知（2015-05；文号未核实）',
    ),
    block('midAutumn', '2015-09-26', '2015-09-27'),
    block('nationalDay', '2015-10-01', '2015-10-07'),
  ],
  makeUpWorkdays: ['2015-01-04', '2015-02-15', '2015-02-28', '2015-09-06', '2015-10-10'],
};
