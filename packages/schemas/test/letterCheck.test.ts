// Issue 15 items 1 and 3, issue 13.11: what a letter prints, wording of the other kind, a stale class mark.
import { describe, expect, it } from 'vitest';
import { sampleNpcReplyLetter, seedReplyLetter132402 } from '../src/fixtures/index.js';
import {
  classMarkProblem,
  hasLetterField,
  LETTER_FIELD_LABELS,
  type LetterField,
  LetterFieldSchema,
  letterKindProblems,
  missingFieldProblem,
  type ReplyLetter,
  ReplyLetterSchema,
  withLetterClass,
} from '../src/index.js';
import { collectedLetters } from './support/readerAccuracy.js';

const seed = seedReplyLetter132402;
const fields = LetterFieldSchema.options as LetterField[];
const letters = collectedLetters();
const byName = (name: string) => {
  const found = letters.find((l) => l.name === name);
  if (!found) throw new Error(`no collected letter ${name}`);
  return found.expected;
};

describe('hasLetterField', () => {
  it('should find every field the seed letter prints, and no signer (a 函 prints none)', () => {
    const printed = fields.filter((f) => hasLetterField(seed, f));
    expect(printed).toEqual(fields.filter((f) => f !== 'signer'));
  });

  it('should find only what a township letter prints (华容东山镇: no contact, no disclosure, no 版记)', () => {
    const town = byName('hunan-huarong-dongshan-town-23');
    expect(fields.filter((f) => !hasLetterField(town, f))).toEqual([
      'signer',
      'contact',
      'disclosure',
      'copyTo',
      'imprint',
    ]);
    // A printed number that breaks GB/T 9704 still counts as a document number.
    expect(town.printedDocNumber).toBeDefined();
    expect(hasLetterField(town, 'docNumber')).toBe(true);
  });

  it('should need a person and a telephone for a contact, and a 签发人 or 审签人 line for a signer', () => {
    expect(hasLetterField({ ...seed, contacts: [{ email: 'dsk@zsboc.gov.cn' }] }, 'contact')).toBe(false);
    expect(hasLetterField({ ...seed, contacts: [{ person: '陈启航' }] }, 'contact')).toBe(false);
    const handlerOnly: ReplyLetter = { ...seed, signatories: [{ role: 'handler', label: '经办人', name: '王五' }] };
    expect(hasLetterField(handlerOnly, 'signer')).toBe(false);
    expect(hasLetterField(sampleNpcReplyLetter, 'signer')).toBe(true);
  });

  it('should check that one 抄送 entry names a body when `naming` is given', () => {
    expect(hasLetterField(sampleNpcReplyLetter, 'copyTo', ['人大'])).toBe(true);
    expect(hasLetterField(sampleNpcReplyLetter, 'copyTo', ['全国人大常委会办公厅'])).toBe(false);
    expect(hasLetterField(seed, 'copyTo', ['人大'])).toBe(false);
    expect(hasLetterField(seed, 'addressees', ['委员'])).toBe(true);
  });
});

describe('missingFieldProblem', () => {
  it.each(fields)('should name %s in zh-CN and en, with the source', (field) => {
    const p = missingFieldProblem(field, undefined, 'S17');
    expect(p).toMatchObject({ code: 'letter.fieldMissing', field, source: 'S17' });
    expect(p.messages['zh-CN']).toBe(`缺少${LETTER_FIELD_LABELS[field]['zh-CN']}（S17）`);
    expect(p.messages.en).toBe(`${LETTER_FIELD_LABELS[field].en} missing (S17)`);
  });

  it('should say which body an entry must name', () => {
    const p = missingFieldProblem('copyTo', ['人大常委会'], 'S8');
    expect(p.messages).toEqual({ 'zh-CN': '抄送须含“人大常委会”（S8）', en: 'Copy to must name 人大常委会 (S8)' });
  });
});

describe('letterKindProblems (issue 13.11)', () => {
  it('should accept the seed proposal letter as a proposal and refuse its wording for a suggestion', () => {
    expect(letterKindProblems(seed, 'proposal')).toEqual([]);
    const problems = letterKindProblems(seed, 'suggestion');
    expect(problems.map((p) => p.field)).toEqual(['reference', 'addressees', 'title', 'copyTo']);
    expect(problems.every((p) => p.code === 'letter.wrongKind')).toBe(true);
    expect(problems[1]?.messages['zh-CN']).toBe('人大代表建议的答复函应主送代表，不应主送委员（“梁晓珩等委员”）');
    expect(problems[1]?.messages.en).toContain('not CPPCC members (委员)');
    expect(problems[3]?.messages['zh-CN']).toContain('不应抄送政协机构（“市政协提案”）');
  });

  it('should refuse a suggestion letter sent as a proposal reply (addressed to 代表, copied to 人大)', () => {
    expect(letterKindProblems(sampleNpcReplyLetter, 'suggestion')).toEqual([]);
    const fieldsFound = letterKindProblems(sampleNpcReplyLetter, 'proposal').map((p) => p.field);
    expect(fieldsFound).toEqual(['reference', 'addressees', 'title', 'copyTo']);
  });

  const kinded = letters.filter((l) => l.expected.reference?.kind !== undefined);
  it.each(kinded.map((l) => [l.name, l.expected] as const))(
    'should find the real letter %s right for its own kind and wrong for the other',
    (_name, letter) => {
      const kind = letter.reference?.kind as 'proposal' | 'suggestion';
      expect(letterKindProblems(letter, kind)).toEqual([]);
      const other = kind === 'proposal' ? 'suggestion' : 'proposal';
      expect(letterKindProblems(letter, other).map((p) => p.field)).toContain('addressees');
    },
  );
});

describe('letterKindProblems reads words, not substrings (issue 15: 委员 inside 委员会)', () => {
  it("should accept a suggestion reply addressed to a people's congress 工作委员会 (委员会 is not 委员)", () => {
    const toCommittee = { ...sampleNpcReplyLetter, addressees: ['县人大常委会农业农村工作委员会'] };
    expect(letterKindProblems(toCommittee, 'suggestion')).toEqual([]);
    const toStanding = { ...sampleNpcReplyLetter, addressees: ['市人民代表大会常务委员会选举联络工作委员会'] };
    expect(letterKindProblems(toStanding, 'suggestion')).toEqual([]);
  });

  it('should still refuse a suggestion reply addressed to a CPPCC body, naming it a CPPCC body', () => {
    const problems = letterKindProblems({ ...sampleNpcReplyLetter, addressees: ['市政协提案委员会'] }, 'suggestion');
    expect(problems.map((p) => p.field)).toEqual(['addressees']);
    expect(problems[0]?.messages['zh-CN']).toBe(
      '人大代表建议的答复函应主送代表，不应主送政协机构（“市政协提案委员会”）',
    );
    expect(problems[0]?.messages.en).toContain('not a CPPCC body');
  });

  it("should name a people's congress body as a body, not as deputies (代表大会 is not 代表)", () => {
    const problems = letterKindProblems({ ...seed, addressees: ['县人民代表大会常务委员会'] }, 'proposal');
    expect(problems.map((p) => p.field)).toEqual(['addressees']);
    expect(problems[0]?.messages['zh-CN']).toContain('不应主送人大机构');
    expect(problems[0]?.messages.en).toContain("not a people's congress body");
  });

  it("should not read the item's own title in 《》 as the letter's kind, but keep its closing 提案/建议", () => {
    const npcTopic = { ...sampleNpcReplyLetter, title: '关于《关于政协委员与人大代表联动监督的建议》的答复' };
    expect(letterKindProblems(npcTopic, 'suggestion')).toEqual([]);
    const cppccTopic = { ...seed, title: '关于《关于支持人大代表之家建设的提案》的答复' };
    expect(letterKindProblems(cppccTopic, 'proposal')).toEqual([]);
    const answersProposal = { ...sampleNpcReplyLetter, title: '关于《关于加强社区养老服务的提案》的答复' };
    expect(letterKindProblems(answersProposal, 'suggestion').map((p) => p.field)).toEqual(['title']);
  });
});

describe('classMarkProblem (issue 15 item 3)', () => {
  it('should accept a mark stating the effective class and refuse one stating another', () => {
    expect(classMarkProblem(seed, 'A')).toBeUndefined();
    const p = classMarkProblem(seed, 'B');
    expect(p).toMatchObject({ code: 'letter.classMarkMismatch', field: 'classMark' });
    expect(p?.messages).toEqual({
      'zh-CN': '所印分类标注“(A类)”与答复分类 B 类不符',
      en: "The printed class mark “(A类)” does not state the reply's class B",
    });
  });

  it('should read the real marks on the doc-number line (华容 “B类”, “(B类)”)', () => {
    for (const name of ['hunan-huarong-transport-4', 'hunan-huarong-urban-69']) {
      const l = byName(name);
      expect(classMarkProblem(l, l.class)).toBeUndefined();
      expect(classMarkProblem(l, 'A')?.code).toBe('letter.classMarkMismatch');
    }
  });

  it('should refuse a grade the mark does not print, and pass a letter with no mark', () => {
    const graded: ReplyLetter = { ...seed, class: 'B', classGrade: 2, classMark: { text: 'B1类' } };
    expect(classMarkProblem(graded, 'B')?.messages['zh-CN']).toBe('所印分类标注“B1类”与答复分类 B2 类不符');
    expect(classMarkProblem({ ...graded, classGrade: 1 }, 'B')).toBeUndefined();
    const { classMark: _m, ...unmarked } = seed;
    expect(classMarkProblem(unmarked, 'C')).toBeUndefined();
  });

  it('should refuse a mark that states no class at all', () => {
    expect(classMarkProblem({ ...seed, classMark: { text: '办理结果' } }, 'A')?.code).toBe('letter.classMarkMismatch');
  });
});

describe('withLetterClass', () => {
  it('should restate the printed mark and drop the grade, keeping the letter valid', () => {
    const b = withLetterClass({ ...seed, classGrade: 1 }, 'B');
    expect(b.class).toBe('B');
    expect(b.classMark).toEqual({ text: '(B类)', position: 'topRight' });
    expect(b.classGrade).toBeUndefined();
    expect(classMarkProblem(b, 'B')).toBeUndefined();
    expect(ReplyLetterSchema.safeParse(b).success).toBe(true);
    expect(withLetterClass(seed, 'A')).toBe(seed);
  });
});
