import { describe, expect, it } from 'vitest';
import { parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the seventeenth held-out batch showed (session 15: test/fixtures/letters, 溧水, 常州, 沂南, 双台子, 朝天).
// Each case is the general form, not the fixture text.
const read = (...lines: string[]) => parseReplyLetter(lines.join('\n'));
/** A suggestion's reference as the reader gives it. */
const suggestion = (printed: string, term: number, session: number, number: string) => ({
  kind: 'suggestion',
  printed,
  term,
  session,
  number,
});

describe('parseReplyLetter: the seventeenth held-out batch (session 15)', () => {
  it('should read a page heading printed as a list item with the site’s number before it as the title (溧水)', () => {
    for (const item of [
      '• 004(1).对区十七届人大一次会议第04-1号建议的办理答复',
      '•12.对区十七届人大一次会议第04-1号建议的办理答复',
    ])
      expect(around(['• 网站支持IPv6', item], [])?.title).toBe('对区十七届人大一次会议第04-1号建议的办理答复');
    // the site's other list items stay furniture, and a list item below the addressee is not the title
    expect(around(['• 网站支持IPv6', '• 长辈版'], [])?.title).toBeUndefined();
    const below = read('甲委员:', '您的提案收悉,现答复如下:', '正文。', '某局', '2023年6月30日', '• 关于某事的答复');
    expect(below.letter?.title).toBeUndefined();
  });

  it('should read an item number with a hyphen (第04-1号建议, 溧水)', () => {
    expect(around(['对区十七届人大一次会议第04-1号建议的办理答复'], [])?.reference).toEqual(
      suggestion('区十七届人大一次会议第04-1号建议', 17, 1, '04-1'),
    );
  });

  it('should join a title whose item number goes on on the next line (…会议代表建议 / 第0043号的答复, 常州)', () => {
    const letter = around(['关于对某市十五届人大四次会议代表建议', '第0043号的答复'], []);
    expect(letter?.title).toBe('关于对某市十五届人大四次会议代表建议第0043号的答复');
    expect(letter?.reference).toEqual(suggestion('某市十五届人大四次会议代表建议第0043号', 15, 4, '0043'));
    // a title of its own on the next line is not joined to the heading above it
    expect(around(['关于加快某路建设的建议', '某局关于某事的答复'], [])?.title).toBe('某局关于某事的答复');
  });

  it('should read the title in the index table’s title row printed in cells split by “|” (标 题 | …, 沂南)', () => {
    const head = ['索引号 | 0001/2021-0000032 | 公开目录 | 文化建设 |', '标 题 | 关于对加强某事的提案的答复 |'];
    expect(around(head, [])?.title).toBe('关于对加强某事的提案的答复');
    // a row naming something that is no reply's title stays the site's
    expect(around(['索引号 | 0001/2021-0000032 |', '标 题 | 2021年工作要点 |'], [])?.title).toBeUndefined();
  });

  it('should read the closing and the telephone of a letter run into one line, before its date (沂南)', () => {
    const letter = read(
      '甲委员: 您提出的提案收悉,现将办理情况答复如下: 正文一。 正文二。 感谢您对县体育工作的关心,还请您继续予以关注和监督。 联系电话:3221671 2021年7月15日',
    ).letter;
    expect(letter).toMatchObject({
      body: ['正文一。', '正文二。'],
      closing: '感谢您对县体育工作的关心,还请您继续予以关注和监督。',
      contacts: [{ phone: '3221671' }],
      date: '2021-07-15',
    });
  });

  it('should read 特此函复 run on one line with the page’s cut signature as the closing (朝天)', () => {
    const { letter, warnings } = read(
      '甲委员: 您提出的提案收悉,现回复如下: 正文一。 在此,我们真诚感谢您提出宝贵的意见和建议。 特此函复 某省某市',
    );
    expect(letter).toMatchObject({
      body: ['正文一。', '在此,我们真诚感谢您提出宝贵的意见和建议。'],
      closing: '特此函复',
    });
    expect(letter?.issuingUnit).toBeUndefined();
    expect(warnings.map((w) => w.text)).toContain('某省某市');
    // on lines of their own too
    expect(
      read('甲委员:', '您提出的提案收悉,现回复如下:', '正文一。', '在此,我们真诚感谢您。', '此复', '某省某市').letter,
    ).toMatchObject({ body: ['正文一。', '在此,我们真诚感谢您。'], closing: '此复' });
  });

  it('should read a telephone given in the last paragraph as the contact when the foot prints none (朝天)', () => {
    const last = '如对本回复有新的意见和建议,欢迎及时联系我中心,联系电话:0839—8626899。';
    expect(
      read('甲委员:', '您提出的提案收悉,现回复如下:', '正文一。', last, '某区体育中心', '2021年6月1日').letter,
    ).toMatchObject({
      body: ['正文一。', last],
      contacts: [{ phone: '0839-8626899' }],
    });
    // a contact in the foot wins; a number with no 联系电话 label is not a contact
    expect(
      read(
        '甲委员:',
        '您的提案收悉,现答复如下:',
        '正文一。',
        last,
        '某区体育中心',
        '2021年6月1日',
        '联系人:乙某 13507305504',
      ).letter?.contacts,
    ).toEqual([{ person: '乙某', phone: '13507305504' }]);
    expect(
      read(
        '甲委员:',
        '您的提案收悉,现答复如下:',
        '正文一。',
        '已建成健身路径8626899米。',
        '某区体育中心',
        '2021年6月1日',
      ).letter?.contacts,
    ).toBeUndefined();
  });
});

describe('parseReplyLetter: the eighteenth and nineteenth held-out batches (session 15)', () => {
  it('should read the co-units an acknowledgement names (经某市财政局、某市自然资源规划局会办, 随州)', () => {
    const reply = (opening: string) => read('甲委员:', opening, '正文。', '某市商务局', '2021年8月12日').letter;
    expect(reply('您提出的提案收悉,经某市财政局、某市自然资源规划局会办,现答复如下:')?.coUnits).toEqual([
      '某市财政局',
      '某市自然资源规划局',
    ]);
    expect(reply('您的提案收悉,经与某区城市管理局协办,现答复如下:')?.coUnits).toEqual(['某区城市管理局']);
    // the units the lead unit worked with (the seed letter's form)
    expect(
      reply(
        '你们提出的提案收悉，该建议由市商务局牵头联合市委网信办、市人力资源和社会保障局等会办单位办理。现答复如下：',
      )?.coUnits,
    ).toEqual(['市委网信办', '市人力资源和社会保障局']);
    expect(reply('您的提案收悉,经某区财政局和某区教育局会办,现答复如下:')?.coUnits).toEqual([
      '某区财政局',
      '某区教育局',
    ]);
    // names that are no units, or units named without 会办 / 协办, are not co-units
    expect(reply('您的提案收悉,经认真研究并会办,现答复如下:')?.coUnits).toBeUndefined();
    expect(reply('您的提案收悉,经与某区城市管理局共同研究办理,现答复如下:')?.coUnits).toBeUndefined();
  });

  it('should leave the site’s toolbars, index rows and widgets out of the letter without a warning (随州, 天水, 嵩明, 犍为)', () => {
    const furniture = [
      '拼音',
      '辅助浏览',
      '白底黑字蓝链接',
      '增加音量',
      '换肤',
      '- 索引号: 0001/2025-00360',
      '- 发文机关: 某市人民政府办公室',
      '字号:[',
      '大',
      '中',
      '小',
      ']',
      '日期: 2023-07-07',
      '字体:',
      '文章播报',
      '文章来源:某县经济和信息化局 发布时间: 2022-06-16 09:44 浏览量:',
      ': 首页 > 政民互动 > 人大代表建议 > 正文',
      '打印 分享到 :',
    ];
    const { letter, warnings } = read(
      ...furniture,
      '关于某事的答复',
      '甲委员:',
      '您的提案收悉,现答复如下:',
      '正文。',
      '某局',
      '2023年6月30日',
    );
    expect(letter?.title).toBe('关于某事的答复');
    expect(warnings.filter((w) => w.code === 'line_unplaced')).toEqual([]);
  });
});
