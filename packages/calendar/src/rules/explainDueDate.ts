import type { Bilingual } from '@banli/schemas';
import { resolveCoverage } from '../coverage.js';
import { indexFor } from '../internal/dayIndex.js';
import { fromEpochDay, toEpochDay } from '../internal/epochDay.js';
import type { Calendar, CoverageOptions, IsoDate } from '../types.js';
import type { DeadlineRule } from './deadlineRule.js';
import { describeRule } from './describeRule.js';
import { evaluateRule } from './evaluate.js';
import { explainEvaluated } from './explainRule.js';
import type { DueDateExplanation, ExplanationStep } from './explanation.js';
import { parseRule } from './parseRule.js';
import type { ExplainContext } from './walkDays.js';
import { dayText } from './wording.js';

function lines(steps: ExplanationStep[], locale: keyof Bilingual, indent: string): string[] {
  return steps.flatMap((s) => [
    `${indent}${s.text[locale]}`,
    ...(s.kind === 'candidate' ? lines(s.steps, locale, `${indent}  `) : []),
  ]);
}

/**
 * Computes a due date and the trace a person can check: the rule, the start, each skipped span with its reason,
 * each make-up day counted, the calendar id and version, and whether the result is provisional — in zh-CN and en.
 *
 * @throws CalendarCoverageError when uncovered days are needed, unless `{ uncovered: 'provisional' }`.
 * @example
 * ```ts
 * console.log(explainDueDate(chinaMainland, { kind: 'workingDays', days: 2 }, '2024-02-08').text['zh-CN']);
 * ```
 */
export function explainDueDate(
  cal: Calendar,
  rule: DeadlineRule,
  start: IsoDate,
  opts?: CoverageOptions,
): DueDateExplanation {
  const idx = indexFor(cal, opts?.uncovered);
  const parsed = parseRule(rule);
  const s = toEpochDay(start);
  const e = evaluateRule(idx, parsed, s);
  const reason = resolveCoverage(cal, e.uncovered, start, opts);
  const ctx: ExplainContext = { cal, idx, sources: new Set() };
  const ruleText = describeRule(parsed);
  const st = dayText(s);
  const dt = dayText(e.due);
  const steps: ExplanationStep[] = [
    {
      kind: 'start',
      date: start,
      text: { 'zh-CN': `起算日：${st['zh-CN']}，当日不计入`, en: `Start: ${st.en}, not counted` },
    },
    ...explainEvaluated(ctx, e),
  ];
  if (reason) steps.push({ kind: 'provisional', text: reason.messages });
  steps.push({
    kind: 'due',
    date: fromEpochDay(e.due),
    text: {
      'zh-CN': `届满日：${dt['zh-CN']}${reason ? '（临时结果）' : ''}`,
      en: `Due: ${dt.en}${reason ? ' (provisional)' : ''}`,
    },
  });
  const sources = [...ctx.sources].filter((x) => x !== '');
  const text = (locale: keyof Bilingual) => {
    const head =
      locale === 'zh-CN'
        ? [`规则：${ruleText['zh-CN']}`, `日历：${cal.id}@${cal.version}（${cal.label['zh-CN']}）`]
        : [`Rule: ${ruleText.en}`, `Calendar: ${cal.id}@${cal.version} (${cal.label.en})`];
    const tail =
      sources.length === 0
        ? []
        : [locale === 'zh-CN' ? `依据：${sources.join('；')}` : `Sources: ${sources.join('; ')}`];
    return [...head, ...lines(steps, locale, ''), ...tail].join('\n');
  };
  const result: DueDateExplanation = {
    due: fromEpochDay(e.due),
    provisional: reason !== undefined,
    calendarId: cal.id,
    calendarVersion: cal.version,
    rule: parsed,
    start,
    ruleText,
    steps,
    sources,
    text: { 'zh-CN': text('zh-CN'), en: text('en') },
  };
  if (reason) result.provisionalReason = reason;
  return result;
}
