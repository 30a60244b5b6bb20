import { describe, expect, it } from 'vitest';
import { FEEDBACK_LEVEL_LABELS, FeedbackSchema } from '../src/index.js';
import { messagesOf } from './support/messages.js';

const base = { proposerId: 'member-liang-xiaoheng', date: '2023-07-10' };

describe('FeedbackSchema', () => {
  it('should accept 满意 and 基本满意 without a comment', () => {
    for (const level of ['satisfied', 'basicallySatisfied'])
      expect(FeedbackSchema.safeParse({ ...base, level }).success).toBe(true);
  });

  it('should require a comment when 不满意', () => {
    expect(FeedbackSchema.safeParse({ ...base, level: 'dissatisfied', comment: '未解决。' }).success).toBe(true);
    expect(messagesOf(FeedbackSchema, { ...base, level: 'dissatisfied', comment: '  ' })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Comment" must not be empty",
        ],
        "zh-CN": [
          "「意见」不能为空",
        ],
      }
    `);
  });

  it('should list the levels with their Chinese labels', () => {
    expect(messagesOf(FeedbackSchema, { ...base, level: 'ok' })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Level" is not a valid option: expected one of "satisfied" (Satisfied), "basicallySatisfied" (Basically satisfied), "dissatisfied" (Dissatisfied)",
        ],
        "zh-CN": [
          "「满意程度」的取值无效：应为 "satisfied"（满意）、"basicallySatisfied"（基本满意）、"dissatisfied"（不满意） 之一",
        ],
      }
    `);
  });

  it('should label the three levels as on the 征询意见表', () => {
    expect(Object.values(FEEDBACK_LEVEL_LABELS).map((l) => l['zh-CN'])).toEqual(['满意', '基本满意', '不满意']);
  });
});
