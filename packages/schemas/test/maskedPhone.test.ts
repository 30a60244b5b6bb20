import { describe, expect, it } from 'vitest';
import { ContactSchema, hasLetterField, parseReplyLetter } from '../src/index.js';
import { fastContact } from '../src/internal/fastParsers.generated.js';
import { isMaskedPhoneNumber } from '../src/letterFooter.js';

// A site may print a contact's telephone with digits masked: 嵩明杨林工业园区's page prints “联系人及电话:李*兴
// 1582****162” (test/fixtures/letters/yunnan-songming-yanglin-park-105, http://www.kmsm.gov.cn/c/2018-11-19/4041913.shtml).
// The letter must fit as printed without the schema claiming a number: the masked text goes in `maskedPhone`, never in
// `phone`.
describe('a telephone printed with digits masked (issue 15, session 16)', () => {
  it('should fit a contact as printed, in maskedPhone, and never as a phone', () => {
    const masked = { person: '李*兴', maskedPhone: '1582****162' };
    expect(ContactSchema.safeParse(masked).error?.issues ?? []).toEqual([]);
    expect(fastContact(masked)).toEqual(masked);
    // a contact whose only part is the masked telephone still names one
    expect(ContactSchema.safeParse({ maskedPhone: '0871-6***8888' }).success).toBe(true);
    // the number field refuses it, as before
    expect(ContactSchema.safeParse({ phone: '1582****162' }).success).toBe(false);
  });

  it('should take a masked telephone only: digits and masks, at least one of each, 5 to 15 in all', () => {
    for (const value of ['1582****162', '138****1234', '0871-6***8888', '159＊＊＊＊0567', '1582××××162'])
      expect(isMaskedPhoneNumber(value), value).toBe(true);
    for (const value of ['15820000162', '****', '李*兴', '1*2', '1582****1620000000', '1582****162转3'])
      expect(isMaskedPhoneNumber(value), value).toBe(false);
    expect(ContactSchema.safeParse({ maskedPhone: '15820000162' }).success).toBe(false);
  });

  it('should not meet a locality’s requirement of a contact’s telephone, which needs a number', () => {
    const letter = { addressees: ['甲代表'], contacts: [{ person: '李*兴', maskedPhone: '1582****162' }] };
    expect(hasLetterField(letter, 'contact')).toBe(false);
    expect(hasLetterField({ ...letter, contacts: [{ person: '李兴', phone: '15820000162' }] }, 'contact')).toBe(true);
  });

  it('should read a masked telephone after the contact’s name, and beside a number', () => {
    const read = (foot: string) =>
      parseReplyLetter(
        ['张*代表:', '您的建议收悉,现答复如下:', '正文。', foot, '某园区管理委员会', '2018年6月11日'].join('\n'),
      ).letter?.contacts;
    expect(read('联系人及电话:李*兴 1582****162')).toEqual([{ person: '李*兴', maskedPhone: '1582****162' }]);
    expect(read('联系人:李*兴 联系电话:0871-6***8888')).toEqual([{ person: '李*兴', maskedPhone: '0871-6***8888' }]);
    // a masked name alone gives no telephone
    expect(read('联系人:李*兴')).toEqual([{ person: '李*兴' }]);
  });
});
