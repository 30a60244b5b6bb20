import { describe, expect, it } from 'vitest';
import { BilingualSchema, UnitSchema } from '../src/index.js';
import { messagesOf } from './support/messages.js';

describe('BilingualSchema', () => {
  it('should accept a text in both languages', () => {
    expect(BilingualSchema.parse({ 'zh-CN': '提案', en: 'Proposal' })).toEqual({ 'zh-CN': '提案', en: 'Proposal' });
  });

  it('should require both languages', () => {
    expect(messagesOf(BilingualSchema, { 'zh-CN': '提案', en: '' })).toMatchInlineSnapshot(`
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
