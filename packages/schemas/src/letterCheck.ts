import { classOfMark } from './classMark.js';
import type { Bilingual } from './label.js';
import { LETTER_FIELD_LABELS, type LetterField } from './letterField.js';
import { PROPOSAL_KIND_LABELS } from './proposal.js';
import type { ReplyClass } from './replyClass.js';
import type { ReplyLetter } from './replyLetter.js';
import { quotePrefix } from './textRules.js';

/** Codes of what a letter check finds: a required field missing, wording of the other kind, a stale class mark. */
export type LetterProblemCode = 'letter.fieldMissing' | 'letter.wrongKind' | 'letter.classMarkMismatch';

/**
 * One thing a letter check found, in zh-CN and en: the field it concerns and, when a source sets the rule, its
 * domain.md source number. The SDK refuses a sign-off listing every problem, and warns of them when a draft is
 * submitted (see `letterProblems` in @banli/core).
 */
export interface LetterProblem {
  code: LetterProblemCode;
  field: LetterField;
  messages: Bilingual;
  /** The domain.md source of the rule (e.g. `S17`), when it has one. */
  source?: string;
}

type Kind = keyof typeof PROPOSAL_KIND_LABELS;

/**
 * A required field the letter lacks; `naming` when an entry (主送, 抄送) must name a body, e.g. 人大常委会.
 *
 * @example
 * ```ts
 * missingFieldProblem('contact', undefined, 'S17').messages['zh-CN']; // '缺少联系人及联系电话（S17）'
 * ```
 */
export function missingFieldProblem(field: LetterField, naming?: readonly string[], source?: string): LetterProblem {
  const label = LETTER_FIELD_LABELS[field];
  const names = naming && naming.length > 0 ? naming : undefined;
  const cite = source ? `（${source}）` : '';
  const citeEn = source ? ` (${source})` : '';
  return {
    code: 'letter.fieldMissing',
    field,
    messages: names
      ? {
          'zh-CN': `${label['zh-CN']}须含“${names.join('”或“')}”${cite}`,
          en: `${label.en} must name ${names.join(' or ')}${citeEn}`,
        }
      : { 'zh-CN': `缺少${label['zh-CN']}${cite}`, en: `${label.en} missing${citeEn}` },
    ...(source ? { source } : {}),
  };
}

/**
 * The words that belong to the other kind of item: a deputies' suggestion is answered to 代表 and copied to the people's
 * congress (人大常委会, S8, S35); a CPPCC proposal is answered to its proposers (委员, parties, groups) and copied to the
 * CPPCC (政协提案委员会). Traditional forms (委員, 政協) as published by some counties are matched too.
 *
 * Words, not substrings: 委员 (a CPPCC member) is not the 委员会 of a body's name — 人大常务委员会 and its 工作委员会
 * are people's congress bodies, 政协提案委员会 a CPPCC body, each caught by `body` — and 代表 (a deputy) is not the
 * 代表大会 of 人民代表大会.
 */
const FOREIGN: Record<Kind, { member: RegExp; body: RegExp; title: RegExp }> = {
  suggestion: { member: /委[员員](?![会會])/u, body: /政协|政協/u, title: /政协|政協|提案/u },
  proposal: { member: /代表(?!大[会會])/u, body: /人大|人民代表大[会會]/u, title: /人大|人民代表大[会會]/u },
};

/**
 * A title with the item's own title (《关于……的建议》) reduced to its closing kind word: the topic may name the other
 * side (《关于支持人大代表之家建设的提案》) without the letter answering the other kind of item.
 */
const titleWords = (title: string) =>
  title.replace(/《[^》]*》/gu, (quoted) => /(提案|建[议議])\s*》$/u.exec(quoted)?.[1] ?? '');

const WHO: Record<Kind, Bilingual> = {
  suggestion: { 'zh-CN': '代表', en: 'deputies (代表)' },
  proposal: { 'zh-CN': '提案者', en: 'its proposers' },
};
const OTHER_WHO: Record<Kind, Bilingual> = {
  suggestion: { 'zh-CN': '委员', en: 'CPPCC members (委员)' },
  proposal: { 'zh-CN': '人大代表', en: 'NPC deputies (代表)' },
};
const OTHER_BODY: Record<Kind, Bilingual> = {
  suggestion: { 'zh-CN': '政协机构', en: 'a CPPCC body' },
  proposal: { 'zh-CN': '人大机构', en: "a people's congress body" },
};

/** An English kind label inside a sentence: “CPPCC proposal” stays, “Deputies' suggestion” → “deputies' suggestion”. */
const inSentence = (label: string) => (/^[A-Z][a-z]/u.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label);

function wrongKind(field: LetterField, messages: Bilingual, source?: string): LetterProblem {
  return { code: 'letter.wrongKind', field, messages, ...(source ? { source } : {}) };
}

/**
 * Wording of the other kind of item (issue 13.11): a suggestion's reply that refers to a 提案, is addressed to 委员,
 * names 政协 in its title or is copied to 政协提案委员会; or a proposal's reply addressed to 代表, naming 人大 in its
 * title or copied to the people's congress. One problem per offending entry.
 *
 * @example
 * ```ts
 * letterKindProblems(fixtures.seedReplyLetter132402, 'suggestion').map((p) => p.field);
 * // ['reference', 'addressees', 'title', 'copyTo']
 * ```
 */
export function letterKindProblems(letter: ReplyLetter, kind: Kind): LetterProblem[] {
  const found: LetterProblem[] = [];
  const kindLabel = PROPOSAL_KIND_LABELS[kind];
  const foreign = FOREIGN[kind];
  const zhKind = kindLabel['zh-CN'];
  const ref = letter.reference?.kind;
  if (ref !== undefined && ref !== kind) {
    const other = PROPOSAL_KIND_LABELS[ref];
    found.push(
      wrongKind('reference', {
        'zh-CN': `答复函所答复的是${other['zh-CN']}，本件是${zhKind}`,
        en: `The letter answers a ${inSentence(other.en)}, but this item is a ${inSentence(kindLabel.en)}`,
      }),
    );
  }
  for (const a of letter.addressees ?? []) {
    const other = foreign.member.test(a) ? OTHER_WHO[kind] : foreign.body.test(a) ? OTHER_BODY[kind] : undefined;
    if (other === undefined) continue;
    found.push(
      wrongKind(
        'addressees',
        {
          'zh-CN': `${zhKind}的答复函应主送${WHO[kind]['zh-CN']}，不应主送${other['zh-CN']}（“${quotePrefix(a)}”）`,
          en: `A reply to a ${inSentence(kindLabel.en)} is addressed to ${WHO[kind].en}, not ${other.en} (“${quotePrefix(a)}”)`,
        },
        kind === 'suggestion' ? 'S35' : undefined,
      ),
    );
  }
  if (letter.title !== undefined && foreign.title.test(titleWords(letter.title))) {
    const words =
      kind === 'suggestion'
        ? { zh: '政协或提案', en: 'the CPPCC or a proposal' }
        : { zh: '人大', en: "the people's congress" };
    found.push(
      wrongKind('title', {
        'zh-CN': `${zhKind}的答复函标题不应称${words.zh}（“${quotePrefix(letter.title)}”）`,
        en: `The title of a reply to a ${inSentence(kindLabel.en)} must not name ${words.en} (“${quotePrefix(letter.title)}”)`,
      }),
    );
  }
  for (const r of letter.copyTo?.recipients ?? []) {
    if (!foreign.body.test(r.name)) continue;
    found.push(
      wrongKind(
        'copyTo',
        {
          'zh-CN': `${zhKind}的答复函不应抄送${OTHER_BODY[kind]['zh-CN']}（“${quotePrefix(r.name)}”）`,
          en: `A reply to a ${inSentence(kindLabel.en)} must not be copied to ${OTHER_BODY[kind].en} (“${quotePrefix(r.name)}”)`,
        },
        kind === 'suggestion' ? 'S8' : undefined,
      ),
    );
  }
  return found;
}

/**
 * A printed class mark that does not state the effective class (the supervisor's, when they changed it, else the
 * letter's), or states another grade than `classGrade`: such a letter would print one class and record another.
 * `undefined` when the letter prints no mark or has no class.
 *
 * @example
 * ```ts
 * classMarkProblem({ ...fixtures.seedReplyLetter132402 }, 'B')?.code; // 'letter.classMarkMismatch': (A类) ≠ B
 * ```
 */
export function classMarkProblem(letter: ReplyLetter, effective: ReplyClass | undefined): LetterProblem | undefined {
  const mark = letter.classMark?.text;
  if (mark === undefined || effective === undefined) return undefined;
  const stated = classOfMark(mark);
  const gradeOff = stated?.grade !== undefined && letter.classGrade !== undefined && stated.grade !== letter.classGrade;
  if (stated?.class === effective && !gradeOff) return undefined;
  const expected = `${effective}${effective === letter.class && letter.classGrade ? letter.classGrade : ''}`;
  return {
    code: 'letter.classMarkMismatch',
    field: 'classMark',
    messages: {
      'zh-CN': `所印分类标注“${quotePrefix(mark)}”与答复分类 ${expected} 类不符`,
      en: `The printed class mark “${quotePrefix(mark)}” does not state the reply's class ${expected}`,
    },
  };
}
