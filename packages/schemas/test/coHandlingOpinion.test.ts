import { describe, expect, it } from 'vitest';
import { CoHandlingOpinionSchema, fixtures, sampleCoHandlingOpinion } from '../src/index.js';
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
