import type { CalendarYear } from '../../types.js';
import { block, noticeYear } from './labels.js';

/** 2019 arrangement; 元旦 starts on 2018-12-30 and 劳动节 follows the amending notice of March 2019. */
// Citations as the notices' texts read: signed 2018-12-04 (published 12-06), http://czj.gnzrmzf.gov.cn/info/1282/12573.htm;
// the amendment is 国办发明电〔2019〕3号, https://csglxh.com/wwwcsglxhcom/zhengce/wenjian/192/397/1856684/1574209/index.htm
export const year2019: CalendarYear = noticeYear({
  year: 2019,
  source: '国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号，2018-12-04）',
  holidays: [
    block('newYear', '2018-12-30', '2019-01-01', { work: ['2018-12-29'] }),
    block('springFestival', '2019-02-04', '2019-02-10', { work: ['2019-02-02', '2019-02-03'] }),
    block('qingming', '2019-04-05', '2019-04-05'),
    block('labourDay', '2019-05-01', '2019-05-04', {
      work: ['2019-04-28', '2019-05-05'],
      source: '国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号，2019-03-22）',
    }),
    block('dragonBoat', '2019-06-07', '2019-06-07'),
    block('midAutumn', '2019-09-13', '2019-09-13'),
    block('nationalDay', '2019-10-01', '2019-10-07', { work: ['2019-09-29', '2019-10-12'] }),
  ],
  notes: '2019-04-28 and 2019-05-05 are make-up days of the amended 劳动节 (国办发明电〔2019〕3号).',
});
