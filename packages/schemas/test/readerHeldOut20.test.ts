import { describe, expect, it } from 'vitest';
import { parseCoHandlingOpinion, parseReplyLetter } from '../src/index.js';
import { around } from './support/readAround.js';

// Forms the twentieth to twenty-second held-out batches showed (session 16: test/fixtures/opinions, 嘉定镇街道 and 菊园新区
// 上海, the first co-unit opinions since session 9; test/fixtures/letters, 宁强; 普陀 上海). Each case is the general form, not the
// fixture text.
const read = (...lines: string[]) => parseReplyLetter(lines.join('\n'));

describe('parseReplyLetter: the twentieth to twenty-second held-out batches (session 16)', () => {
  it('should read a title run on after the document number on its line (嘉菊管[2025]18号对…的会办意见, 嘉定)', () => {
    const letter = around(['某区某局', '某局函〔2024〕2号关于对区七届人大四次会议第T014号代表建议的答复'], []);
    expect(letter?.docNumber).toBe('某局函〔2024〕2号');
    expect(letter?.title).toBe('关于对区七届人大四次会议第T014号代表建议的答复');
    expect(letter?.reference).toMatchObject({ kind: 'suggestion', term: 7, session: 4, number: 'T014' });
    // a number in square brackets is kept as printed and flagged, the title still read
    const square = around(['某区某局', '某管[2025]18号对区七届人大六次会议第T007号代表建议的答复'], []);
    expect(square?.printedDocNumber).toEqual({ text: '某管[2025]18号', problems: ['doc_number_brackets'] });
    expect(square?.title).toBe('对区七届人大六次会议第T007号代表建议的答复');
    // what is no title stays unplaced after the number
    const { warnings } = read(
      '某局函〔2024〕2号关于某事',
      '甲委员:',
      '您的提案收悉,现答复如下:',
      '正文。',
      '某局',
      '2024年3月22日',
    );
    expect(warnings.map((w) => w.text)).toContain('关于某事');
  });

  it('should read a unit printed alone with no colon as the addressee only over the acknowledgement (嘉定)', () => {
    // the unit over the acknowledgement: readerPages 'should read an addressee whose colon the page lost (a unit)'
    expect(read('某区某局', '关于某事的通知', '正文。').letter?.addressees).toBeUndefined();
  });

  it('should read 以上意见供你单位…参考 as the closing (嘉定)', () => {
    // …and with no 意见 (以上供你单位答复委员表时参考。, 普陀, batch 22)
    for (const closing of [
      '以上意见供你单位统一答复代表时参考。',
      '以上意见,供你局参考。',
      '以上供你单位答复委员时参考。',
    ])
      expect(around([], [], closing)?.closing, closing).toBe(closing);
  });

  it('should read an address line under the contact as the contact’s, the address ending at the next label (嘉定)', () => {
    const letter = around(
      [],
      ['联系人姓名:沈某某            联系电话:59528767', '联系地址:某区某路885号  邮政编码:201899'],
    );
    expect(letter?.contacts).toEqual([
      { person: '沈某某', phone: '59528767', address: '某区某路885号', postcode: '201899' },
    ]);
    // an address on a line of its own, and one before a comma
    expect(around([], ['联系人:张某 电话:59520000', '联系地址:某区某路1号'])?.contacts).toEqual([
      { person: '张某', phone: '59520000', address: '某区某路1号' },
    ]);
    expect(around([], ['联系人:张某,电话:59520000,地址:某区某路1号,邮编:201800'])?.contacts).toEqual([
      { person: '张某', phone: '59520000', address: '某区某路1号', postcode: '201800' },
    ]);
  });

  it('should print an item named 第…号委员提案 with 委员, as 第…号代表建议 is printed with 代表 (普陀, batch 22)', () => {
    expect(around(['对区政协十五届五次会议第155144号委员提案的会办意见'], [])?.reference).toEqual({
      kind: 'proposal',
      printed: '区政协十五届五次会议第155144号委员提案',
      term: 15,
      session: 5,
      number: '155144',
    });
  });

  it('should read a name printed after the telephone label, before the number, as the contact’s (宁强, batch 21)', () => {
    expect(around([], ['(联系电话:张某 15877530000)'])?.contacts).toEqual([{ person: '张某', phone: '15877530000' }]);
    expect(around([], ['联系电话:张某某,0916-3210000'])?.contacts).toEqual([
      { person: '张某某', phone: '0916-3210000' },
    ]);
    // a section's name there is no person
    expect(around([], ['联系电话:办公室 3210000'])?.contacts).toEqual([{ phone: '3210000' }]);
  });

  it('should read a co-unit’s opinion whose lead unit is printed alone and whose number runs into its title (嘉定)', () => {
    const { opinion } = parseCoHandlingOpinion(
      [
        '某镇某办理〔2024〕2号关于对区七届人大四次会议第T014号代表建议的会办意见',
        '区某局',
        '某代表提出的关于某事的代表建议收悉,经研究,现将会办意见函告如下',
        '意见正文。',
        '以上意见供你单位统一答复代表时参考。',
        '某区某镇街道办事处',
        '2024年3月22日',
      ].join('\n'),
    );
    expect(opinion).toMatchObject({
      toUnit: { name: '区某局' },
      fromUnit: { name: '某区某镇街道办事处' },
      title: '关于对区七届人大四次会议第T014号代表建议的会办意见',
      docNumber: '某镇某办理〔2024〕2号',
      closing: '以上意见供你单位统一答复代表时参考。',
      date: '2024-03-22',
    });
  });
});
