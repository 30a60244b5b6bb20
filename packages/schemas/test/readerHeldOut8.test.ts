import { describe, expect, it } from 'vitest';
import { parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the eighth held-out batch showed (session 11: test/fixtures/letters, 浙江省交通运输厅, 铜梁区, 永川区, 安岳,
// 蓬溪, 白银, 屯留区, 峄城区, 河东区, 城北路街道). Each case is the general form, not the fixture text.
const letter = (...lines: string[]) => parseReplyLetter(lines.join('\n')).letter;
/** A letter to 甲代表 whose opening is followed by `rest`: the answer, then the signature. */
const answer = (...rest: string[]) => letter('甲代表:', '您的建议收悉,现答复如下:', ...rest);

describe('parseReplyLetter: the eighth held-out batch (session 11)', () => {
  it('should read the addressee under an index row printed with no value (浏览次数:)', () => {
    expect(
      letter(
        '关于对市政协八届一次会议第16号提案的答复',
        '发布时间:2022-10-03 16:26',
        '浏览次数:',
        '甲委员:',
        '您好!您提出的提案收悉。现答复如下:',
        '正文。',
        '某市自然资源局',
        '2022年9月5日',
      ),
    ).toMatchObject({
      title: '关于对市政协八届一次会议第16号提案的答复',
      addressees: ['甲委员'],
      opening: '您好!您提出的提案收悉。现答复如下:',
      body: ['正文。'],
    });
  });

  it('should still drop the value printed under an index label', () => {
    expect(
      letter('浏览次数:', '1234', '甲委员:', '您提出的提案收悉,现答复如下:', '正文。', '某县水利局', '2022年9月5日'),
    ).toMatchObject({ addressees: ['甲委员'], body: ['正文。'] });
  });

  it('should read a closing that names the member before thanking', () => {
    for (const closing of ['甲委员,感谢您对生态保护工作的关心和支持。', '乙代表,再次感谢您对我们工作的支持!'])
      expect(around([], [], closing)).toMatchObject({ closing, body: ['正文。'] });
    expect(around([], [], '甲委员,您提出的问题我局正在研究。')?.closing).toBeUndefined();
  });

  it('should read a date whose 年 and 月 the page lost but whose 日 it kept, and the unit above it', () => {
    expect(answer('正文。', '某县交通运输局', '2021716日')).toMatchObject({
      date: '2021-07-16',
      dateText: '2021716日',
      issuingUnit: { name: '某县交通运输局' },
    });
    // two real days (2021-11-01 and 2021-01-11): kept as printed, not guessed
    const read = answer('正文。', '某县交通运输局', '2021111日');
    expect(read?.date).toBeUndefined();
  });

  it('should read two short closing lines (此复 / 谢谢!) as one closing, as 此致 / 敬礼 are', () => {
    expect(answer('正文。', '感谢您的关心。', '此复', '谢谢!', '某县交通运输局', '2021年7月16日')).toMatchObject({
      body: ['正文。', '感谢您的关心。'],
      closing: '此复谢谢!',
    });
  });

  it('should split a document number printed in brackets after the title', () => {
    for (const line of [
      '关于省十三届人大一次会议杭12号建议的答复[浙交建〔2018〕99号]',
      '关于省十三届人大一次会议杭12号建议的答复（浙交建〔2018〕99号）',
    ])
      expect(around([line], [])).toMatchObject({
        title: '关于省十三届人大一次会议杭12号建议的答复',
        docNumber: '浙交建〔2018〕99号',
      });
  });

  it('should read an item number that carries its delegation’s name (温36号, 杭12号)', () => {
    expect(around(['关于省十三届人大一次会议温36号建议的答复'], [])?.reference).toEqual({
      kind: 'suggestion',
      printed: '省十三届人大一次会议温36号建议',
      term: 13,
      session: 1,
      number: '温36',
    });
    expect(around(['关于市十届人大二次会议第36号建议的答复'], [])?.reference?.number).toBe('36');
  });

  it('should read a contact printed over several lines above the unit: unit and name, telephone, fax, postcode', () => {
    expect(
      answer(
        '正文。',
        '感谢您对交通运输工作的关心和支持。',
        '联系人:某省公路管理局计财处,张某',
        '联系电话:0571-88888888',
        '传  真:0571-88888889',
        '邮  编:310009',
        '某省交通运输厅',
        '2018年7月11日',
      ),
    ).toMatchObject({
      body: ['正文。'],
      closing: '感谢您对交通运输工作的关心和支持。',
      issuingUnit: { name: '某省交通运输厅' },
      contacts: [{ person: '张某', department: '某省公路管理局计财处', phone: '0571-88888888', postcode: '310009' }],
    });
  });

  it('should read a postcode labelled 邮政编码', () => {
    expect(around([], ['(联系人:李某,联系电话:13900000000,邮政编码:402560)'])?.contacts).toEqual([
      { person: '李某', phone: '13900000000', postcode: '402560' },
    ]);
  });

  it('should read the signer the 审定 sentence names after the reviewer (…审定,由…签发)', () => {
    expect(
      answer(
        '正文。',
        '此复函已经区人民政府分管副区长某某审定,由区交通运输委员会主任某某签发。对此答复函您有什么意见,请反馈。',
        '某区交通运输委员会',
        '2024年7月12日',
      )?.signatories,
    ).toEqual([
      { role: 'reviewer', label: '审定', name: '区人民政府分管副区长某某' },
      { role: 'signer', label: '签发', name: '区交通运输委员会主任某某' },
    ]);
  });

  it('should read a greeting paragraph printed before the opening', () => {
    for (const greeting of ['您好,首先感谢您对道路建设的关注。', '您好!', '首先感谢您对我局工作的关心和支持。'])
      expect(
        letter('甲代表:', greeting, '您所提建议已收悉,现答复如下:', '正文。', '此复', '2018年3月19日'),
      ).toMatchObject({ greeting: [greeting], opening: '您所提建议已收悉,现答复如下:', body: ['正文。'] });
  });

  it('should keep thanks after the opening in the body, and a greeting run into the opening in the opening', () => {
    const after = letter(
      '甲代表:',
      '您提出的建议已收悉,现回复如下:',
      '首先感谢您的关心。我局已研究。',
      '正文。',
      '2018年3月19日',
    );
    expect(after?.greeting).toBeUndefined();
    expect(after?.body).toEqual(['首先感谢您的关心。我局已研究。', '正文。']);
    const run = letter('甲代表:', '您好!您提出的建议收悉,现答复如下:', '正文。', '2018年3月19日');
    expect(run).toMatchObject({ opening: '您好!您提出的建议收悉,现答复如下:', body: ['正文。'] });
    expect(run?.greeting).toBeUndefined();
  });
});
