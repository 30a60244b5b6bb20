import { MergeUnsupported, NotCovered, OutboxUnsupported } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../src/problem.js';

describe('problem titles', () => {
  it('should title an SDK error by its own code, never as an internal server error', () => {
    const errors = [
      new OutboxUnsupported(),
      new MergeUnsupported(),
      new NotCovered(
        { id: 'chongqing', label: { 'zh-CN': '重庆', en: 'Chongqing' } },
        { kind: 'proposal', channel: 'session' },
      ),
    ];
    for (const error of errors) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const problem = problemOf(error, lang);
        expect(problem.title).not.toBe(lang === 'en' ? 'Internal server error' : '服务器内部错误');
        expect(problem.detail).toBe(error.messages[lang]);
      }
    }
    expect(problemOf(new OutboxUnsupported(), 'en').title).toBe('Store has no notification outbox');
    expect(problemOf(new MergeUnsupported(), 'zh-CN').title).toBe('存储不支持并案写入');
  });
});
