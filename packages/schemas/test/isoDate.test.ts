import { describe, expect, it } from 'vitest';
import { IsoDateSchema, isRealIsoDate } from '../src/index.js';
import { codesOf, messagesOf } from './support/messages.js';

describe('IsoDateSchema', () => {
  it.each(['2023-06-30', '2024-02-29', '2000-02-29', '1999-12-31'])('should accept %s', (d) => {
    expect(IsoDateSchema.parse(d)).toBe(d);
  });

  it.each(['2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10'])(
    'should reject the unreal date %s',
    (d) => {
      expect(codesOf(IsoDateSchema, d)).toEqual(['iso_date_not_real']);
    },
  );

  it.each(['2023-6-30', '2023/06/30', '20230630', '2023-06-30T00:00:00Z', ''])(
    'should reject the format of %j',
    (d) => {
      expect(codesOf(IsoDateSchema, d)).toEqual(['iso_date_format']);
    },
  );

  it('should explain both problems in both languages', () => {
    expect({
      format: messagesOf(IsoDateSchema, '2023/6/30'),
      real: messagesOf(IsoDateSchema, '2023-02-29'),
    }).toMatchInlineSnapshot(`
        {
          "format": {
            "en": [
              ""Date" must be a date in YYYY-MM-DD format, received "2023/6/30"",
            ],
            "zh-CN": [
              "「日期」须为 YYYY-MM-DD 格式的日期，收到“2023/6/30”",
            ],
          },
          "real": {
            "en": [
              ""Date" is not a real calendar date: "2023-02-29"",
            ],
            "zh-CN": [
              "「日期」不是真实存在的日期：“2023-02-29”",
            ],
          },
        }
      `);
  });
});

describe('isRealIsoDate', () => {
  it('should follow the Gregorian leap-year rule', () => {
    expect([isRealIsoDate('2100-02-29'), isRealIsoDate('2400-02-29')]).toEqual([false, true]);
  });
});
