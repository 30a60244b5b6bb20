import { describe, expect, it } from 'vitest';
import { checkDocNumber, DocNumberError, DocNumberSchema, formatDocNumber, parseDocNumber } from '../src/index.js';
import { codesOf, messagesOf } from './support/messages.js';

describe('DocNumberSchema', () => {
  it.each(['中商务电函〔2023〕12号', '国办发〔2014〕46号', '粤人社函〔2020〕65号', '示交〔2024〕1号'])(
    'should accept %s',
    (n) => {
      expect(DocNumberSchema.safeParse(n).success).toBe(true);
    },
  );

  it.each([
    ['中商务电函[2023]12号', 'doc_number_brackets'],
    ['中商务电函(2023)12号', 'doc_number_brackets'],
    ['中商务电函【2023】12号', 'doc_number_brackets'],
    ['中商务电函〔23〕12号', 'doc_number_year'],
    ['中商务电函〔2023〕012号', 'doc_number_leading_zero'],
    ['中商务电函〔2023〕第12号', 'doc_number_ordinal'],
    ['中商务电函〔２０２３〕12号', 'doc_number_digits'],
    ['中商务电函〔2023〕12', 'doc_number_suffix'],
    ['〔2023〕12号', 'doc_number_agency'],
    ['中商务电函 〔2023〕12号', 'doc_number_whitespace'],
    ['中商务电函2023年12号', 'doc_number_format'],
    // issue 15: an organ code never contains punctuation; nothing may follow 号.
    ['建议字:〔2023〕8号', 'doc_number_agency_punctuation'],
    ['建议字：〔2023〕8号', 'doc_number_agency_punctuation'],
    ['中商务电函〔2023〕12号附件3', 'doc_number_trailing'],
  ])('should reject %s with %s', (n, code) => {
    expect(codesOf(DocNumberSchema, n)).toEqual([code]);
  });

  it('should name each broken rule in both languages', () => {
    expect(messagesOf(DocNumberSchema, '中商务电函(23)第012')).toMatchInlineSnapshot(`
      {
        "en": [
          ""Document number" must wrap the year in hexagonal brackets 〔〕, not "()" (GB/T 9704-2012 §7.2.5)",
          ""Document number" must give the year in full with four digits, not "23" (GB/T 9704-2012 §7.2.5)",
          ""Document number" must not put "第" before the serial number (GB/T 9704-2012 §7.2.5)",
          ""Document number" must not pad the serial with zeros (1, not 01), received "012" (GB/T 9704-2012 §7.2.5)",
          ""Document number" must end with "号" (GB/T 9704-2012 §7.2.5)",
        ],
        "zh-CN": [
          "「发文字号」的年份须用六角括号“〔〕”括入，不能用“()”（GB/T 9704-2012 第7.2.5条）",
          "「发文字号」的年份须写全四位数字，不能写作“23”（GB/T 9704-2012 第7.2.5条）",
          "「发文字号」的序号前不加“第”（GB/T 9704-2012 第7.2.5条）",
          "「发文字号」的序号不编虚位（1 不写作 01），收到“012”（GB/T 9704-2012 第7.2.5条）",
          "「发文字号」须以“号”结尾（GB/T 9704-2012 第7.2.5条）",
        ],
      }
    `);
  });

  it('should report a non-string as a type error', () => {
    expect(messagesOf(DocNumberSchema, 12)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Document number" has the wrong type: expected text, received number",
        ],
        "zh-CN": [
          "「发文字号」的类型不正确：应为文本，实际为数字",
        ],
      }
    `);
  });
});

describe('checkDocNumber', () => {
  it('should return no problems for a valid number', () => {
    expect(checkDocNumber('中商务电函〔2023〕12号')).toEqual([]);
  });

  it('should report what it found', () => {
    expect(checkDocNumber('中商务电函［2023］01号')).toEqual([
      { code: 'doc_number_brackets', found: '［］' },
      { code: 'doc_number_leading_zero', found: '01' },
    ]);
  });
});

describe('parseDocNumber', () => {
  it('should pass a strict number through without warnings', () => {
    expect(parseDocNumber('中商务电函〔2023〕12号')).toEqual({
      success: true,
      value: '中商务电函〔2023〕12号',
      parts: { agency: '中商务电函', year: 2023, serial: 12 },
      warnings: [],
    });
  });

  it.each([
    ['中商务电函[2023]12号', ['doc_number_brackets']],
    ['中商务电函(2023)12号', ['doc_number_brackets']],
    ['中商务电函（2023）12号', ['doc_number_brackets']],
    ['中商务电函【2023】12号', ['doc_number_brackets']],
    ['中商务电函〔２０２３〕１２号', ['doc_number_digits', 'doc_number_digits']],
    [
      '中商务电函 [ 2023 ] 第 012 号',
      ['doc_number_whitespace', 'doc_number_brackets', 'doc_number_ordinal', 'doc_number_leading_zero'],
    ],
    ['中商务电函﹝2023﹞12', ['doc_number_brackets', 'doc_number_suffix']],
  ])('should normalize %s and warn', (input, warnings) => {
    const r = parseDocNumber(input);
    expect(r).toMatchObject({ success: true, value: '中商务电函〔2023〕12号' });
    expect(r.success && r.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it.each([
    ['中商务电函〔23〕12号', 'doc_number_year'],
    ['〔2023〕12号', 'doc_number_agency'],
    ['中商务电函〔2023〕0号', 'doc_number_format'],
    ['not a number', 'doc_number_format'],
  ])('should refuse %s', (input, code) => {
    const r = parseDocNumber(input);
    expect(r.success).toBe(false);
    expect(!r.success && r.errors.map((e) => e.code)).toContain(code);
  });

  it('should produce output that the strict schema accepts', () => {
    const r = parseDocNumber('粤人社函(2020)065号');
    expect(r.success && DocNumberSchema.parse(r.value)).toBe('粤人社函〔2020〕65号');
  });
});

describe('formatDocNumber', () => {
  it('should write the strict form', () => {
    expect(formatDocNumber({ agency: '中商务电函', year: 2023, serial: 12 })).toBe('中商务电函〔2023〕12号');
  });

  it('should round-trip with parseDocNumber', () => {
    const parts = { agency: '中农农', year: 2022, serial: 62 };
    expect(parseDocNumber(formatDocNumber(parts))).toMatchObject({ success: true, parts });
  });

  it.each([
    [{ agency: '', year: 2023, serial: 1 }, 'doc_number_agency'],
    [{ agency: '中商务', year: 23, serial: 1 }, 'doc_number_year'],
    [{ agency: '中商务', year: 2023, serial: 0 }, 'doc_number_format'],
  ])('should throw DocNumberError for %j', (parts, code) => {
    expect(() => formatDocNumber(parts)).toThrow(DocNumberError);
    try {
      formatDocNumber(parts);
    } catch (e) {
      expect(e).toMatchObject({ code, messages: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    }
  });
});

describe('parseDocNumber refuses what cannot be normalized (issue 15)', () => {
  it('should refuse punctuation in the organ code and text after 号', () => {
    const a = parseDocNumber('建议字:〔2023〕8号');
    expect(a.success).toBe(false);
    if (!a.success) expect(a.errors).toEqual([{ code: 'doc_number_agency_punctuation', found: ':' }]);
    const b = parseDocNumber('中商务电函〔2023〕12号附件3');
    expect(b.success).toBe(false);
    if (!b.success) expect(b.errors).toEqual([{ code: 'doc_number_trailing', found: '附件3' }]);
  });

  it('should refuse to format an organ code with punctuation', () => {
    expect(() => formatDocNumber({ agency: '建议字:', year: 2023, serial: 8 })).toThrow(DocNumberError);
  });
});
