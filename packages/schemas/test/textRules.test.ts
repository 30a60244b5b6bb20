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

describe('textRuleViolation on short and long strings', () => {
  // Short strings are read by a loop, longer ones by a regex (issue 15): both must say what the rules' definition
  // says, at every length around the switch and with each edge character at every place.
  const spec = (value: string) => {
    if (value.includes('\u0000')) return 'nul_character';
    if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
    if (value.charCodeAt(0) === 0xfeff) return 'leading_bom';
    return undefined;
  };
  const edges = ['\u0000', '\u0001', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFEFF', '\uFFFF'];

  it('should judge every string of 1 to 40 code units with an edge character at any place as the rules say', () => {
    let broken = 0;
    for (let length = 1; length <= 40; length++)
      for (let at = 0; at < length; at++)
        for (const edge of edges) {
          const value = `${'答'.repeat(at)}${edge}${'a'.repeat(length - at - 1)}`;
          expect(textRuleViolation(value), JSON.stringify(value)).toBe(spec(value));
          if (spec(value) !== undefined) broken++;
        }
    // A surrogate pair is fine at any place.
    for (let length = 2; length <= 40; length++)
      for (let at = 0; at < length - 1; at++)
        expect(textRuleViolation(`${'a'.repeat(at)}\uD842\uDFB7${'答'.repeat(length - at - 2)}`)).toBeUndefined();
    expect(broken).toBeGreaterThan(4000);
  });
});
