import type { Bilingual } from '@banli/schemas';
import { CalendarExtensionSchema } from './calendarSchema.js';
import { CalendarDefinitionError } from './errors.js';
import { createCalendar } from './internal/createCalendar.js';
import { toDefinitionIssues } from './internal/issues.js';
import type { Calendar, CalendarYear, HolidayBlock, IsoDate } from './types.js';

/** What `extendCalendar` adds to a base calendar. */
export interface CalendarExtension {
  /** Id of the new calendar, e.g. `cn-mainland+guangzhou`. */
  id: string;
  /** Version of the new calendar. */
  version: string;
  /** Label of the new calendar; defaults to the base label. */
  label?: Bilingual;
  /** Years to add (the next year's notice) or replace (a corrected year); the result must stay contiguous. */
  years?: CalendarYear[];
  /** Extra rest periods on top of the yearly data (a local holiday, a department's closure days). */
  extraHolidays?: HolidayBlock[];
  /** Extra working days on top of everything else. */
  extraWorkdays?: IsoDate[];
}

/**
 * Builds a new calendar from a base one plus years, extra holidays and extra working days; the base is unchanged.
 *
 * @throws CalendarDefinitionError when the extension or the merged calendar is invalid.
 * @example
 * ```ts
 * const local = extendCalendar(chinaMainland, {
 *   id: 'cn-mainland+closure', version: '1',
 *   extraHolidays: [{ name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2024-03-04', end: '2024-03-05' }],
 * });
 * ```
 */
export function extendCalendar(base: Calendar, ext: CalendarExtension): Calendar {
  const parsed = CalendarExtensionSchema.safeParse(ext);
  if (!parsed.success) throw new CalendarDefinitionError(toDefinitionIssues(parsed.error));
  const e = parsed.data;
  const years = new Map<number, CalendarYear>(base.years);
  const added = e.years ?? [];
  const dup = added.find((y, i) => added.findIndex((o) => o.year === y.year) !== i);
  if (dup) {
    throw new CalendarDefinitionError([
      { path: 'years', messages: { 'zh-CN': `${dup.year} 年重复`, en: `year ${dup.year} is listed twice` } },
    ]);
  }
  for (const y of added) years.set(y.year, y);
  const extras = (e.extraHolidays?.length ?? 0) + (e.extraWorkdays?.length ?? 0) > 0;
  return createCalendar({
    id: e.id,
    version: e.version,
    label: e.label ?? base.label,
    years: [...years.values()],
    layers: [
      ...base.layers,
      ...(extras
        ? [{ id: e.id, version: e.version, extraHolidays: e.extraHolidays ?? [], extraWorkdays: e.extraWorkdays ?? [] }]
        : []),
    ],
    basedOn: { id: base.id, version: base.version },
  });
}
