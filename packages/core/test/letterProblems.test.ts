// Issue 15 items 1 and 3, issue 13.11: what sign-off checks of a letter, against the policy, the kind and the class.
import { withLetterClass } from '@banli/schemas';
import { seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { draftProblems, isSignableLetter } from '../src/case/guards/reply.js';
import { letterProblems } from '../src/case/letterProblems.js';
import type { CaseContext } from '../src/case/types.js';
import { presets } from '../src/policy/presets/index.js';

const seed = seedReplyLetter132402;
const gd = presets.guangdongCity;

/** The parts of a case context the letter check reads. */
const ctxOf = (over: Partial<CaseContext>) =>
  ({ kind: 'proposal', policy: gd, draft: seed, supervisorClass: undefined, ...over }) as CaseContext;

describe('letterProblems', () => {
  it('should find nothing wrong with the seed letter as a guangdongCity proposal reply', () => {
    expect(letterProblems(seed, { kind: 'proposal', requirements: gd.letterRequirements })).toEqual([]);
  });

  it('should list requirements of the kind first, in policy order, then wording, then the class mark', () => {
    const { disclosure: _d, contacts: _c, ...bare } = withLetterClass(seed, 'B');
    const problems = letterProblems(
      { ...bare, classMark: { text: '(A类)' } },
      { kind: 'suggestion', requirements: gd.letterRequirements },
    );
    expect(problems.map((p) => `${p.code}:${p.field}`)).toEqual([
      'letter.fieldMissing:disclosure',
      'letter.fieldMissing:contact',
      'letter.fieldMissing:copyTo',
      'letter.wrongKind:reference',
      'letter.wrongKind:addressees',
      'letter.wrongKind:title',
      'letter.wrongKind:copyTo',
      'letter.classMarkMismatch:classMark',
    ]);
    expect(problems[2]?.messages['zh-CN']).toBe('抄送须含“人大”（S8）');
  });

  it('should apply a requirement only to the kinds it names', () => {
    const copyToNpc = gd.letterRequirements?.find((r) => r.field === 'copyTo');
    expect(copyToNpc?.kinds).toEqual(['suggestion']);
    const { copyTo: _t, ...uncopied } = seed;
    expect(letterProblems(uncopied, { kind: 'proposal', requirements: gd.letterRequirements })).toEqual([]);
  });
});

describe('draftProblems: the class the letter goes out with (issue 15 item 3)', () => {
  it('should check the printed mark against the supervisor’s class when they changed it', () => {
    expect(draftProblems(ctxOf({}))).toEqual([]);
    const changed = draftProblems(ctxOf({ supervisorClass: 'B' }));
    expect(changed.map((p) => p.code)).toEqual(['letter.classMarkMismatch']);
    expect(changed[0]?.messages['zh-CN']).toBe('所印分类标注“(A类)”与答复分类 B 类不符');
    expect(isSignableLetter(ctxOf({ supervisorClass: 'B', draft: withLetterClass(seed, 'B') }))).toBe(true);
  });

  it('should let a case without a draft through (nothing to sign)', () => {
    expect(isSignableLetter(ctxOf({ draft: undefined }))).toBe(true);
  });
});

describe('letterProblems, once per letter (issue 19 item 4: validate once)', () => {
  /** The seed letter behind a proxy that counts every property read, at any depth. */
  function counted() {
    let reads = 0;
    const wrap = <T>(value: T): T =>
      typeof value === 'object' && value !== null
        ? (new Proxy(value as object, {
            get(target, key, receiver) {
              reads++;
              return wrap(Reflect.get(target, key, receiver));
            },
          }) as T)
        : value;
    return { letter: wrap(structuredClone(seed)), reads: () => reads };
  }

  it('should read a letter once for the same kind, requirements and class, and again for others', () => {
    const { letter, reads } = counted();
    const options = { kind: 'suggestion', requirements: gd.letterRequirements, effectiveClass: 'B' } as const;
    const first = letterProblems(letter, options);
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(letterProblems(letter, { ...options })).toEqual(first);
    expect(reads()).toBe(afterFirst);
    expect(letterProblems(letter, { ...options, effectiveClass: 'A' })).not.toEqual(first);
    expect(reads()).toBeGreaterThan(afterFirst);
  });

  it('should hand each caller its own list', () => {
    const options = { kind: 'suggestion', requirements: gd.letterRequirements } as const;
    const first = letterProblems(seed, options);
    const length = first.length;
    first.length = 0;
    expect(letterProblems(seed, options)).toHaveLength(length);
    expect(length).toBeGreaterThan(0);
  });
});
