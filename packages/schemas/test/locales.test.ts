import { describe, expect, it } from 'vitest';
import { BANLI_ISSUE_CODES, en, locales, zhCN } from '../src/index.js';

const sample = {
  field: '«FIELD»',
  expected: 'x',
  received: 'y',
  minimum: 1,
  maximum: 2,
  options: 'a',
  keys: 'k',
  value: 'v',
  found: 'f',
  mode: 'lead',
  count: 2,
};

describe('locales', () => {
  it('should define the same message keys in zh-CN and en (parity)', () => {
    expect(Object.keys(zhCN.messages).sort()).toEqual(Object.keys(en.messages).sort());
    expect(Object.keys(zhCN.typeNames).sort()).toEqual(Object.keys(en.typeNames).sort());
  });

  it('should define a message for every banli issue code', () => {
    for (const loc of Object.values(locales))
      expect(Object.keys(loc.messages).sort()).toEqual([...BANLI_ISSUE_CODES].sort());
  });

  it.each(Object.values(locales).map((l) => [l.locale, l] as const))(
    'should name the field in every %s message',
    (_, loc) => {
      for (const code of BANLI_ISSUE_CODES) {
        const message = loc.messages[code](sample);
        expect(message, code).toContain('«FIELD»');
        expect(message, code).not.toMatch(/undefined|\[object/);
      }
    },
  );

  it('should write zh-CN messages in Chinese and en messages without Chinese prose', () => {
    for (const code of BANLI_ISSUE_CODES) {
      expect(zhCN.messages[code](sample), code).toMatch(/[\u4e00-\u9fff]/u);
      const english = en.messages[code](sample).replace(
        /“[^”]*”|"[^"]*"|〔〕|代字〔year〕serial号|中商务电函〔2023〕12号/gu,
        '',
      );
      expect(english, code).not.toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
