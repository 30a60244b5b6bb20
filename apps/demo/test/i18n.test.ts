import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n.js';

describe('messages', () => {
  it('should have the same keys and kinds in zh-CN and en', () => {
    const zh = messages['zh-CN'];
    const en = messages.en;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(typeof en[key], key).toBe(typeof zh[key]);
      if (typeof zh[key] === 'string') expect(zh[key], key).not.toBe('');
    }
  });
});
