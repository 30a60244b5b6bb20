// Issue 13 items 9 and 11, audit: the back-dating refusal spoke in raw keys and ISO dates in its Chinese text
// ("事件 case.recordContact 的日期 2023-03-27 早于…"). Every refusal names its rule in plain zh-CN, with the step's
// label and dates printed as 2023年3月27日; the English keeps ISO dates.
import { describe, expect, it } from 'vitest';
import { BackdatingRefusedError } from '../src/index.js';
import { seedBackdatedContact } from './support/seedBanli.js';

describe('issue 13.9 audit: the back-dating refusal in plain words', () => {
  it('names the step by its label and prints Chinese dates, with no raw event key', async () => {
    const error = (await seedBackdatedContact()).error as BackdatingRefusedError;
    expect(error).toBeInstanceOf(BackdatingRefusedError);
    const zh = error.messages['zh-CN'];
    expect(zh).toContain('“记录沟通”');
    expect(zh).toContain('2023年3月27日');
    expect(zh).toContain('2023年3月28日');
    expect(zh).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(zh).not.toContain('case.recordContact');
    expect(error.messages.en).toContain('2023-03-27');
    expect(error.messages.en).toContain('2023-03-28');
  });
});
