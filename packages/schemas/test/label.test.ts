import { describe, expect, it } from 'vitest';
import { LabelSchema, UnitSchema } from '../src/index.js';
import { messagesOf } from './support/messages.js';

describe('LabelSchema', () => {
  it('should accept a text in both languages', () => {
    expect(LabelSchema.parse({ 'zh-CN': '提案', en: 'Proposal' })).toEqual({ 'zh-CN': '提案', en: 'Proposal' });
  });

  it('should require both languages', () => {
    expect(messagesOf(LabelSchema, { 'zh-CN': '提案', en: '' })).toMatchInlineSnapshot(`
      {
        "en": [
          ""English text" must not be empty",
        ],
        "zh-CN": [
          "「英文」不能为空",
        ],
      }
    `);
  });

  it('should name the label inside a unit', () => {
    expect(messagesOf(UnitSchema, { id: 'u', name: '市商务局', label: { en: 'Bureau' } })).toMatchInlineSnapshot(`
      {
        "en": [
          ""Bilingual name › Chinese text" is required",
        ],
        "zh-CN": [
          "「双语名称 › 中文」为必填项",
        ],
      }
    `);
  });
});
