import { describe, expect, it } from 'vitest';
import { sampleNpcReplyLetter, sampleWithheldReplyLetter, seedReplyLetter132402 } from '../src/fixtures/index.js';
import { ReplyLetterSchema, replyLetterSchemaFor } from '../src/index.js';
import { codesOf, messagesOf } from './support/messages.js';

const seed = seedReplyLetter132402;
const seedResponses = seed.responses ?? [];

describe('ReplyLetterSchema', () => {
  it('should accept letters of every class A–D', () => {
    for (const c of ['A', 'B', 'C', 'D']) expect(ReplyLetterSchema.safeParse({ ...seed, class: c }).success).toBe(true);
  });

  it('should reject a non-standard document number, naming the rule', () => {
    expect(messagesOf(ReplyLetterSchema, { ...seed, docNumber: '中商务电函[2023]12号' })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Document number" must wrap the year in hexagonal brackets 〔〕, not "[]" (GB/T 9704-2012 §7.2.5)",
        ],
        "zh-CN": [
          "「发文字号」的年份须用六角括号“〔〕”括入，不能用“[]”（GB/T 9704-2012 第7.2.5条）",
        ],
      }
    `);
  });

  it('should require a reason when the reply is withheld', () => {
    const { reason: _reason, ...disclosure } = sampleWithheldReplyLetter.disclosure ?? {};
    expect(messagesOf(ReplyLetterSchema, { ...sampleWithheldReplyLetter, disclosure })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Disclosure › Reason": a reason is required when the reply is withheld from publication",
        ],
        "zh-CN": [
          "「公开属性 › 不予公开理由」：公开方式为“不予公开”时须说明理由",
        ],
      }
    `);
  });

  it('should accept a reason-less disclosure when not withheld', () => {
    expect(ReplyLetterSchema.safeParse({ ...seed, disclosure: { mode: 'onRequest' } }).success).toBe(true);
  });

  it('should refuse a print date before the letter date', () => {
    expect(
      messagesOf(ReplyLetterSchema, { ...seed, imprint: { printedBy: '中山市商务局办公室', printDate: '2023-06-29' } }),
    ).toMatchInlineSnapshot(`
      {
        "en": [
          ""Imprint › Print date" (2023-06-29) cannot be earlier than the letter's date (2023-06-30)",
        ],
        "zh-CN": [
          "「版记 › 印发日期」（2023-06-29）不能早于成文日期（2023-06-30）",
        ],
      }
    `);
  });

  it('should refuse two responses to the same suggestion', () => {
    const responses = [...seedResponses, seedResponses[0]];
    expect(codesOf(ReplyLetterSchema, { ...seed, responses })).toEqual(['duplicate_id']);
  });

  it('should check the contact telephone and email', () => {
    const contacts = [{ person: '陈启航', phone: 'call me', email: 'dsk@' }];
    expect(messagesOf(ReplyLetterSchema, { ...seed, contacts })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Contacts › #1 › Telephone" is not a valid telephone number: "call me"",
          ""Contacts › #1 › Email" is not a valid email address",
        ],
        "zh-CN": [
          "「联系方式 › 第1项 › 电话」不是有效的电话号码：“call me”",
          "「联系方式 › 第1项 › 邮箱」不是有效的电子邮箱地址",
        ],
      }
    `);
  });

  it('should accept telephone numbers with area code and extension', () => {
    for (const phone of ['89892335', '0760-89892335', '(0760) 8989 2335', '+86 760 8989 2335', '0760-89892335转123'])
      expect(ReplyLetterSchema.safeParse({ ...seed, contacts: [{ ...seed.contacts?.[0], phone }] }).success).toBe(true);
  });

  it('should name fields inside responses and the copy list', () => {
    const responses = [{ ...seedResponses[0], adoption: 'yes', body: ['ok', ''] }];
    const copyTo = { recipients: [{ name: '市政府办公室', copies: 0 }] };
    expect(messagesOf(ReplyLetterSchema, { ...seed, responses, copyTo })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Responses › #1 › Adoption" is not a valid option: expected one of "adopted" (Adopted), "partlyAdopted" (Partly adopted), "planned" (Planned), "underStudy" (Under study), "forReference" (For reference), "notAdopted" (Not adopted)",
          ""Responses › #1 › Body › #2" must not be empty",
          ""Copy to › Recipients › #1 › Copies" must be at least 1",
        ],
        "zh-CN": [
          "「逐条答复 › 第1项 › 采纳情况」的取值无效：应为 "adopted"（吸收采纳）、"partlyAdopted"（部分采纳）、"planned"（列入计划）、"underStudy"（研究办理）、"forReference"（留作参考）、"notAdopted"（未予采纳） 之一",
          "「逐条答复 › 第1项 › 答复正文 › 第2项」不能为空",
          "「抄送 › 接收机关 › 第1项 › 份数」不能小于 1",
        ],
      }
    `);
  });
});

describe('replyLetterSchemaFor', () => {
  it('should refuse class D under an A/B/C scheme only', () => {
    const d = { ...sampleNpcReplyLetter, class: 'D' };
    expect(replyLetterSchemaFor('ABCD').safeParse(d).success).toBe(true);
    expect(messagesOf(replyLetterSchemaFor('ABC'), d)).toMatchInlineSnapshot(`
      {
        "en": [
          ""Result class" "D" is not in the local class scheme (A/B/C)",
        ],
        "zh-CN": [
          "「办理结果分类」“D”不在本地分类方案（A/B/C）之内",
        ],
      }
    `);
  });
});

describe('ReplyLetterSchema as printed (issue 15)', () => {
  it('should accept a township letter with no number, class, signer, contact, disclosure, date or 版记', () => {
    const bare = { title: '对县十六届人大一次会议第3号建议的答复', addressees: ['王孝友代表'], body: ['现答复如下。'] };
    expect(ReplyLetterSchema.safeParse(bare).success).toBe(true);
  });

  it('should need itemized responses or a body', () => {
    expect(codesOf(ReplyLetterSchema, { title: '关于第3号建议的答复' })).toEqual(['letter_body_missing']);
  });

  it('should take a postcode of six digits only, never a telephone number', () => {
    const ok = { ...seed, contacts: [{ person: '王五', phone: '0760-88888888', postcode: '528400' }] };
    expect(ReplyLetterSchema.safeParse(ok).success).toBe(true);
    const bad = { ...seed, contacts: [{ person: '王五', postcode: '0760-88888888' }] };
    expect(codesOf(ReplyLetterSchema, bad)).toEqual(['postcode_format']);
  });

  it('should refuse a contact that names no person, telephone or email', () => {
    expect(codesOf(ReplyLetterSchema, { ...seed, contacts: [{ department: '办公室' }] })).toEqual(['contact_empty']);
  });

  it('should keep a non-conforming printed number apart from the validated one, flagged with the rules it breaks', () => {
    const printed = { text: '华建复〔2017〕05号', problems: ['doc_number_leading_zero'] };
    const { docNumber: _n, ...rest } = seed;
    expect(ReplyLetterSchema.safeParse({ ...rest, printedDocNumber: printed }).success).toBe(true);
    expect(
      codesOf(ReplyLetterSchema, { ...rest, printedDocNumber: { ...printed, problems: ['doc_number_year'] } }),
    ).toEqual(['printed_doc_number_flags']);
    // A conforming number belongs in `docNumber`, not in the flagged field.
    expect(
      codesOf(ReplyLetterSchema, { ...rest, printedDocNumber: { text: '中商务电函〔2023〕12号', problems: ['x'] } }),
    ).toEqual(['printed_doc_number_flags']);
    // The validated number still refuses it.
    expect(ReplyLetterSchema.safeParse({ ...rest, docNumber: printed.text }).success).toBe(false);
  });

  it('should refuse a class grade without a class, and keep signatories as role + printed label + name', () => {
    const { class: _c, ...noClass } = seed;
    expect(codesOf(ReplyLetterSchema, { ...noClass, classGrade: 1 })).toEqual(['class_grade_without_class']);
    const signed = {
      ...seed,
      class: 'B',
      classGrade: 1,
      signatories: [{ role: 'signer', label: '领导签发', name: '张三' }],
    };
    expect(ReplyLetterSchema.safeParse(signed).success).toBe(true);
    expect(
      ReplyLetterSchema.safeParse({ ...signed, signatories: [{ role: 'boss', label: '领导签发', name: '张三' }] })
        .success,
    ).toBe(false);
  });

  it('should keep the disclosure mark verbatim beside its meaning, and need one of them', () => {
    expect(
      ReplyLetterSchema.safeParse({ ...seed, disclosure: { mark: '是否同意公开：是', mode: 'proactive' } }).success,
    ).toBe(true);
    expect(codesOf(ReplyLetterSchema, { ...seed, disclosure: {} })).toEqual(['required']);
  });

  it('should let one response answer several points and still refuse a point answered twice', () => {
    const r = { heading: '关于四点建议', body: ['……'] };
    const four = { ...seed, responses: [{ ...r, suggestionIds: ['s1', 's2', 's3', 's4'] }] };
    expect(ReplyLetterSchema.safeParse(four).success).toBe(true);
    const twice = {
      ...seed,
      responses: [
        { ...r, suggestionIds: ['s1', 's2'] },
        { ...r, suggestionIds: ['s2'] },
      ],
    };
    expect(codesOf(ReplyLetterSchema, twice)).toEqual(['duplicate_id']);
  });
});
