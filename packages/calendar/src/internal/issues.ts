import type { Bilingual } from '@banli/schemas';
import type { z } from 'zod';
import type { CalendarDefinitionIssue } from '../errors.js';

function describe(issue: z.core.$ZodIssue): Bilingual {
  const params = (issue as { params?: { messages?: Bilingual } }).params;
  if (issue.code === 'custom' && params?.messages) return params.messages;
  switch (issue.code) {
    case 'invalid_type':
      return { 'zh-CN': `类型无效：期望 ${issue.expected}`, en: `invalid type: expected ${issue.expected}` };
    case 'too_small':
      return {
        'zh-CN': `过小或过短（最小 ${String(issue.minimum)}）`,
        en: `too small (minimum ${String(issue.minimum)})`,
      };
    case 'too_big':
      return {
        'zh-CN': `过大或过长（最大 ${String(issue.maximum)}）`,
        en: `too big (maximum ${String(issue.maximum)})`,
      };
    case 'unrecognized_keys':
      return { 'zh-CN': `未知字段：${issue.keys.join('、')}`, en: `unknown keys: ${issue.keys.join(', ')}` };
    default:
      return { 'zh-CN': `取值无效（${issue.message}）`, en: issue.message };
  }
}

/** Converts zod issues into bilingual calendar-definition issues. */
export function toDefinitionIssues(error: z.ZodError, prefix: PropertyKey[] = []): CalendarDefinitionIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    messages: describe(issue),
  }));
}
