import { CalendarDefinitionSchema } from './calendarSchema.js';
import { CalendarDefinitionError } from './errors.js';
import { createCalendar } from './internal/createCalendar.js';
import { toDefinitionIssues } from './internal/issues.js';
import type { Calendar, CalendarDefinition } from './types.js';

/**
 * Validates a calendar definition with zod and returns an indexed, immutable calendar.
 *
 * @throws CalendarDefinitionError listing every problem in zh-CN and en.
 * @example
 * ```ts
 * const cal = defineCalendar({
 *   id: 'demo', version: '1', label: { 'zh-CN': '示例', en: 'Demo' },
 *   years: [{ year: 2030, source: 'notice', holidays: [], makeUpWorkdays: [] }],
 * });
 * ```
 */
export function defineCalendar(def: CalendarDefinition): Calendar {
  const parsed = CalendarDefinitionSchema.safeParse(def);
  if (!parsed.success) throw new CalendarDefinitionError(toDefinitionIssues(parsed.error));
  const d = parsed.data;
  const extras = (d.extraHolidays?.length ?? 0) + (d.extraWorkdays?.length ?? 0) > 0;
  return createCalendar({
    id: d.id,
    version: d.version,
    label: d.label,
    years: d.years,
    layers: extras
      ? [{ id: d.id, version: d.version, extraHolidays: d.extraHolidays ?? [], extraWorkdays: d.extraWorkdays ?? [] }]
      : [],
  });
}
