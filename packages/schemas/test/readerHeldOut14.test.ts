import { describe, expect, it } from 'vitest';
import { parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the fourteenth held-out batch showed (session 14: test/fixtures/letters, 郭扶镇, 鹦鸽镇, 花都, 大洼, 庙上乡).
// Each case is the general form, not the fixture text.
const letter = (...lines: string[]) => parseReplyLetter(lines.join('\n')).letter;
/** A letter to 甲代表 whose opening is followed by `rest`: the answer, then the signature. */
const answer = (...rest: string[]) => letter('甲代表:', '您的建议收悉,现答复如下:', ...rest);

describe('parseReplyLetter: the fourteenth held-out batch (session 14)', () => {
  it('should read a CPPCC session that names its place after the term (政协第十一届某区委员会第三次会议, 花都)', () => {
    expect(around(['某区卫生健康局关于政协第十一届某区委员会第三次会议第3011号提案答复的函'], [])?.reference).toEqual({
      kind: 'proposal',
      printed: '政协第十一届某区委员会第三次会议第3011号提案',
      term: 11,
      session: 3,
      number: '3011',
    });
    // in traditional characters, kept as printed
    expect(around(['某區衛生健康局關于政協第十一屆某區委員會第三次會議第3011號提案答復的函'], [])?.reference).toEqual({
      kind: 'proposal',
      printed: '政協第十一屆某區委員會第三次會議第3011號提案',
      term: 11,
      session: 3,
      number: '3011',
    });
  });

  it('should read the number after the item’s 《title》 on a mirror that prints pinyin after 號 (第158號(hào)提案, 大洼)', () => {
    expect(
      around(
        ['對(duì)市政協(xié)九屆一次會(huì)議《關(guān)于設(shè)置獻(xiàn)血屋的提案》第158號(hào)提案的答復(fù)'],
        [],
      )?.reference,
    ).toEqual({ kind: 'proposal', printed: '市政協(xié)九屆一次會(huì)議', term: 9, session: 1, number: '158' });
  });

  it('should read a handler’s name parted from the telephone by a colon (经办人及联系电话:某某:0917—4936343, 鹦鸽镇)', () => {
    expect(around([], ['经办人及联系电话:乙某某:0917—4936343'])).toMatchObject({
      signatories: [{ role: 'handler', label: '经办人及联系电话', name: '乙某某' }],
      contacts: [{ person: '乙某某', phone: '0917-4936343' }],
    });
    expect(around([], ['承办人及联系电话:乙某,13507305504'])?.contacts).toEqual([
      { person: '乙某', phone: '13507305504' },
    ]);
  });

  it('should read a disclosure line printed in traditional characters (公開方式:主動公開, 花都)', () => {
    expect(around([], ['公開方式:主動公開'])?.disclosure).toEqual({ mark: '公開方式:主動公開', mode: 'proactive' });
  });

  it('should read thanks opened by 同时 with no comma as the closing, in traditional characters too (花都)', () => {
    for (const closing of ['同时感谢委员对卫生健康工作的关心与支持。', '同時感謝委員對衛生健康工作的關心與支持。'])
      expect(answer('正文。', '以上意见可主动公开。', closing, '某区卫生健康局', '2023年8月28日')).toMatchObject({
        body: ['正文。', '以上意见可主动公开。'],
        closing,
      });
  });

  it('should read a last paragraph whose first sentence thanks the deputy for support as the closing (庙上乡)', () => {
    const closing =
      '我们十分尊重您对道路绿化工作的不懈努力,也十分感谢您对我们工作的大力支持。请您一如既往关心和支持这项工作!';
    expect(answer('正文。', closing, '某乡人民政府', '2024年6月5日')).toMatchObject({ body: ['正文。'], closing });
    // thanks for something else, or deep in the paragraph, is the answer
    for (const p of [
      '我们已安排资金,感谢省厅的大力支持,工程将于年底完工。',
      '工程将于年底完工。届时将感谢您对我们工作的支持。',
    ])
      expect(answer('正文。', p, '某乡人民政府', '2024年6月5日')).toMatchObject({ body: ['正文。', p] });
  });

  it('should read the unit a page ends with, after the answer and no date (大洼)', () => {
    expect(answer('正文一。', '正文二。', '某市某区卫生健康局')).toMatchObject({
      body: ['正文一。', '正文二。'],
      issuingUnit: { name: '某市某区卫生健康局' },
    });
    // a short line that is no unit's name stays the body's (a cut page, 柳南's “柳州市柳南”)
    expect(answer('正文一。', '正文二。', '某市某区')).toMatchObject({ body: ['正文一。', '正文二。', '某市某区'] });
  });
});

describe('parseReplyLetter: a sign-off label the page cut to its last character (闽清, session 8’s leftover)', () => {
  it('should read “人:某某” over a telephone line as the handling official and the contact', () => {
    expect(around([], ['主要领导:甲某', '人:乙某', '联系电话:19859102861'])).toMatchObject({
      signatories: [
        { role: 'signer', label: '主要领导', name: '甲某' },
        { role: 'handler', label: '人', name: '乙某' },
      ],
      contacts: [{ person: '乙某', phone: '19859102861' }],
    });
  });

  it('should leave “人:某某” with no telephone after it unplaced: the label could be any that ends in 人', () => {
    const read = parseReplyLetter(
      ['甲委员:', '您提出的提案收悉,现答复如下:', '正文。', '某县水利局', '2023年6月30日', '人:乙某'].join('\n'),
    );
    expect(read.letter?.signatories).toBeUndefined();
    expect(read.warnings.map((w) => w.text)).toContain('人:乙某');
  });
});

describe('parseReplyLetter: the sixteenth held-out batch (session 14)', () => {
  it('should not take a unit’s name in the site’s menu above the page’s index table for the letterhead (市教体局, 广德)', () => {
    const title = '关于对市政协一届一次会议第68号提案的答复函';
    const index = '索引号: 11341723556342452T/202211-00009 组配分类: 政协委员提案办理';
    expect(around(['市教体局', index, title], [])?.letterhead).toBeUndefined();
    // below the index table, over the title, the unit is the letter's letterhead; with no table too
    expect(around([index, '某市教育体育局', title], [])?.letterhead).toBe('某市教育体育局');
    expect(around(['某市教育体育局', title], [])?.letterhead).toBe('某市教育体育局');
  });
});
