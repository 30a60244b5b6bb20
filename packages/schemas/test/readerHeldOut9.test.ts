import { describe, expect, it } from 'vitest';
import { parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the ninth held-out batch showed (session 12: test/fixtures/letters, 沙坪坝区, 射洪, 安居区, 上街区, 新建路街道,
// 新郑, 茅洋乡, 君山区, 兴庆区, 清原, 个旧, 镇沅), and the forms session 11 saw on letters it did not keep (城口
// “第6.11号提案”, 郑州 “第B(2017)411号”). Each case is the general form, not the fixture text.
const read = (...lines: string[]) => parseReplyLetter(lines.join('\n'));
const letter = (...lines: string[]) => read(...lines).letter;
/** A letter to 甲代表 whose opening is followed by `rest`: the answer, then the signature. */
const answer = (...rest: string[]) => letter('甲代表:', '您的建议收悉,现答复如下:', ...rest);

describe('parseReplyLetter: the ninth held-out batch (session 12)', () => {
  it('should read an item number printed with letters, a year in brackets or a decimal point', () => {
    for (const [title, printed, number] of [
      ['关于区十九届人大第六次会议第DH0271号建议办理情况的复函', '区十九届人大第六次会议第DH0271号建议', 'DH0271'],
      ['关于市六届人大六次会议第B(2025)174号建议的回复', '市六届人大六次会议第B(2025)174号建议', 'B(2025)174'],
      ['关于县政协十五届五次会议第6.11号提案的答复', '县政协十五届五次会议第6.11号提案', '6.11'],
      ['关于区十七届人大五次会议第B132号建议的答复', '区十七届人大五次会议第B132号建议', 'B132'],
    ])
      expect(around([title as string], [])?.reference).toMatchObject({ printed, number });
    // and in an opening's bracket after the item's title
    expect(
      letter('甲代表:', '您提出的《关于修路的建议》(第DH0271号)收悉。现将办理情况答复如下。', '正文。', '2025年4月10日')
        ?.reference,
    ).toMatchObject({ number: 'DH0271' });
  });

  it('should read a title naming the session and the item, not a document number (关于…第B(2025)174号建议的回复)', () => {
    const l = around(['关于人行道地砖重新铺装建议的答复', '关于市六届人大六次会议第B(2025)174号建议的回复'], []);
    expect(l?.title).toBe('关于市六届人大六次会议第B(2025)174号建议的回复');
    expect(l?.printedDocNumber).toBeUndefined();
    // a real number on its own line is still one
    expect(around(['某府函(2025)174号'], [])?.printedDocNumber?.text).toBe('某府函(2025)174号');
  });

  it('should read an addressee listing names with letter-spaced two-character ones (闫 冰、罗 岚)', () => {
    const names = '吴章平、闫 冰、唐治禄、叶晓华、邱兴军、简道富、罗 岚、刘燕梅、吕 丽、唐 斌、王 军代表';
    expect(
      letter(`${names}:`, '你们提出的建议收悉,现将办理情况答复如下:', '正文。', '某区交通运输局', '2018年6月6日'),
    ).toMatchObject({ addressees: [names], body: ['正文。'] });
  });

  it('should read a closing that opens with 最后 and thanks in its first sentence', () => {
    const closing = '最后,对各位代表提出的意见,我们表示衷心的感谢!希望你们多提宝贵的意见和建议。';
    expect(around([], [], closing)).toMatchObject({ closing, body: ['正文。'] });
    expect(around([], [], '最后,我局将继续推进道路改造。')?.closing).toBeUndefined();
  });

  it('should read the unit printed after a 承办单位 label at the end of a letter whose date the page garbled', () => {
    const l = answer(
      '正文。',
      '衷心感谢您对城市建设工作的关心和支持。',
      '承办单位:某县住房和城乡建设',
      '单位负责人:',
      '0二十六日',
      '抄送:县人大人事委、县政府办公室',
    );
    expect(l).toMatchObject({
      body: ['正文。'],
      closing: '衷心感谢您对城市建设工作的关心和支持。',
      issuingUnit: { name: '某县住房和城乡建设' },
      copyTo: { recipients: [{ name: '县人大人事委' }, { name: '县政府办公室' }], separator: '、' },
    });
    expect(l?.date).toBeUndefined();
  });

  it('should read the sign-off lines above the date: 分管领导, a 分管单位 section, 承办人 with a telephone', () => {
    const { letter: l, warnings } = read(
      '甲代表:',
      '您的建议收悉,现答复如下:',
      '正文。',
      '感谢您对我区城市建设管理的关心。',
      '分管领导:乙某',
      '分管单位:城建股',
      '承办人:丙某  联系方式:13507305504',
      '2021年5月6日',
    );
    expect(l).toMatchObject({
      body: ['正文。'],
      closing: '感谢您对我区城市建设管理的关心。',
      signatories: [
        { role: 'supervisingLeader', label: '分管领导', name: '乙某' },
        { role: 'handler', label: '承办人', name: '丙某' },
      ],
      contacts: [{ person: '丙某', phone: '13507305504' }],
    });
    expect(warnings.map((w) => w.text)).toContain('分管单位:城建股');
  });

  it('should read a contact whose unit and telephone are on one line and the person on the next (联 系 人)', () => {
    expect(around([], ['联系单位及电话:某区城市管理局 68118611', '联 系 人:张某'])?.contacts).toEqual([
      { person: '张某', department: '某区城市管理局', phone: '68118611' },
    ]);
    // two contacts, each with its own person, stay two
    expect(around([], ['联系人:张某 电话:68118611', '联系人:李某'])?.contacts).toEqual([
      { person: '张某', phone: '68118611' },
      { person: '李某' },
    ]);
  });

  it('should read “抄 报” on a page that prints the letter twice as the 报 list of the first copy', () => {
    const copy = [
      '甲委员:',
      '您提出的提案收悉。现答复如下:',
      '正文。',
      '2020年8月18日',
      '抄 报:区政协办公室、区委区政府督查局',
    ];
    const { letter: l, warnings } = read(...copy, ...copy);
    expect(l).toMatchObject({
      body: ['正文。'],
      reportTo: { recipients: [{ name: '区政协办公室' }, { name: '区委区政府督查局' }], separator: '、' },
    });
    expect(warnings.map((w) => w.code)).toContain('letter_repeated');
  });

  it('should read the signing unit after the contact’s telephone on a line the page cut inside the date (永吉)', () => {
    expect(answer('正文。', '联系人姓名及电话:某某 15948410567 某县水利局 2023年')).toMatchObject({
      issuingUnit: { name: '某县水利局' },
      contacts: [{ person: '某某', phone: '15948410567' }],
    });
    // an address after the telephone is not a unit
    expect(
      answer('正文。', '某县水利局', '2023年6月30日', '联系人:某某 15948410567 地址:某路1号')?.issuingUnit,
    ).toEqual({
      name: '某县水利局',
    });
    expect(answer('正文。', '联系人:某某 15948410567 某路1号')?.issuingUnit).toBeUndefined();
  });

  it('should read a fax number into the contact’s fax, not its telephone (传真)', () => {
    expect(
      answer(
        '正文。',
        '联系人:某局某科,张某',
        '联系电话:0571-88888888',
        '传  真:0571-88888889',
        '邮  编:310009',
        '某省交通运输厅',
        '2018年7月11日',
      )?.contacts,
    ).toEqual([
      { person: '张某', department: '某局某科', phone: '0571-88888888', fax: '0571-88888889', postcode: '310009' },
    ]);
    expect(around([], ['(联系人:张某 传真:0571-88888889 电话:0571-88888888)'])?.contacts).toEqual([
      { person: '张某', phone: '0571-88888888', fax: '0571-88888889' },
    ]);
  });

  it('should read a salutation and its wish printed on two lines as one closing (顺致 / 身体健康…, 顺颂 / 时祺)', () => {
    for (const [first, second] of [
      ['顺致', '身体健康,工作顺利!'],
      ['顺颂', '时祺'],
      ['祝', '工作顺利!'],
      ['此致', '敬礼!'],
    ] as const)
      expect(answer('正文。', '感谢您的关心。', first, second, '某县交通运输局', '2021年7月16日')).toMatchObject({
        body: ['正文。', '感谢您的关心。'],
        closing: `${first}${second}`,
      });
    // a short last paragraph after 祝 that is not a wish stays the body's
    expect(answer('正文。', '祝', '贺新春。', '某县交通运输局', '2021年7月16日')?.closing).toBeUndefined();
  });

  it('should read the kind of an item named only by its own title ending in 议案 (《…的议案》(第118号), 神木)', () => {
    expect(
      letter(
        '甲代表:',
        '您提出的《关于整治环境的议案》(第118号)已收悉。现答复如下:',
        '正文。',
        '某市林业局',
        '2022年7月27日',
      )?.reference,
    ).toEqual({ kind: 'suggestion', printed: '第118号', number: '118' });
  });
});
