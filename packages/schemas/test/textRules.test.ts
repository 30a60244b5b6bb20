import { describe, expect, it } from 'vitest';
import { textRuleViolation } from '../src/index.js';

// The lone-surrogate check uses the native `String.prototype.isWellFormed` where the runtime has it (faster on
// letter-sized text, apps/bench §8); it must say exactly what the look-around definition says.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('textRuleViolation', () => {
  it.each([
    ['plain Chinese text', '您提出的建议收悉，现答复如下：', undefined],
    ['a surrogate pair', '答复𠮷函', undefined],
    ['a lone high surrogate', '答复\uD842函', 'lone_surrogate'],
    ['a lone low surrogate', '答复\uDFB7函', 'lone_surrogate'],
    ['a pair in the wrong order', '\uDFB7\uD842', 'lone_surrogate'],
    ['a high surrogate at the end', '答复\uD842', 'lone_surrogate'],
    ['a NUL character', '答\u0000复', 'nul_character'],
    ['a leading byte-order mark', '\uFEFF答复', 'leading_bom'],
  ])('should judge %s', (_name, value, rule) => {
    expect(textRuleViolation(value)).toBe(rule);
    if (rule !== 'nul_character' && rule !== 'leading_bom')
      expect(textRuleViolation(value) === 'lone_surrogate').toBe(LONE_SURROGATE.test(value));
  });
});
