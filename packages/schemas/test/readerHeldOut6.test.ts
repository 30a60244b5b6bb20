import { describe, expect, it } from 'vitest';
import { parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the sixth held-out batch showed (session 10: test/fixtures/letters, 灞桥, 阜新, 内江市中区, 永吉, 南票区, 新密,
// 通川区, 昆都仑区, 蟠猫乡, 惠济区). Each case is the general form, not the fixture text.
const letter = (...lines: string[]) => parseReplyLetter(lines.join('\n')).letter;
/** A letter to 甲代表 whose opening is followed by `rest`: the answer, then the signature. */
const answer = (...rest: string[]) => letter('甲代表:', '您的建议收悉,现答复如下:', ...rest);

describe('parseReplyLetter: the sixth held-out batch (session 10)', () => {
  it('should read the closings 在此…感谢', () => {
    for (const closing of [
      '在此、对您提出的意见和建议再次表示感谢,并请您继续关注我们的工作。',
      '在此,向您表示衷心的感谢!',
    ])
      expect(around([], [], closing)).toMatchObject({ closing, body: ['正文。'] });
  });

  it('should not take a paragraph that opens with 在此 and thanks no one for the closing', () => {
    const l = around([], [], '在此基础上,我局将继续推进改造。');
    expect(l?.closing).toBeUndefined();
    expect(l?.body).toEqual(['正文。', '在此基础上,我局将继续推进改造。']);
  });

  it('should keep a letter-spaced two-character name whole, and give it the unit named on the line above', () => {
    expect(around([], ['联系单位:某市住房和城乡建设局', '联 系 人:张 某 联系电话:56196632'])?.contacts).toEqual([
      { person: '张 某', department: '某市住房和城乡建设局', phone: '56196632' },
    ]);
  });

  it('should still read a section and a name after 联系人 (联系人:某局某科 张某)', () => {
    expect(around([], ['联系人:某局电商科 张某 电话:0760-88888888'])?.contacts).toEqual([
      { person: '张某', department: '某局电商科', phone: '0760-88888888' },
    ]);
  });

  it('should read a unit run into the contact’s name (联系人:某区交运局王某某;联系电话…)', () => {
    expect(around([], ['联系人:某区交运局王某某;联系电话0818-2376450'])?.contacts).toEqual([
      { person: '王某某', department: '某区交运局', phone: '0818-2376450' },
    ]);
  });

  it('should read a bracketed class mark inside the title, and keep the title as printed', () => {
    expect(around(['某区人民政府 关于市五届人大四次会议第39号建议 办理情况(B)的函'], [])).toMatchObject({
      letterhead: '某区人民政府',
      title: '关于市五届人大四次会议第39号建议 办理情况(B)的函',
      class: 'B',
      classMark: { text: '(B)', position: 'title' },
    });
    expect(around(['关于县十届人大二次会议第3号建议(A类)的答复'], [])).toMatchObject({
      title: '关于县十届人大二次会议第3号建议(A类)的答复',
      class: 'A',
      classMark: { text: '(A类)', position: 'title' },
    });
  });

  it('should keep a number that lost its closing bracket and 号 as printed, flagged', () => {
    const r = parseReplyLetter(
      [
        '某区府议〔202323',
        '关于某事的函',
        '甲代表:',
        '您的建议收悉,现答复如下:',
        '正文。',
        '某区人民政府',
        '2023年8月21日',
      ].join('\n'),
    );
    expect(r.letter?.printedDocNumber).toEqual({ text: '某区府议〔202323', problems: ['doc_number_format'] });
    expect(r.warnings.map((w) => w.code)).toContain('doc_number_nonconforming');
    expect(r.warnings.map((w) => w.code)).not.toContain('line_unplaced');
  });

  it('should read a mirror’s title in traditional characters with pinyin, and the item’s number from it', () => {
    const l = around(['關(guān)于對(duì)縣十九屆人大二次會(huì)議第37號(hào)代表建議的答復(fù)'], []);
    expect(l?.title).toBe('關(guān)于對(duì)縣十九屆人大二次會(huì)議第37號(hào)代表建議的答復(fù)');
    const printed = '縣十九屆人大二次會(huì)議第37號(hào)代表建議';
    expect(l?.reference).toEqual({ kind: 'suggestion', printed, term: 19, session: 2, number: '37' });
  });

  it('should read a title followed by the item’s own 《title》', () => {
    const l = around(['区政协八届二次会议第77号提案的答复函《关于某事的建议》'], []);
    expect(l?.title).toBe('区政协八届二次会议第77号提案的答复函《关于某事的建议》');
    expect(l?.reference).toMatchObject({ kind: 'proposal', term: 8, session: 2, number: '77' });
  });

  it('should read a 政协 session named before the term, the item’s 《title》, then its number', () => {
    const ref = { kind: 'proposal', printed: '市政协十二届四次会议', term: 12, session: 4, number: '158' };
    expect(around(['市政协十二届四次会议《关于规范收费停车场的建议》(158号)答复'], [])?.reference).toEqual(ref);
  });

  it('should read a mirror’s contact line in traditional characters with pinyin as the foot, and the closing above it', () => {
    const closing = '感謝您對(duì)鄉(xiāng)人民政府工作的關(guān)心和支持!';
    const l = answer('正文。', closing, '聯(lián)系電話(huà):0878-5391021', '某鄉政府', '2022年6月20日');
    expect(l?.closing).toBe(closing);
    expect(l?.body).toEqual(['正文。']);
    expect(l?.contacts).toEqual([{ phone: '0878-5391021' }]);
  });

  it('should read a mirror’s contact person as printed, pinyin included', () => {
    expect(around([], ['聯(lián)系人:韓國(guó)華 電話(huà):15948410567'])?.contacts).toEqual([
      { person: '韓國(guó)華', phone: '15948410567' },
    ]);
  });

  it('should read the person after 联系人姓名及电话', () => {
    expect(around([], ['联系人姓名及电话:孙某 15948410567'])?.contacts).toEqual([
      { person: '孙某', phone: '15948410567' },
    ]);
  });

  it('should read the unit and date a mirror indents with spaces stored as “?”', () => {
    const l = answer('正文。', '?', '??????某区住房和城乡建设局', '????????2023年4月27日');
    expect(l).toMatchObject({ body: ['正文。'], issuingUnit: { name: '某区住房和城乡建设局' }, date: '2023-04-27' });
  });

  it('should read a numbered paragraph that runs its heading into the answer as an item, when the others are headed', () => {
    const l = answer(
      '一、关于新建校门的建议。经研究,暂无新建计划。',
      '二、下一步工作打算:',
      '1.加强排查。',
      '2.完善设施。',
      '某区教育局',
      '2025年5月19日',
    );
    expect(l?.intro).toBeUndefined();
    expect(l?.responses).toEqual([
      { heading: '一、关于新建校门的建议。', body: ['经研究,暂无新建计划。'] },
      { heading: '二、下一步工作打算:', body: ['1.加强排查。', '2.完善设施。'] },
    ]);
  });

  it('should leave numbered paragraphs in the body when no heading stands alone (泰顺)', () => {
    const paragraphs = ['一、供水保障方面。我局安排资金改造供水。', '二、关于专项资金的建议。只能靠上级补助资金解决。'];
    const l = answer(...paragraphs, '某县水利局', '2024年6月26日');
    expect(l?.responses).toBeUndefined();
    expect(l?.body).toEqual(paragraphs);
  });

  describe('the seventh held-out batch (session 10)', () => {
    const names = Array.from({ length: 13 }, (_, i) => `甲${'一二三四五六七八九十'[i % 10]}${i}`).join('、');

    it('should read an addressee line naming many deputies (more than 40 characters)', () => {
      expect(answer('正文。', '某县水利局', '2013年8月2日')).toMatchObject({ addressees: ['甲代表'] });
      expect(letter(`${names}代表:`, '你们提出的议事原案收悉。现答复如下:', '正文。')?.addressees).toEqual([
        `${names}代表`,
      ]);
    });

    it('should read a 议事原案 and a title that names the answering unit in brackets after it', () => {
      const l = around(['对县十六届人大一次会议第10号议事原案的答复(水利局)'], []);
      expect(l?.title).toBe('对县十六届人大一次会议第10号议事原案的答复(水利局)');
      const printed = '县十六届人大一次会议第10号议事原案';
      expect(l?.reference).toEqual({ kind: 'suggestion', printed, term: 16, session: 1, number: '10' });
    });
  });
});
