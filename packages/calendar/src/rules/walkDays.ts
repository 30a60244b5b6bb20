import type { DayIndex } from '../internal/dayIndex.js';
import { rawDayInfo, relatedHoliday } from '../internal/dayInfo.js';
import { fromEpochDay } from '../internal/epochDay.js';
import type { Calendar } from '../types.js';
import type { ExplainedHoliday, ExplanationStep } from './explanation.js';
import { dateText, dayText, ordinalText, spanText } from './wording.js';

/** Shared state while explaining one computation. */
export interface ExplainContext {
  cal: Calendar;
  idx: DayIndex;
  sources: Set<string>;
}

interface Span {
  key: unknown;
  from: number;
  to: number;
  holiday?: ExplainedHoliday;
  provisional: boolean;
}

function spanStep(span: Span, estimated: boolean): ExplanationStep {
  const range = spanText(span.from, span.to);
  const what = span.holiday?.label ?? { 'zh-CN': '周末', en: 'weekend' };
  const note = !span.provisional
    ? { 'zh-CN': '', en: '' }
    : estimated
      ? {
          'zh-CN': '（超出日历覆盖范围，按法定节假日推算）',
          en: ' (outside the calendar coverage: statutory estimate)',
        }
      : { 'zh-CN': '（超出日历覆盖范围，仅按周末计）', en: ' (outside the calendar coverage: weekend only)' };
  const step: ExplanationStep = {
    kind: 'skip',
    from: fromEpochDay(span.from),
    to: fromEpochDay(span.to),
    days: span.to - span.from + 1,
    reason: span.holiday ? 'holiday' : 'weekend',
    provisional: span.provisional,
    text: {
      'zh-CN': `跳过 ${range['zh-CN']}：${what['zh-CN']}${note['zh-CN']}`,
      en: `Skipped ${range.en}: ${what.en}${note.en}`,
    },
  };
  if (span.holiday) step.holiday = span.holiday;
  return step;
}

/** Walks from `start` (exclusive) to `end` (inclusive), recording skipped spans and make-up days; returns the working days met. */
export function walkDays(
  ctx: ExplainContext,
  start: number,
  end: number,
): { steps: ExplanationStep[]; working: number } {
  const dir = end >= start ? 1 : -1;
  const steps: ExplanationStep[] = [];
  let span: Span | undefined;
  let working = 0;
  let announced = false;
  const flush = () => {
    if (span) steps.push(spanStep(span, ctx.idx.estimated));
    span = undefined;
  };
  for (let d = start + dir; dir > 0 ? d <= end : d >= end; d += dir) {
    const info = rawDayInfo(ctx.idx, d);
    if (!info.covered && !announced) {
      flush();
      announced = true;
      const after = d >= ctx.idx.coveredEnd;
      const boundary = after ? ctx.idx.coveredEnd - 1 : ctx.idx.coveredBase;
      const b = fromEpochDay(boundary);
      const bt = dateText(boundary);
      const how = ctx.idx.estimated
        ? {
            'zh-CN': '按《全国年节及纪念日放假办法》推算节假日（未含调休）',
            en: 'have their holidays estimated from the statutory rules (no make-up days)',
          }
        : { 'zh-CN': '仅按周一至周五计为工作日', en: 'count as Monday–Friday only' };
      steps.push({
        kind: 'coverageEnds',
        boundary: b,
        text: {
          'zh-CN': `日历覆盖范围${after ? `止于 ${bt['zh-CN']}，其后` : `始于 ${bt['zh-CN']}，其前`}的日期${how['zh-CN']}`,
          en: `The calendar coverage ${after ? `ends on ${b}; later` : `starts on ${b}; earlier`} days ${how.en}`,
        },
      });
    }
    if (!info.working) {
      const key = info.block ?? (info.covered ? 'weekend' : 'uncovered');
      if (span && span.key === key) {
        span.from = Math.min(span.from, d);
        span.to = Math.max(span.to, d);
        continue;
      }
      flush();
      span = { key, from: d, to: d, provisional: !info.covered };
      if (info.block) {
        const { block, source } = info.block;
        span.holiday = { name: block.name, label: block.label, source };
        ctx.sources.add(source);
      }
      continue;
    }
    flush();
    working++;
    if (info.kind === 'makeUpWorkday') {
      const year = ctx.cal.years.get(info.noticeYear ?? Number.NaN);
      const related = relatedHoliday(year, d);
      const source = year?.source ?? '';
      ctx.sources.add(source);
      const why = related ? related.label : { 'zh-CN': '', en: '' };
      const step: ExplanationStep = {
        kind: 'makeUpWorkday',
        date: fromEpochDay(d),
        ordinal: working,
        source,
        text: {
          'zh-CN': `计入 ${dayText(d)['zh-CN']}：调休上班日${related ? `（${why['zh-CN']}）` : ''}，${ordinalText(working)['zh-CN']}`,
          en: `Counted ${dayText(d).en}: make-up working day${related ? ` (${why.en})` : ''}, ${ordinalText(working).en}`,
        },
      };
      if (related) step.holiday = { name: related.name, label: related.label, source };
      steps.push(step);
    } else if (info.kind === 'extraWorkday') {
      const layer = ctx.cal.layers[info.layerIndex ?? -1];
      const source = layer ? `${layer.id}@${layer.version}` : '';
      ctx.sources.add(source);
      steps.push({
        kind: 'extraWorkday',
        date: fromEpochDay(d),
        ordinal: working,
        source,
        text: {
          'zh-CN': `计入 ${dayText(d)['zh-CN']}：额外工作日（${source}），${ordinalText(working)['zh-CN']}`,
          en: `Counted ${dayText(d).en}: extra working day (${source}), ${ordinalText(working).en}`,
        },
      });
    }
  }
  flush();
  return { steps, working };
}
