import { describe, expect, it } from 'vitest';
import { parseCoHandlingOpinion, parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Shapes seen on the letters collected in session 4 (test/fixtures/letters: 云南马关, 陕西子洲/宁陕, 宁夏盐池/银川,
// 山东桓台, 重庆圣灯山, 湖南临湘忠防, 河北南宫). Each case is the general form, not the fixture text.
const read = (...lines: string[]) => parseReplyLetter(lines.join('\n'));
const codes = (r: ReturnType<typeof parseReplyLetter>) => r.warnings.map((w) => `${w.code}:${w.text ?? ''}`);
/** A letter to 甲代表 whose answer is one paragraph (正文。), then `rest`: for the cases about what follows the body. */
const answered = (...rest: string[]) => read('甲代表:', '您的建议收悉,现答复如下:', '正文。', ...rest);

describe('parseReplyLetter on published pages', () => {
  it('should read a mobile number whole, and the person after 联系人及电话', () => {
    const { letter } = read(
      '甲代表：',
      '你提出的建议已收悉，现答复如下：',
      '正文。',
      '某县交通运输局',
      '2022年7月22日',
      '联系人及电话：杨某 15126801666',
    );
    expect(letter?.contacts).toEqual([{ person: '杨某', phone: '15126801666' }]);
  });

  it('should stop the contact name at the next label (联系人：范某   联系电话：…)', () => {
    const { letter } = read(
      '甲代表：',
      '你提出的建议已收悉，现答复如下：',
      '正文。',
      '某市交通运输局',
      '2017年8月21日',
      '联系人：范某   联系电话：13519502465',
    );
    expect(letter?.contacts).toEqual([{ person: '范某', phone: '13519502465' }]);
  });

  it('should keep a letter-spaced handler name apart from the mobile number after it', () => {
    const { letter } = read(
      '甲代表：',
      '您的建议收悉。现答复如下：',
      '正文。',
      '某镇人民政府',
      '2020年10月23日',
      '承办人及联系电话：戴 某 18692882965',
    );
    expect(letter?.signatories).toEqual([{ role: 'handler', label: '承办人及联系电话', name: '戴 某' }]);
    expect(letter?.contacts).toEqual([{ person: '戴 某', phone: '18692882965' }]);
  });

  it('should read a letter-spaced class label, a 签发人 line and a 签发人 level with the number in the head', () => {
    const a = read(
      '类 别：B',
      '签发人：马某',
      '子交函〔2023〕34号',
      '关于某事的复函',
      '乙委员：',
      '现答复如下：',
      '正文。',
    );
    expect(a.letter).toMatchObject({
      class: 'B',
      classMark: { text: '类 别：B', position: 'topRight' },
      docNumber: '子交函〔2023〕34号',
      signatories: [{ role: 'signer', label: '签发人', name: '马某' }],
    });
    const b = read('宁交函〔2011〕25号 签发人：廖某', '对某建议的复函', '丙代表：', '收悉，现答复如下：', '正文。');
    expect(b.letter?.signatories).toEqual([{ role: 'signer', label: '签发人', name: '廖某' }]);
    expect(
      codes(a)
        .concat(codes(b))
        .filter((c) => c.startsWith('line_unplaced')),
    ).toEqual([]);
  });

  it('should join a title printed over two lines, including a letter-spaced 答 复', () => {
    const a = read('关于对政协某县第十届委员会第二次会议', '第14号提案的复函', '乙委员：', '现答复如下：', '正文。');
    expect(a.letter?.title).toBe('关于对政协某县第十届委员会第二次会议第14号提案的复函');
    expect(a.letter?.reference).toMatchObject({ kind: 'proposal', term: 10, session: 2, number: '14' });
    const b = read('对市十七届人大五次会议第34号建议的', '答 复', '丙代表：', '收悉。现答复如下：', '正文。');
    expect(b.letter?.title).toBe('对市十七届人大五次会议第34号建议的答 复');
    expect(
      codes(a)
        .concat(codes(b))
        .filter((c) => c.startsWith('line_unplaced')),
    ).toEqual([]);
  });

  it('should not join a letterhead that starts with 对 to the title after it', () => {
    const { letter } = read('对外经济贸易局', '某市商务局关于某建议的答复', '丙代表：', '收悉，现答复如下：', '正文。');
    expect(letter).toMatchObject({ letterhead: '对外经济贸易局', title: '某市商务局关于某建议的答复' });
  });

  it.each([
    ['您在某县第十七届人民代表大会第二次会议期间提出的《关于某事的建议》，已交由我局办理。', 'suggestion', 17, 2],
    ['你們在某(mǒu)縣第十一屆委員會(huì)第二次會(huì)議期間提出的《關于某事》，已交由我局辦理。', 'proposal', 11, 2],
  ])('should read the session a letter names without an item number: %s', (opening, kind, term, session) => {
    const { letter } = read('丙代表：', opening, '正文。', '某县某局', '2018年5月22日');
    expect(letter?.reference).toMatchObject({ kind, term, session });
    expect(letter?.reference?.number).toBeUndefined();
  });

  it('should read a disclosure mark printed in the head', () => {
    const { letter } = read('同意公开', '对某建议的答复', '丙代表：', '收悉。现答复如下：', '正文。');
    expect(letter?.disclosure).toEqual({ mark: '同意公开', mode: 'proactive' });
  });

  it.each([
    ['a person', '某局关于某提案的答复函', '贺某、佟某委员', '《关于某事的建议》收悉现就提案办理有关情况答复如下:'],
    // a unit printed alone over the acknowledgement (嘉定's 会办意见, session 16)
    [
      'a unit',
      '关于对区人大第T014号代表建议的会办意见',
      '区住房保障房屋管理局',
      '某代表提出的关于某事的代表建议收悉,经研究,现将会办意见函告如下',
    ],
  ])(
    'should read an addressee whose colon the page lost, when the opening follows (%s)',
    (_kind, title, to, opening) => {
      const { letter, warnings } = read(title, to, opening, '正文。');
      expect(letter?.addressees).toEqual([to]);
      expect(letter?.opening).toBe(opening);
      expect(warnings.map((w) => w.code)).not.toContain('addressee_missing');
    },
  );

  it('should skip site chrome and the disclosure table around a letter', () => {
    const r = read(
      '今天是:',
      '无障碍浏览 长者模式',
      '首页/ 专题专栏/ 政协委员提案回复/ 正文',
      '[ 索引号 ] | 1150/2022-00028 | [ 发文字号 ] | 2022-92 |',
      '索 引 号:640100-115/2017-22498 发布日期:2017-09-14',
      '名 称:关于某建议的答复',
      '关于某建议的答复',
      '丙代表：',
      '收悉，现答复如下：',
      '正文。',
      '某局',
      '2023年8月8日',
      '责任编辑:周某',
      '关闭',
      '上一篇:某局关于某建议的答复函',
      '主办:某县人民政府    承办:某县人民政府办公室',
      '宁ICP备0900464号-5',
    );
    expect(codes(r)).toEqual([]);
    expect(r.letter?.title).toBe('关于某建议的答复');
  });

  it.each([
    '同时,衷心感谢你们对我县交通事业的关心支持。',
    '非常感谢您对我局工作的关心支持。',
    '再一次感谢您们对交通运输事业的关心和支持!',
    '希望以后多提宝贵意见,以利我们改进工作。',
    '特此函告。',
    '特此函复',
    '谨此答复',
  ])('should read the closing %s', (closing) => {
    const { letter } = read('丙代表：', '收悉，现答复如下：', '正文。', closing, '某镇人民政府', '2023年9月15日');
    expect(letter?.closing).toBe(closing);
    expect(letter?.body).toEqual(['正文。']);
  });

  it('should read a reviewer named in 以上答复，已经…审阅', () => {
    const { letter } = read(
      '丙代表：',
      '收悉，现答复如下：',
      '正文。',
      '以上答复,已经镇政府镇长和某审阅,您对此有何意见,请填写回执。',
      '某镇人民政府',
      '2022年5月25日',
    );
    expect(letter?.signatories).toEqual([{ role: 'reviewer', label: '审阅', name: '镇政府镇长和某' }]);
  });

  it('should split the unit from the title printed on one line, and skip the title the page repeats below', () => {
    const r = read(
      '某市交通运输局 对某市第九届人民代表大会第二次会议的第46号建议的答复',
      '丁代表: 您的建议收悉,现答复如下: 正文。',
      '某市交通运输局',
      '2018年6月28日',
      '对某市第九届人民代表大会第二次会议的第46号建议的答复',
    );
    expect(r.letter).toMatchObject({
      letterhead: '某市交通运输局',
      title: '对某市第九届人民代表大会第二次会议的第46号建议的答复',
      reference: { kind: 'suggestion', term: 9, session: 2, number: '46' },
    });
    expect(codes(r)).toEqual([]);
  });

  // Shapes seen on the letters collected in session 7 (湘阴, 平江, 淮南高新区, 高平, 泰顺): the general form, not the text.
  describe('the 报 line, the class after the number and a foot with no date (session 7)', () => {
    it('should read a letter-spaced 抄报 as the 报 list, ending it at a second label on the same line', () => {
      const r = read(
        '对某建议的答复',
        '丙代表：',
        '收悉，现答复如下：',
        '正文。',
        '某县某局',
        '2019年5月5日',
        '抄    报:人大联工委 县政府办     承办单位: 县某局',
        '抄 送：县某办（2份）、县某委。',
      );
      expect(r.letter?.reportTo).toEqual({
        recipients: [{ name: '人大联工委' }, { name: '县政府办' }],
        separator: ' ',
      });
      expect(r.letter?.copyTo).toEqual({
        recipients: [{ name: '县某办', copies: 2 }, { name: '县某委' }],
        separator: '、',
      });
      expect(codes(r)).toEqual(['line_unplaced:承办单位: 县某局']);
    });

    it('should read the class mark and a disclosure mark printed after the number, apart', () => {
      const { letter } = read(
        '某交复字〔2021〕5号B类  同意公开',
        '关于某建议的答复',
        '丙代表：',
        '收悉，现答复如下：',
        '正文。',
      );
      expect(letter).toMatchObject({
        docNumber: '某交复字〔2021〕5号',
        class: 'B',
        classMark: { text: 'B类', position: 'docNumberLine' },
        disclosure: { mark: '同意公开', mode: 'proactive' },
      });
      const graded = read(
        '某建复〔2024〕3号(B1类) 签发人：王某',
        '关于某建议的答复',
        '丙代表：',
        '现答复如下：',
        '正文。',
      );
      expect(graded.letter).toMatchObject({
        class: 'B',
        classGrade: 1,
        classMark: { text: '(B1类)', position: 'docNumberLine' },
        signatories: [{ role: 'signer', label: '签发人', name: '王某' }],
      });
    });

    it('should keep a number whose serial is a word (〔2019〕来信号) as printed, flagged, with the class after it', () => {
      const r = read(
        '某教提复字〔2019〕来信号B类',
        '对县政协十届三次会议第来信号提案的答复',
        '乙委员：',
        '现答复如下：',
        '正文。',
      );
      expect(r.letter).toMatchObject({
        printedDocNumber: { text: '某教提复字〔2019〕来信号', problems: ['doc_number_format'] },
        class: 'B',
        classMark: { text: 'B类', position: 'docNumberLine' },
        reference: { kind: 'proposal', term: 10, session: 3, number: '来信' },
      });
      expect(r.letter?.docNumber).toBeUndefined();
    });

    it('should read a letter-spaced sign-off label, and the name before a telephone label or a bracketed number', () => {
      const { letter } = read(
        '丙代表：',
        '收悉，现答复如下：',
        '正文。',
        '某县某局',
        '2021年7月6日',
        '经 办 人: 王某 联系电话: 2261277',
        '承办人及联系电话:钟某(15115089731)',
      );
      expect(letter?.signatories).toEqual([
        { role: 'handler', label: '经 办 人', name: '王某' },
        { role: 'handler', label: '承办人及联系电话', name: '钟某' },
      ]);
      expect(letter?.contacts).toEqual([
        { person: '王某', phone: '2261277' },
        { person: '钟某', phone: '15115089731' },
      ]);
    });

    it('should find the foot of a letter that prints no date: class label, contact, a line that lost its label', () => {
      const r = read(
        '关于某提案的答复函',
        '乙委员：',
        '您提出的提案已收悉,现答复如下:',
        '正文。',
        '感谢您对我们工作的支持。',
        '办复类别: A',
        '联系电话:19855043022',
        ': 某某',
      );
      expect(r.letter).toMatchObject({
        body: ['正文。'],
        closing: '感谢您对我们工作的支持。',
        class: 'A',
        classMark: { text: '办复类别: A', position: 'footer' },
        contacts: [{ phone: '19855043022' }],
      });
      expect(codes(r)).toEqual(['date_missing:', 'line_unplaced:: 某某']);
    });

    it('should read 此致 / 敬礼 as one closing and keep a sign-off label printed blank out of the body', () => {
      const r = read(
        '对某建议的答复',

        '丙代表:',
        '收悉。现答复如下:',
        '正文。',
        '此致',
        '敬礼',
        '领导签字:',
        '某市某局',
        '2023年6月29日',
      );
      expect(r.letter).toMatchObject({ body: ['正文。'], closing: '此致敬礼', issuingUnit: { name: '某市某局' } });
      expect(r.letter?.signatories).toBeUndefined();
      expect(codes(r)).toEqual(['signatory_blank:领导签字:']);
    });

    it.each([
      ['关于市十六届政协二次会议第94号提案的答复函', '市十六届政协二次会议第94号提案', 'proposal', 16, 2, '94'],
      ['关于对某县十七届人大六次会议第07号议案的答复', '某县十七届人大六次会议第07号议案', 'suggestion', 17, 6, '07'],
      [
        '某局关于答复县十七届人大三次会议第413号代表建议的函',
        '县十七届人大三次会议第413号代表建议',
        'suggestion',
        17,
        3,
        '413',
      ],
    ])('should read the item a title names: %s', (title, printed, kind, term, session, number) => {
      const { letter } = read(title, '丙代表：', '收悉，现答复如下：', '正文。');
      expect(letter?.reference).toEqual({ printed, kind, term, session, number });
    });

    it('should take the date that ends a run-in line for the signature, not a date printed earlier in the body', () => {
      const r = read(
        '对某提案的答复函',
        '乙委员: 你们的提案已交由我局办理,现将办理情况答复如下: 2017年6月16 日,我局派人查看。 感谢你们的支持。 某县水务局 2019年7月15日',
      );
      expect(r.letter).toMatchObject({
        body: ['2017年6月16 日,我局派人查看。'],
        closing: '感谢你们的支持。',
        issuingUnit: { name: '某县水务局' },
        date: '2019-07-15',
        dateText: '2019年7月15日',
      });
    });

    it('should skip a 来源 or 发布时间 label and the value printed on the line after it', () => {
      const r = read(
        '对某建议的答复',
        '来源:',
        '某县人民政府',
        '发布时间:',
        '2019-11-29 08:22',
        '浏览次数:',
        '1',
        '政府信息公开',
        '对某建议的答复',
        '丙代表：',
        '收悉，现答复如下：',
        '正文。',
        '分享到:',
      );
      expect(r.letter?.letterhead).toBeUndefined();
      expect(codes(r)).toEqual(['date_missing:']);
    });
  });

  // Shapes seen on the seven held-out letters of session 7 (石林, 武定, 中牟, 蕲春): the general form, not the text.
  describe('the held-out letters of session 7', () => {
    it('should read a contact printed above the unit and date, and a dash in its number, as the foot', () => {
      const a = read(
        '对某建议的答复',
        '丙代表:',
        '您的建议收悉,现答复如下:',
        '正文。',
        '以上答复,如有不妥,请批评指正。',
        '(联系人及电话:张某 0871-67785176)',
        '某县某局',
        '2022年6月28日',
      );
      expect(a.letter).toMatchObject({
        body: ['正文。'],
        closing: '以上答复,如有不妥,请批评指正。',
        contacts: [{ person: '张某', phone: '0871-67785176' }],
        issuingUnit: { name: '某县某局' },
      });
      const b = read(
        '乙委员:',
        '您的提案收悉,现答复如下:',
        '正文。',
        '联系电话:0878—6034678',
        '某县水务局',
        '2020年9月27日',
      );
      expect(b.letter?.contacts).toEqual([{ phone: '0878-6034678' }]);
      expect(b.letter?.body).toEqual(['正文。']);
    });

    it('should take a first paragraph that leads into the answer with a colon for the opening', () => {
      const { letter } = read(
        '关于某建议答复的函',
        '丙代表:',
        '您提出的《关于某事的建议》第12号建议交我局办理,经认真调查,提出以下办理答复意见:',
        '一、基本情况',
        '正文。',
        '某县某局',
        '2022年6月28日',
      );
      expect(letter?.opening).toBe('您提出的《关于某事的建议》第12号建议交我局办理,经认真调查,提出以下办理答复意见:');
      expect(letter?.intro).toBeUndefined();
      expect(letter?.responses?.map((r) => r.heading)).toEqual(['一、基本情况']);
    });

    it('should split a title run into the addressee line, and read 顺致… as the closing', () => {
      const r = read(
        '某县水利局对县十七届人大二次会议第094号建议的答复 甲等代表: 你们的建议收悉,现答复如下: 正文。 感谢你们的支持。 顺致 身体健康,工作顺利! 2018年7月30日',
      );
      expect(r.letter).toMatchObject({
        title: '某县水利局对县十七届人大二次会议第094号建议的答复',
        addressees: ['甲等代表'],
        reference: { kind: 'suggestion', term: 17, session: 2, number: '094' },
        body: ['正文。', '感谢你们的支持。'],
        closing: '顺致 身体健康,工作顺利!',
      });
      expect(codes(r)).toEqual([]);
    });

    it('should skip the links to the neighbouring letters and the site footer with its address', () => {
      const r = read(
        '对某建议的答复',
        '丙代表:',
        '您的建议已收悉。现答复如下:',
        '正文。',
        '某县某局',
        '2023年9月25日',
        '上一条:某局关于某提案的答复 |',
        '下一条:某局对某提案的答复 |',
        '主办单位:某县人民政府办公室 地址:某省某县某路1号 邮编:451450',
      );
      expect(codes(r)).toEqual([]);
      expect(r.letter?.contacts).toBeUndefined();
    });
  });

  // Shapes seen on the second held-out batch of session 7 (潼关, 镇坪, 紫阳, 莒南, 细河区): the general form, not the text.
  describe('the second held-out batch of session 7', () => {
    it('should read eight digits that make a real day as the date, and keep other digits as printed only', () => {
      const a = read('对某提案的复函', '乙委员:', '您的提案已收悉,现答复如下:', '正文。', '某县某局', '20211026');
      expect(a.letter).toMatchObject({ date: '2021-10-26', dateText: '20211026' });
      const b = read('对某提案的复函', '乙委员:', '您的提案已收悉,现答复如下:', '正文。', '某县某局', '20211326');
      expect(b.letter?.date).toBeUndefined();
      expect(codes(b)).toEqual(['date_unreadable:20211326']);
    });

    it('should take a “…文件” line for the letterhead, and not a site greeting', () => {
      const a = read(
        '某县民政局',
        '关于对政协十届三次会议第52号提案的答复',
        '某县民政局文件',
        '乙委员:',
        '您的提案已收悉,现答复如下:',
        '正文。',
      );
      expect(a.letter?.letterhead).toBe('某县民政局文件');
      const b = read('欢迎来到某县人民政府门户网站', '乙委员:', '您的提案已收悉,现答复如下:', '正文。');
      expect(b.letter?.letterhead).toBeUndefined();
    });

    it('should read a contact unit with the telephone after it, on one line or two, and a box-drawing dash', () => {
      const a = read(
        '对某提案的复函',
        '乙委员:',
        '您的提案已收悉,现答复如下:',
        '正文。',
        '联系单位:某县某局',
        '联系电话:0915─4426580',
        '某县某局',
        '2017年8月25日',
      );
      expect(a.letter?.contacts).toEqual([{ department: '某县某局', phone: '0915-4426580' }]);
      const b = read(
        '对某提案的复函',
        '乙委员:',
        '您的提案已收悉,现答复如下:',
        '正文。',
        '某县某局',
        '2024年5月24日',
        '联系单位及电话:某县某局5972877',
      );
      expect(b.letter?.contacts).toEqual([{ department: '某县某局', phone: '5972877' }]);
    });

    it("should stop the foot at the site's own footer: its address, postcode and hotline are not a contact", () => {
      const r = read(
        '对某提案的复函',
        '乙委员:',
        '您的提案已收悉,现答复如下:',
        '正文。',
        '2019年6月17日',
        '主办单位:某区人民政府办公室 版权所有:某市人民政府办公室',
        '地址:某市某区某路25号 邮编:123000 Email:abc@163.com',
        '网站监督举报热线:0418-3965004 网站举报邮箱:abc@163.com',
      );
      expect(r.letter?.contacts).toBeUndefined();
      expect(codes(r)).toEqual([]);
    });
  });

  // Shapes of the third held-out batch (session 8: 闽清, 舟曲, 阿拉善左旗, 鄂温克旗, 博乐, 铁岭县), each in a general form.
  describe('the third held-out batch (session 8)', () => {
    it('should take the title from the page index row 信息名称 when the letter prints none, without the label', () => {
      const r = read(
        '信息名称  关于对县政协第五届二次会议第9号提案的答复',
        '公开日期  2021-04-07  失效日期',
        '甲委员:',
        '你提出的提案已收悉,现答复如下:',
        '正文。',
        '某县某局',
        '2021年4月6日',
      );
      expect(r.letter?.title).toBe('关于对县政协第五届二次会议第9号提案的答复');
      // the letter's own title, when it prints one, wins over the index row
      const own = read(
        '信息名称  关于第9号提案的答复（网页）',
        '关于对县政协第五届二次会议第9号提案的答复',
        '甲委员:',
        '你提出的提案已收悉,现答复如下:',
        '正文。',
        '2021年4月6日',
      );
      expect(own.letter?.title).toBe('关于对县政协第五届二次会议第9号提案的答复');
    });

    it('should keep a one-paragraph answer that opens with thanks as the body, not take it for the closing', () => {
      const { letter, warnings } = read(
        '甲委员:',
        '你提出的《关于某事的提案》已由县政府转来我局,现将办理情况答复如下:',
        '感谢甲委员对教育事业的关心。下一步我局将继续推进。',
        '某县教育局',
        '2021年4月6日',
      );
      expect(letter?.opening).toBe('你提出的《关于某事的提案》已由县政府转来我局,现将办理情况答复如下:');
      expect(letter?.body).toEqual(['感谢甲委员对教育事业的关心。下一步我局将继续推进。']);
      expect(letter?.closing).toBeUndefined();
      expect(warnings.map((w) => w.code)).not.toContain('body_missing');
    });

    it('should split an opening run into the answer on its line after 答复如下:', () => {
      const { letter } = read(
        '甲代表:',
        '您提出的关于某校建操场的建议收悉,现答复如下:首先感谢您的关注。我们将积极争取资金。',
      );
      expect(letter?.opening).toBe('您提出的关于某校建操场的建议收悉,现答复如下:');
      expect(letter?.body).toEqual(['首先感谢您的关注。我们将积极争取资金。']);
    });

    it('should read 专此 alone as the closing, with a foot whose labels the page cut (“人:某某”)', () => {
      const { letter } = read(
        '甲等代表:',
        '您提出的建议收悉,现答复如下:',
        '正文。',
        '专此',
        '主要领导:乙某',
        '人:丙某',
        '联系电话:19859100000',
        '某县交通运输局',
        '20221213',
      );
      expect(letter?.body).toEqual(['正文。']);
      expect(letter?.closing).toBe('专此');
      // (session 14: the cut label over a telephone line is read as the handling official's, 闽清)
      expect(letter?.signatories).toEqual([
        { role: 'signer', label: '主要领导', name: '乙某' },
        { role: 'handler', label: '人', name: '丙某' },
      ]);
    });

    it('should keep a note printed last in the body (注:…) in the body: only 人: is taken for a cut sign-off label', () => {
      const { letter } = read(
        '甲代表:',
        '您提出的建议收悉,现答复如下:',
        '正文。',
        '注:本答复已经局务会研究。',
        '某县交通运输局',
        '2022年12月13日',
      );
      expect(letter?.body).toEqual(['正文。', '注:本答复已经局务会研究。']);
    });

    it('should read 主要签发领导 as the signer, letter-spaced labels and names as printed, and the handler as the contact', () => {
      const { letter } = read(
        '甲等代表:',
        '您提出的建议收悉。经研究现答复如下:',
        '正文。',
        '某旗交通运输局',
        '2023年12月8日',
        '主要签发领导:李  某',
        '承   办   人:布  某',
        '联  系 电 话:18604830000',
      );
      expect(letter?.signatories).toEqual([
        { role: 'signer', label: '主要签发领导', name: '李  某' },
        { role: 'handler', label: '承   办   人', name: '布  某' },
      ]);
      expect(letter?.contacts).toEqual([{ person: '布  某', phone: '18604830000' }]);
    });

    it('should read the title of a handling form (…建议办理单) and not take the index row for a disclosure mark', () => {
      const { letter } = read(
        '公开方式: 主动公开 组配分类: 人大建议',
        '某旗第十六届人民代表大会第二次会议第23号建议办理单',
        '新编号:第23号',
        '事    由:关于某事的建议',
        '甲等代表:',
        '您在某旗第十六届人民代表大会第二次会议提出的《关于某事的建议》收悉。经研究现答复如下:',
        '正文。',
        '2023年12月8日',
      );
      expect(letter?.title).toBe('某旗第十六届人民代表大会第二次会议第23号建议办理单');
      expect(letter?.reference).toEqual({
        kind: 'suggestion',
        printed: '某旗第十六届人民代表大会第二次会议第23号建议',
        term: 16,
        session: 2,
        number: '23',
      });
      expect(letter?.disclosure).toBeUndefined();
    });

    it('should not start a session-only reference with the preposition 在', () => {
      const { letter } = read(
        '甲代表:',
        '您在某旗第十六届人民代表大会第二次会议提出的《关于某事的建议》收悉,现答复如下:',
        '正文。',
      );
      expect(letter?.reference?.printed).toBe('某旗第十六届人民代表大会第二次会议');
    });

    it("should leave the site's share prompt out of the body", () => {
      const { letter } = answered('用微信扫描二维码分享至好友和朋友圈');
      expect(letter?.body).toEqual(['正文。']);
    });

    it('should read an item named by its 立案号 (“(立案号:2020072号)”)', () => {
      const { letter } = read('甲代表:', '您提出的《关于某事的建议》(立案号:2020072号)收悉,现答复如下:', '正文。');
      expect(letter?.reference).toEqual({ kind: 'suggestion', printed: '立案号:2020072号', number: '2020072' });
    });

    it('should read the number, the 立案号 and the closing 此复 of a mirror page in traditional characters with pinyin', () => {
      const { letter } = read(
        '某自然資規(guī)劃【2020】25號(hào)',
        '市某局:',
        '某代表提出的《關(guān)于某事的建議》(立案號(hào):2020072號(hào))收悉,會(huì)辦意見(jiàn)如下:',
        '我局支持。',
        '此復(fù)。',
        '某市某局',
        '2020年7月30日',
      );
      expect(letter?.printedDocNumber).toEqual({
        text: '某自然資規(guī)劃【2020】25號(hào)',
        problems: ['doc_number_brackets', 'doc_number_year', 'doc_number_format'],
      });
      expect(letter?.reference).toEqual({
        kind: 'suggestion',
        printed: '立案號(hào):2020072號(hào)',
        number: '2020072',
      });
      expect(letter?.closing).toBe('此復(fù)。');
      expect(letter?.body).toEqual(['我局支持。']);
    });

    it('should read a mirror page’s opening, its 届/次/号 reference and the closing 以上意见，供参考 on the plain form', () => {
      const { letter } = read(
        '某市交通運(yùn)輸局:',
        '我局對(duì)某市第十四屆人民代表大會(huì)第五次會(huì)議5004號(hào)《關(guān)于某事的建議》進(jìn)行了研究,提出會(huì)辦意見(jiàn)如下:',
        '我局可配合做好前期工作。',
        '以上意見(jiàn),供參考。',
        '某市公路局',
        '2015年5月13日',
      );
      expect(letter?.opening).toBe(
        '我局對(duì)某市第十四屆人民代表大會(huì)第五次會(huì)議5004號(hào)《關(guān)于某事的建議》進(jìn)行了研究,提出會(huì)辦意見(jiàn)如下:',
      );
      expect(letter?.reference).toEqual({
        kind: 'suggestion',
        printed: '某市第十四屆人民代表大會(huì)第五次會(huì)議5004號(hào)',
        term: 14,
        session: 5,
        number: '5004',
      });
      expect(letter?.closing).toBe('以上意見(jiàn),供參考。');
      expect(letter?.body).toEqual(['我局可配合做好前期工作。']);
      // the same closing in simplified characters
      expect(read('甲局:', '现提出会办意见如下:', '同意。', '以上意见,供参考。', '2015年5月13日').letter?.closing).toBe(
        '以上意见,供参考。',
      );
    });

    it('should read a closing that opens with 最后, (最后,再次感谢您对…的关心)', () => {
      const { letter } = read(
        '甲代表:',
        '您提出的建议收悉,现答复如下:',
        '正文。',
        '最后,再次感谢您对水利工作的关心,希望您一如既往地支持我们的工作!',
        '某县水利局',
        '2025年9月23日',
      );
      expect(letter?.closing).toBe('最后,再次感谢您对水利工作的关心,希望您一如既往地支持我们的工作!');
      expect(letter?.body).toEqual(['正文。']);
    });

    it('should read a 街道 as the unit addressed, and not take 此复函已经…审签 for the closing 此复', () => {
      const { letter } = read(
        '某区某局关于区政协十六届第一次会议第201号提案协办意见的函',
        '某某街道:',
        '区政协第十六届第一次会议提出的《关于某事的建议》(第201号提案)已转由我局协办。现将协办情况函复如下:',
        '正文。',
        '此复函已经某某局长审签,对以上函复如有任何意见和建议,请你们直接与我局联系。',
        '某区某局',
        '2022年4月29日',
      );
      expect(letter?.addressees).toEqual(['某某街道']);
      expect(letter?.title).toBe('某区某局关于区政协十六届第一次会议第201号提案协办意见的函');
      expect(letter?.closing).toBeUndefined();
      expect(letter?.body?.at(-1)).toMatch(/^此复函已经/u);
      expect(letter?.signatories).toEqual([{ role: 'reviewer', label: '审签', name: '某某局长' }]);
    });
  });

  // Session 9's held-out batch (柳江, 柳南 广西; 横峰 江西; 息烽 贵州; 岳阳楼区; 西双版纳州, 篾厂乡, 文山市 云南) and the
  // 柳州 co-unit opinion: each case is the general form of what its first read missed, not the fixture text.
  describe('session 9', () => {
    it.each([
      ['2017823', '2017-08-23'],
      ['2024425', '2024-04-25'],
      ['202445', '2024-04-05'],
      ['20211026', '2021-10-26'],
    ])('should read a date whose 年 月 日 the page lost (%s) when only one day fits', (printed, iso) => {
      const { letter } = answered('某县水利局', printed);
      expect(letter).toMatchObject({ date: iso, dateText: printed, issuingUnit: { name: '某县水利局' } });
    });

    it('should not read digits that fit two days (2021111: 1-11 or 11-1), nor digits that are no year', () => {
      for (const printed of ['2021111', '8172014']) {
        const { letter, warnings } = answered('某局', printed);
        expect(letter?.date, printed).toBeUndefined();
        expect(letter?.dateText, printed).toBe(printed);
        expect(codes({ letter, warnings }), printed).toContain(`date_unreadable:${printed}`);
      }
    });

    it.each([
      ['希望你们以后多提宝贵意见,以利我们改进工作。'],
      ['希望您今后多提宝贵意见。'],
      ['以上答复,不妥之处请批评指正!'],
      ['以上答復(fù),不妥之處請批評指正!'],
    ])('should read the closing %s', (closing) => {
      const { letter } = read(
        '甲委员:',
        '你们提出的提案已交我们研究办理,现答复如下:',
        '正文。',
        closing,
        '某乡人民政府',
        '2021年6月22日',
      );
      expect(letter?.closing).toBe(closing);
      expect(letter?.body).toEqual(['正文。']);
    });

    it('should read a disclosure note (注:“主动公开”。) between the closing and the date as the foot', () => {
      const { letter } = read(
        '甲代表:',
        '您提出的《关于某事的建议》已收悉,现答复如下:',
        '正文。',
        '感谢您对教育工作的关心。',
        '注:“主动公开”。',
        '2017年7月24日',
        '(联系人:某某)',
      );
      expect(letter).toMatchObject({
        body: ['正文。'],
        closing: '感谢您对教育工作的关心。',
        disclosure: { mode: 'proactive', mark: '注:“主动公开”。' },
        contacts: [{ person: '某某' }],
      });
    });

    it('should keep an attachment line (附件:…) out of the body and the closing, and warn', () => {
      const r = answered('以上答复,如有不妥,请批评指正。', '附件:建议办理情况征询意见表', '2022年7月7日');
      expect(r.letter).toMatchObject({ body: ['正文。'], closing: '以上答复,如有不妥,请批评指正。' });
      expect(codes(r)).toContain('attachment_unread:附件:建议办理情况征询意见表');
    });

    it('should read the closing of a page cut inside the signature, and not take the cut name for the unit', () => {
      const r = answered('专此答复,诚挚感谢您对乡村建设工作的关心支持。', '某市某');
      expect(r.letter?.closing).toBe('专此答复,诚挚感谢您对乡村建设工作的关心支持。');
      expect(r.letter?.body).toEqual(['正文。']);
      expect(r.letter?.issuingUnit).toBeUndefined();
      expect(codes(r)).toContain('line_unplaced:某市某');
    });

    it('should read a page that prints the letter twice, with page numbers, as one letter', () => {
      const copy = [
        '某局对某建议的答复',
        '甲等代表:',
        '你们提出的建议收悉。经研究,现答复如下:',
        '正文一。',
        '正文二。',
        '某区某局',
        '2022年8月18日',
        '— 1 —',
      ];
      const r = read(...copy, ...copy);
      expect(r.letter).toMatchObject({
        title: '某局对某建议的答复',
        body: ['正文一。', '正文二。'],
        issuingUnit: { name: '某区某局' },
        date: '2022-08-18',
      });
      expect(codes(r)).toContain('letter_repeated:');
      expect(codes(r).some((c) => c.includes('— 1 —'))).toBe(false);
    });

    it("should not take the site's name above a title for the letterhead when the title's author signs the letter", () => {
      const r = read(
        '某市人民政府',
        '某市交通运输局对某市第三届人民代表大会第四次会议第69号建议的答复',
        '甲等代表:',
        '你们提出的建议,已交我们研究办理,现答复如下:',
        '正文。',
        '某市交通运输局',
        '2019年6月30日',
      );
      expect(r.letter?.letterhead).toBeUndefined();
      expect(r.letter?.issuingUnit).toEqual({ name: '某市交通运输局' });
      expect(codes(r)).toContain('line_unplaced:某市人民政府');
      // a unit above a title by the unit that signs is the letterhead
      expect(
        read(
          '某县水利局',
          '某县水利局对某建议的答复',
          '甲代表:',
          '收悉,现答复如下:',
          '正文。',
          '某县水利局',
          '2025年9月23日',
        ).letter?.letterhead,
      ).toBe('某县水利局');
    });

    it("should read the session and the number apart, the item's own title between them, without the title", () => {
      const { letter } = read(
        '甲等代表:',
        '你们在区二届人大二次会议上提出的《关于修建某村322国道旁机耕路的建议》(第20号)收悉。经研究,现答复如下:',
        '正文。',
      );
      expect(letter?.reference).toEqual({
        kind: 'suggestion',
        printed: '区二届人大二次会议',
        term: 2,
        session: 2,
        number: '20',
      });
    });

    it('should read a title printed over three lines that opens with the unit, a 协办意见 title, and skip share widgets', () => {
      const r = read(
        '某市某局关于对某市第十五届人大第五次会议第83号代表建议的协办意见',
        '分享 微信',
        '头条',
        '微博 空间 qq',
        '【字体: 打印',
        '某市某局关于对某市',
        '第十五届人大第五次会议第83',
        '代表建议的协办意见',
        '某区政府:',
        '某市第十五届人大第五次会议提出的《关于某事的建议》(第83号),我单位协办。经研究,现提出协办意见如下:',
        '正文。',
        '专此函达。',
        '某市某局',
        '2024425',
      );
      expect(r.letter).toMatchObject({
        title: '某市某局关于对某市第十五届人大第五次会议第83代表建议的协办意见',
        reference: {
          kind: 'suggestion',
          printed: '某市第十五届人大第五次会议第83号代表建议',
          term: 15,
          session: 5,
          number: '83',
        },
        addressees: ['某区政府'],
        closing: '专此函达。',
        date: '2024-04-25',
      });
      expect(r.warnings.filter((w) => w.code === 'line_unplaced')).toEqual([]);
    });
  });

  // General forms of what letters print that no collected letter showed the reader yet (session 9): each failed on the
  // reader as the fifth batch left it.
  describe('session 9, general forms', () => {
    const letter = (...lines: string[]) => read(...lines).letter;

    it('should read a class mark printed after the title, and keep it out of the title', () => {
      expect(around(['关于县政协十届二次会议第12号提案的答复(B类)'], [])).toMatchObject({
        title: '关于县政协十届二次会议第12号提案的答复',
        class: 'B',
        classMark: { text: '(B类)', position: 'title' },
      });
    });

    it('should read a labelled mark whose label ends in 类型 or 分类, but not the site’s 信息分类', () => {
      expect(around(['答复类型:B'], [])).toMatchObject({
        class: 'B',
        classMark: { text: '答复类型:B', position: 'topRight' },
      });
      expect(around(['信息分类:人大建议'], [])?.classMark).toBeUndefined();
    });

    it.each([['以上答复,请予审阅。'], ['顺祝工作顺利!'], ['谢谢您对水利工作的关心!']])(
      'should read the closing %s',
      (closing) => {
        expect(around([], [], closing)).toMatchObject({ closing, body: ['正文。'] });
      },
    );

    it('should not take 以上答复,已经…审阅,… for a closing: it names the reviewer', () => {
      const l = around([], [], '以上答复,已经某局长审阅,您对此有何意见,请填写回执。');
      expect(l?.closing).toBeUndefined();
      expect(l?.signatories).toEqual([{ role: 'reviewer', label: '审阅', name: '某局长' }]);
    });

    it.each([['县工商联'], ['县总工会'], ['民盟某县委员会'], ['九三学社某市委']])(
      'should read %s, a body that made a collective proposal, as the addressee',
      (unit) => {
        expect(
          letter(`${unit}:`, '你们提出的《关于某事的提案》收悉,现答复如下:', '正文。', '某县水利局', '2023年6月30日')
            ?.addressees,
        ).toEqual([unit]);
      },
    );

    it.each([['甲委员,您好!'], ['甲委员您好:'], ['甲委员:']])('should read the addressee of %s', (line) => {
      expect(letter(line, '您提出的提案收悉,现答复如下:', '正文。', '某县水利局', '2023年6月30日')?.addressees).toEqual(
        ['甲委员'],
      );
    });

    it('should read (此件主动公开) as the disclosure mark', () => {
      expect(around([], ['(此件主动公开)'])?.disclosure).toEqual({ mark: '(此件主动公开)', mode: 'proactive' });
    });

    it('should read a contact labelled 联系方式, and not the site’s 主 办:… | 联系方式: footer', () => {
      expect(around([], ['联系方式:张某 0851-86231234'])?.contacts).toEqual([
        { person: '张某', phone: '0851-86231234' },
      ]);
      expect(
        around([], ['主 办:某县人民政府办公室 | 联系地址:某路1号 | 联系方式:0855-8235320'])?.contacts,
      ).toBeUndefined();
    });

    it('should read two sign-off pairs printed on one line, in the head and in the foot', () => {
      expect(around(['签发人:王某 核稿人:李某'], [])?.signatories).toEqual([
        { role: 'signer', label: '签发人', name: '王某' },
        { role: 'reviewer', label: '核稿人', name: '李某' },
      ]);
      expect(around([], ['拟稿人:赵某 审核人:钱某'])?.signatories).toEqual([
        { role: 'handler', label: '拟稿人', name: '赵某' },
        { role: 'reviewer', label: '审核人', name: '钱某' },
      ]);
    });

    it.each([['2023-06-30'], ['2023.6.30'], ['2023/6/30']])(
      'should read a signature date printed in figures (%s)',
      (printed) => {
        expect(letter('甲委员:', '您提出的提案收悉,现答复如下:', '正文。', '某县水利局', printed)).toMatchObject({
          date: '2023-06-30',
          dateText: printed,
          issuingUnit: { name: '某县水利局' },
        });
      },
    );

    it('should read the closing 特此说明', () => {
      expect(around([], [], '特此说明。')).toMatchObject({ closing: '特此说明。', body: ['正文。'] });
    });

    it('should read a 抄送 list that ends in a separator and goes on on the next line', () => {
      expect(around([], ['抄送:县政协提案委,县政府督查室,', '县人大常委会办公室。'])?.copyTo).toEqual({
        recipients: [{ name: '县政协提案委' }, { name: '县政府督查室' }, { name: '县人大常委会办公室' }],
        separator: ',',
      });
    });

    it.each([['某县水利局(盖章)'], ['某县水利局（印章）'], ['答复单位:某县水利局']])(
      'should read the signing unit of %s (the seal’s place, or a label, around the name)',
      (line) => {
        expect(letter('甲委员:', '您提出的提案收悉,现答复如下:', '正文。', line, '2023年6月30日')).toMatchObject({
          body: ['正文。'],
          issuingUnit: { name: '某县水利局' },
        });
      },
    );

    it('should read a co-unit that signs as 会办单位:…, or with the seal’s place after it', () => {
      for (const unit of ['会办单位:某县财政局', '某县财政局(盖章)'])
        expect(
          parseCoHandlingOpinion(
            ['县交通运输局:', '关于县政协第12号提案,我局会办意见如下:', '同意。', unit, '2023年5月6日'].join('\n'),
          ).opinion,
        ).toMatchObject({
          fromUnit: { name: '某县财政局' },
          toUnit: { name: '县交通运输局' },
          text: '关于县政协第12号提案,我局会办意见如下:\n同意。',
        });
    });

    it('should read an addressee with a note in brackets after it (“某代表(领衔人):”)', () => {
      expect(
        letter('甲代表(领衔人):', '您提出的建议收悉,现答复如下:', '正文。', '某县水利局', '2023年6月30日')?.addressees,
      ).toEqual(['甲代表(领衔人)']);
    });

    it('should read an item printed as a 建议案 (“第49号建议案”) whole', () => {
      expect(around(['关于县第十八届人民代表大会第二次会议第49号建议案的答复'], [])?.reference?.printed).toBe(
        '县第十八届人民代表大会第二次会议第49号建议案',
      );
    });
  });
});
