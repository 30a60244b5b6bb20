import { describe, expect, it } from 'vitest';
import { fixtures, sampleCoHandlingOpinion } from '../src/fixtures/index.js';
import { CoHandlingOpinionSchema, CoUnitSubmitOpinionEventSchema } from '../src/index.js';
import { messagesOf } from './support/messages.js';

describe('CoHandlingOpinionSchema', () => {
  it('should accept an opinion from a co-unit to the lead unit', () => {
    expect(CoHandlingOpinionSchema.parse(sampleCoHandlingOpinion).fromUnit.id).toBe('sample-housing');
  });

  it('should refuse an opinion addressed to its own unit', () => {
    const { zsCommerce } = fixtures.seedUnits;
    const input = { fromUnit: zsCommerce, toUnit: zsCommerce, text: '同意。', date: '2023-05-10' };
    expect(messagesOf(CoHandlingOpinionSchema, input)).toMatchInlineSnapshot(`
      {
        "en": [
          ""To lead unit": the co-handling unit cannot be the lead unit ("中山市商务局")",
        ],
        "zh-CN": [
          "「主办单位」：会办单位不能与主办单位相同（“中山市商务局”）",
        ],
      }
    `);
  });

  it('should name missing fields', () => {
    expect(messagesOf(CoHandlingOpinionSchema, { text: '', date: 20230510 })).toMatchInlineSnapshot(`
      {
        "en": [
          ""From unit" is required",
          ""To lead unit" is required",
          ""Opinion" must not be empty",
          ""Date" has the wrong type: expected text, received number",
        ],
        "zh-CN": [
          "「会办单位」为必填项",
          "「主办单位」为必填项",
          "「意见内容」不能为空",
          "「日期」的类型不正确：应为文本，实际为数字",
        ],
      }
    `);
  });
});

describe('CoHandlingOpinionSchema docNumber', () => {
  it('should check an opinion’s own document number by GB/T 9704-2012', () => {
    const input = { ...sampleCoHandlingOpinion, docNumber: '示住建函〔2024〕第3号' };
    expect(messagesOf(CoHandlingOpinionSchema, input).en).toEqual([
      '"Document number" must not put "第" before the serial number (GB/T 9704-2012 §7.2.5)',
    ]);
  });
});

describe('CoHandlingOpinionSchema as a printed letter (issue 15 item 2)', () => {
  const { zsCommerce, zsEducation } = fixtures.seedUnits;
  const letter = {
    fromUnit: zsEducation,
    toUnit: zsCommerce,
    printedDocNumber: { text: '中教会函〔2023〕05号', problems: ['doc_number_leading_zero'] },
    title: '中山市教育和体育局关于市政协十三届二次会议第132402号提案的会办意见',
    reference: {
      kind: 'proposal',
      printed: '市政协十三届二次会议第132402号提案',
      term: 13,
      session: 2,
      number: '132402',
    },
    text: '同意主办单位的办理意见。\n我局将配合做好相关工作。',
    closing: '特此函告。',
    date: '2023-04-10',
    dateText: '2023年4月10日',
    signatories: [
      { role: 'signer', label: '签发人', name: '甲' },
      { role: 'handler', label: '经办人', name: '乙' },
    ],
    contacts: [{ person: '乙', phone: '0760-88880001', postcode: '528400' }],
    copyTo: { recipients: [{ name: '市政协提案委员会' }] },
  };

  it('should accept the reference, its own number as printed, sign-off, contacts and 抄送', () => {
    const parsed = CoHandlingOpinionSchema.parse(letter);
    expect(parsed.signatories?.map((s) => s.label)).toEqual(['签发人', '经办人']);
    expect(parsed.reference?.number).toBe('132402');
    expect(
      CoUnitSubmitOpinionEventSchema.parse({
        type: 'coUnit.submitOpinion',
        at: '2023-04-10',
        caseId: 'c',
        opinion: letter,
      }).opinion.contacts,
    ).toHaveLength(1);
  });

  it('should refuse a contact that names nobody and a postcode that is not six digits, in both languages', () => {
    const input = { ...letter, contacts: [{ address: '某路1号', postcode: '52840' }] };
    expect(messagesOf(CoHandlingOpinionSchema, input)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Contacts › #1 › Postcode" must be a six-digit postcode, received "52840"",
          ""Contacts › #1" needs a person, a telephone number or an email address",
        ],
        "zh-CN": [
          "「联系方式 › 第1项 › 邮编」须为六位邮政编码，收到“52840”",
          "「联系方式 › 第1项」须至少写明联系人、电话或邮箱之一",
        ],
      }
    `);
  });

  it('should refuse a printed number whose flags do not match the rules it breaks', () => {
    const input = {
      ...letter,
      printedDocNumber: { text: '中教会函〔2023〕05号', problems: ['doc_number_no_brackets'] },
    };
    expect(CoHandlingOpinionSchema.safeParse(input).success).toBe(false);
  });
});
