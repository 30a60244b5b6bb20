import type { Bilingual } from '@banli/schemas';
import { CalendarDefinitionError, type CalendarDefinitionIssue } from '../errors.js';
import type { Calendar, CalendarLayer, CalendarYear, IsoDate } from '../types.js';
import { dayIndexOf } from './dayIndex.js';
import { fromEpochDay, toEpochDay } from './epochDay.js';

/** Everything needed to assemble a calendar after its parts passed the zod schemas. */
export interface CalendarParts {
  id: string;
  version: string;
  label: Bilingual;
  years: CalendarYear[];
  layers: CalendarLayer[];
  basedOn?: { id: string; version: string };
}

function crossYearIssues(years: CalendarYear[]): CalendarDefinitionIssue[] {
  const issues: CalendarDefinitionIssue[] = [];
  const sorted = [...years].sort((a, b) => a.year - b.year);
  sorted.forEach((y, i) => {
    const prev = sorted[i - 1];
    if (prev && y.year === prev.year) {
      issues.push({
        path: `years.${y.year}`,
        messages: { 'zh-CN': `${y.year} 年重复`, en: `year ${y.year} is listed twice` },
      });
    } else if (prev && y.year !== prev.year + 1) {
      issues.push({
        path: `years.${y.year}`,
        messages: {
          'zh-CN': `年份不连续：${prev.year} 年之后缺少 ${prev.year + 1} 年（缺失年份会被误当作只有周末）`,
          en: `years are not contiguous: ${prev.year + 1} is missing after ${prev.year} (a missing year would silently count weekends only)`,
        },
      });
    }
  });
  const owner = new Map<IsoDate, number>();
  const claim = (date: IsoDate, year: number) => {
    const other = owner.get(date);
    if (other !== undefined && other !== year) {
      issues.push({
        path: `years.${year}`,
        messages: {
          'zh-CN': `${date} 同时出现在 ${other} 年和 ${year} 年的安排中`,
          en: `${date} is arranged by both the ${other} and the ${year} notices`,
        },
      });
    }
    owner.set(date, year);
  };
  for (const y of sorted) {
    for (const b of y.holidays) {
      for (let d = toEpochDay(b.start); d <= toEpochDay(b.end); d++) claim(fromEpochDay(d), y.year);
    }
    for (const m of y.makeUpWorkdays) claim(m, y.year);
  }
  return issues;
}

function layerIssues(layer: CalendarLayer, index: number): CalendarDefinitionIssue[] {
  const issues: CalendarDefinitionIssue[] = [];
  layer.extraHolidays.forEach((b, i) => {
    if (b.makeUpWorkdays?.length) {
      issues.push({
        path: `layers.${index}.extraHolidays.${i}.makeUpWorkdays`,
        messages: {
          'zh-CN': `额外假期“${b.name}”不能带调休上班日，请改列入 extraWorkdays`,
          en: `extra holiday '${b.name}' cannot carry make-up days; list them in extraWorkdays`,
        },
      });
    }
  });
  layer.extraWorkdays.forEach((w, i) => {
    const clash = layer.extraHolidays.find((b) => b.start <= w && w <= b.end);
    if (clash) {
      issues.push({
        path: `layers.${index}.extraWorkdays.${i}`,
        messages: {
          'zh-CN': `额外工作日 ${w} 落在同一层的额外假期“${clash.name}”之内`,
          en: `extra working day ${w} lies inside extra holiday '${clash.name}' of the same layer`,
        },
      });
    }
  });
  return issues;
}

/** Validates cross-year consistency, freezes the calendar and builds its index. */
export function createCalendar(parts: CalendarParts): Calendar {
  const issues = [...crossYearIssues(parts.years), ...parts.layers.flatMap(layerIssues)];
  if (issues.length > 0) throw new CalendarDefinitionError(issues);
  const years = [...parts.years].sort((a, b) => a.year - b.year);
  const cal: Calendar = Object.freeze({
    id: parts.id,
    version: parts.version,
    label: Object.freeze({ ...parts.label }),
    years: new Map(years.map((y) => [y.year, Object.freeze(structuredClone(y))])) as ReadonlyMap<number, CalendarYear>,
    firstYear: (years[0] as CalendarYear).year,
    lastYear: (years[years.length - 1] as CalendarYear).year,
    layers: Object.freeze(parts.layers.map((l) => Object.freeze(structuredClone(l)))),
    ...(parts.basedOn ? { basedOn: Object.freeze({ ...parts.basedOn }) } : {}),
  });
  dayIndexOf(cal);
  return cal;
}
