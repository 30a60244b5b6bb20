// Class marks printed 甲类 / 乙类 / 丙类 (沁阳, session 13's note), read as A / B / C as 沁阳's report defines them
// (http://www.qinyang.gov.cn/2023/11-23/2902344.html).
import { describe, expect, it } from 'vitest';
import { seedReplyLetter132402 } from '../src/fixtures/index.js';
import { classMarkProblem, classOfMark, parseReplyLetter, restateClassMark, withLetterClass } from '../src/index.js';
import { around } from './support/readAround.js';

describe('class marks 甲类 / 乙类 / 丙类', () => {
  it('should read 甲 / 乙 / 丙 before 类 as A / B / C', () => {
    expect(classOfMark('甲类')).toEqual({ class: 'A' });
    expect(classOfMark('(乙类)')).toEqual({ class: 'B' });
    expect(classOfMark('类别:丙类')).toEqual({ class: 'C' });
    // no source defines 丁; 甲 that is no class mark is not one
    expect(classOfMark('丁类')).toBeUndefined();
    expect(classOfMark('甲方')).toBeUndefined();
  });

  it('should restate such a mark in its own words, and a D (no ordinal sourced) by its letter', () => {
    expect(restateClassMark('(甲类)', 'B')).toBe('(乙类)');
    expect(restateClassMark('类别:乙类', 'C')).toBe('类别:丙类');
    expect(restateClassMark('甲类', 'D')).toBe('D类');
    const letter = {
      ...seedReplyLetter132402,
      class: 'A' as const,
      classMark: { text: '甲类', position: 'topRight' as const },
    };
    expect(withLetterClass(letter, 'C').classMark).toEqual({ text: '丙类', position: 'topRight' });
    expect(classMarkProblem(letter, 'A')).toBeUndefined();
    expect(classMarkProblem(letter, 'B')?.code).toBe('letter.classMarkMismatch');
  });

  it('should read such a mark where a letter prints one, kept verbatim, and say where its meaning comes from', () => {
    expect(around(['甲类'], [])).toMatchObject({ class: 'A', classMark: { text: '甲类', position: 'topRight' } });
    expect(around(['某发〔2023〕5号 乙类'], [])).toMatchObject({
      class: 'B',
      classMark: { text: '乙类', position: 'docNumberLine' },
    });
    expect(around([], ['办理结果:丙类'])).toMatchObject({
      class: 'C',
      classMark: { text: '办理结果:丙类', position: 'footer' },
    });
    expect(around(['关于某县十届二次会议第5号提案的答复(甲类)'], [])).toMatchObject({
      class: 'A',
      classMark: { text: '(甲类)', position: 'title' },
    });
    const { warnings } = parseReplyLetter(['(乙类)', '甲委员:', '您的提案收悉,现答复如下:', '正文。'].join('\n'));
    expect(warnings.find((w) => w.code === 'class_mark_ordinal')).toMatchObject({
      text: '(乙类)',
      messages: { en: expect.stringContaining('qinyang.gov.cn') },
    });
  });
});
