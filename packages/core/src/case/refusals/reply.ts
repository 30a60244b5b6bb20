import type { LetterProblem } from '@banli/schemas';
import { policyClasses } from '../../policy/schema.js';
import { type RefusalRule, refusalRule } from '../../refusal/reason.js';
import type { CaseEvent } from '../events.js';
import { draftProblems, isAllowedSigner } from '../guards/reply.js';
import type { CaseContext } from '../types.js';

type DraftEvent = 'reply.submitDraft' | 'followUp.reply';
const DRAFTS: readonly DraftEvent[] = ['reply.submitDraft', 'followUp.reply'];

/** The class a letter or the supervisor gives is not in the policy's scheme. */
function classOutsideScheme(ctx: CaseContext, cls: string | undefined) {
  const classes = policyClasses(ctx.policy);
  if (cls === undefined || classes.includes(cls as 'A')) return undefined;
  return {
    code: 'class.notInScheme',
    messages: {
      'zh-CN': `本办理规则的答复分类为 ${classes.join('、')} 类，没有 ${cls} 类`,
      en: `This policy classes replies ${classes.join('/')}; it has no class ${cls}`,
    },
  };
}

const LETTER_STEP = {
  signOff: {
    'zh-CN': '答复函须补正后方可签发：',
    en: 'The reply letter must be corrected before sign-off: ',
  },
  followUp: {
    'zh-CN': '二次答复函须补正后方可发出：',
    en: 'The follow-up (second) reply letter must be corrected before it is sent: ',
  },
} as const;

/**
 * The refusal for a letter that is not ready, at sign-off or when a follow-up (second) reply is sent: ONE reason
 * listing every problem in zh-CN and en, each also in `details`. Its code names the step and the first kind found: a
 * missing required field (`signOff.letterIncomplete`, `followUp.letterIncomplete`), wording of the other kind of item
 * (`….letterWrongKind`), or a class mark disagreeing with the effective class (`….classMarkMismatch`).
 */
export function letterRefusal(problems: LetterProblem[], step: keyof typeof LETTER_STEP = 'signOff') {
  const has = (code: LetterProblem['code']) => problems.some((p) => p.code === code);
  const code = has('letter.fieldMissing')
    ? `${step}.letterIncomplete`
    : has('letter.wrongKind')
      ? `${step}.letterWrongKind`
      : `${step}.classMarkMismatch`;
  return {
    code,
    messages: {
      'zh-CN': `${LETTER_STEP[step]['zh-CN']}${problems.map((p) => p.messages['zh-CN']).join('；')}`,
      en: `${LETTER_STEP[step].en}${problems.map((p) => p.messages.en).join('; ')}`,
    },
    details: problems.map((p) => ({ ...p, messages: { ...p.messages } })),
  };
}

/** A draft that does not answer every point once, answers an unknown one, withholds without reason, or has a foreign class. */
export const replyRefusals: RefusalRule<CaseContext, CaseEvent>[] = [
  refusalRule<CaseContext, CaseEvent, DraftEvent>(DRAFTS, (ctx, e) => {
    // A follow-up reply may carry no letter of the item's own (only merged items' commitments open).
    if (e.letter === undefined) return undefined;
    const answered = (e.letter.responses ?? []).flatMap((r) => r.suggestionIds ?? []);
    const missing = ctx.suggestionIds.filter((id) => !answered.includes(id));
    if (missing.length === 0) return undefined;
    return {
      code: 'draft.pointUnanswered',
      source: 'S17',
      messages: {
        'zh-CN': `答复须逐条答复每项建议，未答复：${missing.join('、')}`,
        en: `A reply must answer each point; unanswered: ${missing.join(', ')}`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, DraftEvent>(DRAFTS, (ctx, e) => {
    const answered = (e.letter?.responses ?? []).flatMap((r) => r.suggestionIds ?? []);
    const unknown = answered.filter((id) => !ctx.suggestionIds.includes(id));
    const twice = ctx.suggestionIds.filter((id) => answered.filter((x) => x === id).length > 1);
    if (unknown.length === 0 && twice.length === 0) return undefined;
    const ids = [...unknown, ...twice];
    return {
      code: 'draft.pointUnknownOrRepeated',
      messages: {
        'zh-CN': `答复须对本件的每项建议各答复一次：${ids.join('、')} 不是本件的建议或重复答复`,
        en: `A reply answers each point of this item once: ${ids.join(', ')} is unknown or answered twice`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, DraftEvent>(DRAFTS, (_ctx, e) =>
    e.letter?.disclosure?.mode === 'withheld' && (e.letter.disclosure.reason ?? '').trim() === ''
      ? {
          code: 'draft.withheldWithoutReason',
          source: 'S39',
          messages: {
            'zh-CN': '答复不予公开的，须说明理由',
            en: 'A reply that is not to be published must give the reason',
          },
        }
      : undefined,
  ),
  refusalRule<CaseContext, CaseEvent, DraftEvent>(DRAFTS, (ctx, e) => classOutsideScheme(ctx, e.letter?.class)),
  refusalRule<CaseContext, CaseEvent, 'supervisor.approve'>(['supervisor.approve'], (ctx, e) =>
    classOutsideScheme(ctx, e.class),
  ),
  refusalRule<CaseContext, CaseEvent, 'signOff.approve'>(['signOff.approve'], (ctx, e) => {
    if (isAllowedSigner(ctx, e)) return undefined;
    const p = ctx.unit.principal;
    if (!p) {
      return {
        code: 'signOff.principalNotRecorded',
        source: 'S23',
        messages: {
          'zh-CN': `重点提案（建议）的答复须由单位主要负责人签发，但${ctx.unit.name}的主要负责人未在单位资料中登记`,
          en: `A key item's reply must be signed by the unit's principal leader, and ${ctx.unit.name} has no principal on record`,
        },
      };
    }
    const who = p.name ? `${p.title}${p.name}` : p.title;
    return {
      code: 'signOff.keyNeedsPrincipal',
      source: 'S23',
      messages: {
        'zh-CN': `重点提案（建议）的答复须由单位主要负责人签发：${ctx.unit.name}登记的主要负责人是${who}，签发人“${e.signer}”不是`,
        en: `A key item's reply must be signed by the unit's principal leader: ${ctx.unit.name} records ${who}, not “${e.signer}”`,
      },
    };
  }),
  refusalRule<CaseContext, CaseEvent, 'signOff.approve'>(['signOff.approve'], (ctx) => {
    const problems = draftProblems(ctx);
    return problems.length === 0 ? undefined : letterRefusal(problems);
  }),
];
