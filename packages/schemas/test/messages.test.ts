import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BanliValidationError,
  FeedbackSchema,
  formatIssues,
  parseWith,
  safeParseWith,
  UnitSchema,
} from '../src/index.js';

const bad = { proposerId: 'p1', level: 'dissatisfied', date: '2023-07-10' };

describe('safeParseWith', () => {
  it('should return the parsed data on success', () => {
    expect(safeParseWith(FeedbackSchema, { ...bad, level: 'satisfied' }, 'en')).toEqual({
      success: true,
      data: { ...bad, level: 'satisfied' },
    });
  });

  it('should accept the locale as a string or as { locale }', () => {
    expect(safeParseWith(FeedbackSchema, bad, 'en')).toEqual(safeParseWith(FeedbackSchema, bad, { locale: 'en' }));
  });

  it('should report code, path, field and message', () => {
    expect(safeParseWith(FeedbackSchema, bad, { locale: 'zh-CN' })).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "feedback_comment_required",
            "field": "「意见」",
            "message": "「意见」：评价为“不满意”时须填写意见",
            "path": [
              "comment",
            ],
          },
        ],
        "success": false,
      }
    `);
  });

  it('should default to zh-CN', () => {
    const r = safeParseWith(FeedbackSchema, bad);
    expect(!r.success && r.issues[0]?.message).toMatch(/^「意见」/);
  });

  it('should not change zod’s global configuration', () => {
    safeParseWith(FeedbackSchema, bad, 'zh-CN');
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });

  it('should fall back to the path for schemas without labels', () => {
    const schema = z.object({ plain: z.object({ inner: z.number() }) });
    const r = safeParseWith(schema, { plain: { inner: 'x' } }, 'en');
    expect(!r.success && r.issues[0]?.message).toBe(
      '"plain › inner" has the wrong type: expected number, received text',
    );
  });

  it('should name a root value that is not an object', () => {
    expect(safeParseWith(UnitSchema, null, 'zh-CN')).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_type', message: '「单位」的类型不正确：应为对象，实际为空值（null）' }],
    });
  });
});

describe('formatIssues', () => {
  it('should format a zod error from a plain safeParse, with labels when given the schema', () => {
    const r = FeedbackSchema.safeParse(bad);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(formatIssues(r.error, 'en', { schema: FeedbackSchema, input: bad })[0]?.message).toBe(
      '"Comment": a comment is required when the proposer is dissatisfied',
    );
    expect(formatIssues(r.error, 'en')[0]?.field).toBe('"comment"');
  });

  it('should tell a missing field from a wrong one without the input', () => {
    const r = UnitSchema.safeParse({ id: 'u' });
    expect(r.success || formatIssues(r.error, 'en', { schema: UnitSchema }).map((i) => i.code)).toEqual(['required']);
  });
});

describe('parseWith', () => {
  it('should return the data when valid', () => {
    expect(parseWith(UnitSchema, { id: 'u', name: '中山市商务局' })).toEqual({ id: 'u', name: '中山市商务局' });
  });

  it('should throw a BanliValidationError with messages in both languages', () => {
    expect(() => parseWith(FeedbackSchema, bad)).toThrow(BanliValidationError);
    try {
      parseWith(FeedbackSchema, bad);
    } catch (e) {
      expect((e as BanliValidationError).code).toBe('validation_failed');
      expect((e as BanliValidationError).messages).toMatchInlineSnapshot(`
        {
          "en": ""Comment": a comment is required when the proposer is dissatisfied",
          "zh-CN": "「意见」：评价为“不满意”时须填写意见",
        }
      `);
    }
  });
});
