import { describe, expect, it } from 'vitest';
import { findPrintedDate, letterWarnings, parseReplyLetter, ReplyLetterSchema } from '../src/index.js';

describe('findPrintedDate', () => {
  it.each([
    ['二〇一七年五月二十六日', '2017-05-26'],
    ['二OO八年六月十九日', '2008-06-19'],
    ['二0一七年五月二十六日', '2017-05-26'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['2023年6月30日', '2023-06-30'],
    ['2023 年 6 月 3 日', '2023-06-03'],
  ])('should read %s as %s', (text, iso) => {
    expect(findPrintedDate(text)?.iso).toBe(iso);
  });

  it('should not read a date that is not a real day', () => {
    expect(findPrintedDate('二〇二三年二月三十日')).toBeUndefined();
    expect(findPrintedDate('2023年2月30日')).toBeUndefined();
  });
});

describe('parseReplyLetter', () => {
  it('should read the head, class mark on the number line, reference and foot of a printed letter', () => {
    const { letter, warnings } = parseReplyLetter(
      [
        '(B1类)',
        '示例市住房和城乡建设局',
        '示住建函〔2024〕35号',
        '示例市住房和城乡建设局关于市十六届人大三次会议第3057号建议答复的函',
        '代表甲等代表：',
        '你们提出的《关于加快老旧小区加装电梯的建议》（第3057号）收悉，现答复如下：',
        '一、关于简化审批流程的建议',
        '部分采纳该建议。',
        '下阶段将推行联合审查。',
        '专此答复。',
        '示例市住房和城乡建设局',
        '二〇二四年五月二十八日',
        '签发人：张三',
        '（联系人：李四，电话：0760-88888888，邮编：528400）',
        '是否同意公开：是',
        '报：市人民政府。',
        '抄送：市人大常委会选联工委（2份），市政府办公室。',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(letter).toMatchObject({
      class: 'B',
      classGrade: 1,
      classMark: { text: '(B1类)', position: 'topRight' },
      letterhead: '示例市住房和城乡建设局',
      docNumber: '示住建函〔2024〕35号',
      reference: { kind: 'suggestion', term: 16, session: 3, number: '3057' },
      addressees: ['代表甲等代表'],
      responses: [
        { heading: '一、关于简化审批流程的建议', statement: '部分采纳该建议。', body: ['下阶段将推行联合审查。'] },
      ],
      closing: '专此答复。',
      issuingUnit: { name: '示例市住房和城乡建设局' },
      date: '2024-05-28',
      dateText: '二〇二四年五月二十八日',
      signatories: [{ role: 'signer', label: '签发人', name: '张三' }],
      contacts: [{ person: '李四', phone: '0760-88888888', postcode: '528400' }],
      disclosure: { mark: '是否同意公开：是', mode: 'proactive' },
      reportTo: { recipients: [{ name: '市人民政府' }] },
      copyTo: { separator: '，', recipients: [{ name: '市人大常委会选联工委', copies: 2 }, { name: '市政府办公室' }] },
    });
    expect(ReplyLetterSchema.safeParse(letter).success).toBe(true);
  });

  it('should keep a non-conforming number as printed, flagged, and warn', () => {
    const { letter, warnings } = parseReplyLetter(
      '华建复〔2017〕05号\n袁同炎代表：\n现答复如下。\n二〇一七年五月二十六日',
    );
    expect(letter?.docNumber).toBeUndefined();
    expect(letter?.printedDocNumber).toEqual({ text: '华建复〔2017〕05号', problems: ['doc_number_leading_zero'] });
    expect(warnings.map((w) => w.code)).toContain('doc_number_nonconforming');
  });

  it('should give warnings, never throw, on unreadable text', () => {
    for (const junk of ['', '   ', '\u0000\u0001', '????', 42 as unknown as string, '<html><body></body></html>']) {
      const r = parseReplyLetter(junk);
      expect(r.warnings.length, String(junk)).toBeGreaterThan(0);
      if (r.letter) expect(ReplyLetterSchema.safeParse(r.letter).success).toBe(true);
    }
    expect(parseReplyLetter('').letter).toBeUndefined();
  });

  // Issue 15: 委员 inside 委员会 (人大常务委员会) made a deputy's suggestion read as a CPPCC proposal.
  it("should read the kind from words, not from 委员 inside 委员会 or from the item's own title", () => {
    const lines = (opening: string) =>
      ['张三代表：', opening, '一、关于联络站建设。已完成。', '此复。', '县交通运输局', '2023年5月26日'].join('\n');
    const standing = parseReplyLetter(lines('您在县人大常务委员会组织的视察中提出的第12号意见已收悉，现答复如下：'));
    expect(standing.letter?.reference).toMatchObject({ number: '12', kind: 'suggestion' });
    const titled = parseReplyLetter(
      lines('您提出的《关于完善县人大常务委员会代表联络站的建议》（第12号）已收悉，现答复如下：'),
    );
    expect(titled.letter?.reference).toMatchObject({ number: '12', kind: 'suggestion' });
    // A CPPCC session is still named 第十届委员会, and a proposal whose title ends in 建议 is still a proposal.
    const cppcc = parseReplyLetter(
      lines('你在政协绿春县十三届委员会第二次会议提出的《关于硬化巡逻路的建议》21号提案，现答复如下：'),
    );
    expect(cppcc.letter?.reference).toMatchObject({ number: '21', kind: 'proposal' });
  });
});

describe('letterWarnings', () => {
  it('should warn when the number’s year differs from the letter’s date', () => {
    const w = letterWarnings({ docNumber: '中商务电函〔2022〕12号', date: '2023-06-30', body: ['…'] });
    expect(w.map((x) => x.code)).toEqual(['doc_number_year_mismatch']);
    expect(letterWarnings({ docNumber: '中商务电函〔2023〕12号', date: '2023-06-30', body: ['…'] })).toEqual([]);
  });
});
