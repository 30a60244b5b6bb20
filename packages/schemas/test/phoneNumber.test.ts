import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from '../src/letterFooter.js';

// isPhoneNumber answers a number of digits alone without its pattern (issue 15): it must answer every string as the
// definition by the pattern does.
const PHONE = /^\+?[\d\s()（）-]+(?:(?:转|ext\.?)\s*\d{1,6})?$/u;
const spec = (value: string) => {
  const digits = value.replace(/(?:转|ext\.?)\s*\d{1,6}$/u, '').replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 5 && digits <= 15;
};

describe('isPhoneNumber', () => {
  it('should answer digits alone of every length, and any mix of telephone characters, as its pattern does', () => {
    for (let length = 0; length <= 20; length++) {
      const value = '0123456789'.repeat(3).slice(0, length);
      expect(isPhoneNumber(value), value).toBe(spec(value));
    }
    const piece = fc.constantFrom(
      '0',
      '1',
      '5',
      '9',
      ' ',
      '-',
      '(',
      ')',
      '（',
      '）',
      '+',
      '转',
      'ext',
      'ext.',
      '０',
      'a',
      '/',
      ':',
      '.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 22 }), (pieces) => {
        const value = pieces.join('');
        expect(isPhoneNumber(value)).toBe(spec(value));
      }),
      { numRuns: 5000 },
    );
    for (const value of ['89892335', '0760-89892335', '1234', '1234567890123456', '８９８９２３３５', '89892335转12'])
      expect(isPhoneNumber(value), value).toBe(spec(value));
  });
});
