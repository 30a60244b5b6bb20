import type { CalendarYear, HolidayBlock } from '../types.js';
import { type DayIndex, DayKind, type IndexedBlock } from './dayIndex.js';
import { fromEpochDay, isWeekend, toEpochDay } from './epochDay.js';

/** Internal description of one day. */
export interface RawDayInfo {
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday' | 'extraWorkday';
  working: boolean;
  covered: boolean;
  /** Outside the calendar's own years but inside the statutory estimate. */
  estimated?: boolean;
  /** For holidays: the block and its source. */
  block?: IndexedBlock;
  /** For make-up days: the notice year that declared it. */
  noticeYear?: number;
  /** For extra working days: the index of the layer that added it. */
  layerIndex?: number;
}

const KINDS = ['weekday', 'weekend', 'holiday', 'makeUpWorkday', 'extraWorkday'] as const;

/** Describes a day number against an index; uncovered days are Monday–Friday. */
export function rawDayInfo(idx: DayIndex, day: number): RawDayInfo {
  if (day < idx.base || day >= idx.end) {
    const weekend = isWeekend(day);
    return { kind: weekend ? 'weekend' : 'weekday', working: !weekend, covered: false };
  }
  const k = idx.kind[day - idx.base] as number;
  const ref = idx.ref[day - idx.base] as number;
  const kind = KINDS[k] ?? 'weekday';
  const working = k === DayKind.weekday || k === DayKind.makeUpWorkday || k === DayKind.extraWorkday;
  const info: RawDayInfo = { kind, working, covered: day >= idx.coveredBase && day < idx.coveredEnd };
  if (!info.covered) info.estimated = true;
  if (k === DayKind.holiday) info.block = idx.blocks[ref] as IndexedBlock;
  if (k === DayKind.makeUpWorkday) info.noticeYear = ref;
  if (k === DayKind.extraWorkday) info.layerIndex = ref;
  return info;
}

/** The holiday a make-up day was worked for: the block that lists it, else the nearest block of its notice year. */
export function relatedHoliday(year: CalendarYear | undefined, day: number): HolidayBlock | undefined {
  const iso = fromEpochDay(day);
  const declared = year?.holidays.find((b) => b.makeUpWorkdays?.includes(iso));
  if (declared) return declared;
  let best: HolidayBlock | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const b of year?.holidays ?? []) {
    const s = toEpochDay(b.start);
    const e = toEpochDay(b.end);
    const distance = day < s ? s - day : day > e ? day - e : 0;
    if (distance < bestDistance) {
      best = b;
      bestDistance = distance;
    }
  }
  return best;
}
