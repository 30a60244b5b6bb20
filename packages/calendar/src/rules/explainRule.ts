import type { Bilingual } from '@banli/schemas';
import { rawDayInfo } from '../internal/dayInfo.js';
import { fromEpochDay } from '../internal/epochDay.js';

import { describeRule } from './describeRule.js';
import type { Evaluated } from './evaluate.js';
import type { ExplanationStep } from './explanation.js';
import { type ExplainContext, walkDays } from './walkDays.js';
import { dayText } from './wording.js';

function landText(e: Evaluated): Bilingual {
  const at = dayText(e.raw);
  const clamp = e.clamped
    ? { 'zh-CN': '（该月无对应日，取月末日）', en: ' (that month has no such day: its last day)' }
    : { 'zh-CN': '', en: '' };
  switch (e.rule.kind) {
    case 'calendarDays': {
      const n = e.rule.days;
      return n >= 0
        ? { 'zh-CN': `起算日后第 ${n} 日：${at['zh-CN']}`, en: `${n} calendar days after the start: ${at.en}` }
        : { 'zh-CN': `起算日前第 ${-n} 日：${at['zh-CN']}`, en: `${-n} calendar days before the start: ${at.en}` };
    }
    case 'months':
      return {
        'zh-CN': `${e.rule.months} 个月后的对应日：${at['zh-CN']}${clamp['zh-CN']}`,
        en: `${e.rule.months} month${Math.abs(e.rule.months) === 1 ? '' : 's'} later, the corresponding day: ${at.en}${clamp.en}`,
      };
    default:
      return e.nextYear
        ? {
            'zh-CN': `起算日已过当年该日，取次年：${at['zh-CN']}${clamp['zh-CN']}`,
            en: `The start is past this year's date, so next year's: ${at.en}${clamp.en}`,
          }
        : {
            'zh-CN': `起算日所在年度的该日：${at['zh-CN']}${clamp['zh-CN']}`,
            en: `That day of the start year: ${at.en}${clamp.en}`,
          };
  }
}

function landingSteps(ctx: ExplainContext, e: Evaluated, rollForward: boolean): ExplanationStep[] {
  const steps: ExplanationStep[] = [
    { kind: 'land', date: fromEpochDay(e.raw), clamped: e.clamped, nextYear: e.nextYear, text: landText(e) },
  ];
  const info = rawDayInfo(ctx.idx, e.raw);
  if (info.working || (!info.covered && !rollForward)) return steps;
  const why = info.block?.block.label ?? { 'zh-CN': '周末', en: 'weekend' };
  if (info.block) ctx.sources.add(info.block.source);
  const at = dayText(e.raw);
  steps.push({
    kind: 'restDay',
    date: fromEpochDay(e.raw),
    rolled: rollForward,
    text: rollForward
      ? {
          'zh-CN': `${at['zh-CN']}是休息日（${why['zh-CN']}），顺延`,
          en: `${at.en} is a rest day (${why.en}), so the period rolls forward`,
        }
      : {
          'zh-CN': `${at['zh-CN']}是休息日（${why['zh-CN']}），本规则不顺延`,
          en: `${at.en} is a rest day (${why.en}); this rule does not roll forward`,
        },
  });
  if (!rollForward) return steps;
  steps.push(...walkDays(ctx, e.raw - 1, e.due - 1).steps);
  const to = dayText(e.due);
  steps.push({
    kind: 'rollForward',
    from: fromEpochDay(e.raw),
    to: fromEpochDay(e.due),
    text: { 'zh-CN': `顺延至其后第一个工作日 ${to['zh-CN']}`, en: `Rolled forward to the next working day, ${to.en}` },
  });
  return steps;
}

/** Explains an evaluated rule: the steps between the start and the due date. */
export function explainEvaluated(ctx: ExplainContext, e: Evaluated): ExplanationStep[] {
  const rule = e.rule;
  switch (rule.kind) {
    case 'workingDays': {
      const walk = walkDays(ctx, e.start, e.due);
      const span = Math.abs(e.due - e.start);
      return [
        ...walk.steps,
        {
          kind: 'count',
          workingDays: walk.working,
          calendarDays: span,
          text: {
            'zh-CN': `共计 ${walk.working} 个工作日，跨 ${span} 个自然日`,
            en: `${walk.working} working days counted over ${span} calendar days`,
          },
        },
      ];
    }
    case 'earliest':
    case 'latest':
      return (e.children ?? []).map((child, index) => {
        const chosen = index === e.chosen;
        const d = dayText(child.due);
        const r = describeRule(child.rule);
        return {
          kind: 'candidate',
          index,
          rule: child.rule,
          due: fromEpochDay(child.due),
          chosen,
          steps: explainEvaluated(ctx, child),
          text: {
            'zh-CN': `候选 ${index + 1}：${r['zh-CN']} → ${d['zh-CN']}${chosen ? `（${rule.kind === 'earliest' ? '最早' : '最晚'}，采用）` : ''}`,
            en: `Candidate ${index + 1}: ${r.en} → ${d.en}${chosen ? ` (${rule.kind}, used)` : ''}`,
          },
        };
      });
    default:
      return landingSteps(ctx, e, rule.rollForward === true);
  }
}
