import { describe, expect, it } from 'vitest';
import { parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the eleventh to thirteenth held-out batches showed (session 13: test/fixtures/letters, 宁国, 香格里拉, 安宁; 龙陵;
// 镇康 2025), and those the tenth left unread (蜀山, 平顺). Each case is the general form, not the fixture text.
const read = (...lines: string[]) => parseReplyLetter(lines.join('\n'));
const letter = (...lines: string[]) => read(...lines).letter;
/** A letter to 甲代表 whose opening is followed by `rest`: the answer, then the signature. */
const answer = (...rest: string[]) => letter('甲代表:', '您的建议收悉,现答复如下:', ...rest);
/** The head lines left unplaced when `head` is printed above a letter to 甲代表 signed and dated 2025年12月3日. */
const unplacedAbove = (...head: string[]) =>
  read(...head, '甲代表:', '您提出的建议收悉,现答复如下:', '正文。', '某县农业农村局', '2025年12月3日').warnings.filter(
    (w) => w.code === 'line_unplaced',
  );

describe('parseReplyLetter: the eleventh to thirteenth held-out batches (session 13)', () => {
  it('should read a class printed in brackets after its label with no colon (类别(C), 香格里拉)', () => {
    expect(around(['类别(C)', '某政复〔2023〕129号 签发人:乙某'], [])).toMatchObject({
      class: 'C',
      classMark: { text: '类别(C)', position: 'topRight' },
      docNumber: '某政复〔2023〕129号',
    });
    expect(around([], ['类别（A）'])).toMatchObject({
      class: 'A',
      classMark: { text: '类别（A）', position: 'footer' },
    });
    // a bracket after the label that holds no class letter is not a mark
    expect(around(['类别(提案)'], [])?.classMark).toBeUndefined();
  });

  it('should read a class label printed in traditional characters (辦復類別:A類, 蜀山)', () => {
    expect(around([], ['辦復類別:A類'])).toMatchObject({
      class: 'A',
      classMark: { text: '辦復類別:A類', position: 'footer' },
    });
  });

  it('should read the signing unit and its telephone printed on one line as the unit and a contact (蜀山)', () => {
    // a page with no date: the line ends the letter
    expect(answer('正文。', '办复类别:A类', '某区财政局 联系电话:65132561')).toMatchObject({
      body: ['正文。'],
      class: 'A',
      issuingUnit: { name: '某区财政局' },
      contacts: [{ phone: '65132561' }],
    });
    // above the date
    expect(answer('正文。', '某区财政局 联系人:张某 13507305504', '2021年7月16日')).toMatchObject({
      body: ['正文。'],
      issuingUnit: { name: '某区财政局' },
      contacts: [{ person: '张某', phone: '13507305504' }],
      date: '2021-07-16',
    });
    // a unit already signed stays; the line gives its contact
    expect(answer('正文。', '某县水利局', '2021年7月16日', '某股 联系电话:65132561')).toMatchObject({
      issuingUnit: { name: '某县水利局' },
      contacts: [{ phone: '65132561' }],
    });
  });

  it('should not take a disclosure word of the site’s menu above the page’s index table for a mark (依申请公开, 安宁)', () => {
    const menu = ['政府信息公开指南', '依申请公开', '索引号: 0151216811-201812-118756 主题分类: 2018'];
    expect(around(menu, [])?.disclosure).toBeUndefined();
    // below the index table, over the letter, a mark is the letter's
    expect(around([...menu, '主动公开'], [])?.disclosure).toEqual({ mark: '主动公开', mode: 'proactive' });
    // with no index table, or with the letter above it, the word is still read
    expect(around(['依申请公开'], [])?.disclosure).toEqual({ mark: '依申请公开', mode: 'onRequest' });
  });

  it('should leave the rows of the page’s index table printed as cells split by “|” as the site’s (龙陵)', () => {
    expect(
      unplacedAbove(
        '索引号 | 15262660-/2021-0702001 | 发布机构 | 某县文化和旅游局 |',
        '公开目录 | 人大建议办理结果 | 发布日期 | 2021-07-02 |',
        '文号 | 浏览量 |',
      ),
    ).toEqual([]);
  });

  it('should read a session whose term a wrapped title parts from its body with a space (第十八届 人民代表大会, 镇康)', () => {
    expect(
      around(['某县农业农村局关于对某县第十八届 人民代表大会第四次会议代表第0038号 建议的答复函'], [])?.reference,
    ).toEqual({
      kind: 'suggestion',
      printed: '某县第十八届 人民代表大会第四次会议代表第0038号 建议',
      term: 18,
      session: 4,
      number: '0038',
    });
    expect(
      letter('甲代表:', '你在某县第十八届 人民代表大会第四次会议期间提出的建议收悉,现答复如下:', '正文。')?.reference,
    ).toMatchObject({ kind: 'suggestion', term: 18, session: 4 });
  });

  it('should leave an index table printed one cell a line, its labels spaced out, as the site’s (文  号, 日期, 镇康)', () => {
    expect(
      unplacedAbove('索引号', 'zkx_nyncj/2025-00019', '发布机构', '县农业农村局', '文  号', '日期', '2025-12-16'),
    ).toEqual([]);
  });

  it('should read thanks and a hope printed as two paragraphs as one closing (安宁 prints them on one line)', () => {
    for (const [thanks, hope] of [
      [
        '最后,再次衷心感谢您对交通工作的关心、支持和帮助指导!',
        '并真诚希望您一如既往的关心、支持和重视交通工作,为我们提出宝贵的意见和建议。',
      ],
      ['再次感谢您对我局工作的关心!', '欢迎您继续对我们的工作提出宝贵意见。'],
      ['希望您继续提出宝贵意见和建议。', '衷心感谢您对交通工作的关心和支持!'],
    ] as const)
      expect(answer('正文。', thanks, hope, '某县交通运输局', '2021年7月16日')).toMatchObject({
        body: ['正文。'],
        closing: `${thanks}${hope}`,
      });
    // a formula after the thanks is the closing alone (石林, 蓬溪)
    expect(
      answer('正文。', '感谢您的关心和支持。', '以上答复,如有不妥,请批评指正。', '某县交通运输局', '2021年7月16日'),
    ).toMatchObject({ body: ['正文。', '感谢您的关心和支持。'], closing: '以上答复,如有不妥,请批评指正。' });
    // the answer's only paragraph is never taken
    expect(
      answer('感谢您对交通工作的关心。', '希望您以后多提宝贵意见。', '某县交通运输局', '2021年7月16日'),
    ).toMatchObject({ body: ['感谢您对交通工作的关心。'], closing: '希望您以后多提宝贵意见。' });
  });

  it('should read as the opening a first paragraph naming the item by its title as the addressee’s (平顺)', () => {
    const opening =
      '您好!您提出的《关于贯通消防通道的建议》对于防范森林火灾风险具有重要意义,我们对此表示高度认同和重视。';
    expect(letter('尊敬的甲代表:', opening, '正文。', '某县林业局', '2025年8月18日')).toMatchObject({
      opening,
      body: ['正文。'],
    });
    // an answer that names another document is the body
    expect(letter('甲代表:', '根据《关于修路的通知》,我局已安排资金。', '某县林业局', '2025年8月18日')).toMatchObject({
      body: ['根据《关于修路的通知》,我局已安排资金。'],
    });
  });
});
