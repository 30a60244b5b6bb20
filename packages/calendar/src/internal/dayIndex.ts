import { sharedEstimate } from '../statutory/estimateYear.js';
import { STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR } from '../statutory/statutoryDays.js';
import type { Calendar, CalendarYear, HolidayBlock } from '../types.js';
import { daysFromCivil, isWeekend, toEpochDay } from './epochDay.js';

/** Kind of a covered day. */
export const DayKind = {
  weekday: 0,
  weekend: 1,
  holiday: 2,
  makeUpWorkday: 3,
  extraWorkday: 4,
} as const;

/** A rest period with the notice or layer it comes from. */
export interface IndexedBlock {
  block: HolidayBlock;
  source: string;
}

/** Precomputed per-calendar lookup tables over the covered range `[base, end)` (day numbers). */
export interface DayIndex {
  base: number;
  end: number;
  /** The range the calendar's own years cover; equal to `[base, end)` except in a statutory-estimate index. */
  coveredBase: number;
  coveredEnd: number;
  /** True when days outside `[coveredBase, coveredEnd)` come from the statutory estimate. */
  estimated: boolean;
  kind: Uint8Array;
  /** For holidays: index into `blocks`; make-up days: the notice year; extra working days: the layer index; otherwise -1. */
  ref: Int32Array;
  blocks: IndexedBlock[];
  /** `prefix[i]` = working days in `[base, base + i)`. */
  prefix: Int32Array;
  /** Day numbers of every covered working day, ascending. */
  workdays: Int32Array;
}

/** Whether a day kind is a working day. */
export function isWorkingKind(kind: number): boolean {
  return kind === DayKind.weekday || kind === DayKind.makeUpWorkday || kind === DayKind.extraWorkday;
}

const cache = new WeakMap<Calendar, DayIndex>();
const estimatedCache = new WeakMap<Calendar, DayIndex>();

function build(cal: Calendar, estimated: boolean): DayIndex {
  const coveredBase = daysFromCivil(cal.firstYear, 1, 1);
  const coveredEnd = daysFromCivil(cal.lastYear + 1, 1, 1);
  const own = [...cal.years.values()].sort((a, b) => a.year - b.year);
  const guessed: CalendarYear[] = [];
  if (estimated) {
    for (let y = STATUTORY_FIRST_YEAR; y < cal.firstYear; y++) guessed.push(sharedEstimate(y));
    for (let y = Math.max(cal.lastYear + 1, STATUTORY_FIRST_YEAR); y <= STATUTORY_LAST_YEAR; y++) {
      guessed.push(sharedEstimate(y));
    }
  }
  const firstYear = Math.min(cal.firstYear, guessed[0]?.year ?? cal.firstYear);
  const lastYear = Math.max(cal.lastYear, guessed[guessed.length - 1]?.year ?? cal.lastYear);
  const base = daysFromCivil(firstYear, 1, 1);
  const end = daysFromCivil(lastYear + 1, 1, 1);
  const size = end - base;
  const kind = new Uint8Array(size);
  const ref = new Int32Array(size).fill(-1);
  const blocks: IndexedBlock[] = [];
  for (let i = 0; i < size; i++) kind[i] = isWeekend(base + i) ? DayKind.weekend : DayKind.weekday;
  const mark = (from: number, to: number, k: number, r: number) => {
    for (let d = Math.max(from, base); d <= Math.min(to, end - 1); d++) {
      kind[d - base] = k;
      ref[d - base] = r;
    }
  };
  // Estimated years first, so a notice's own days (a 元旦 block spilling into the next year) win over the estimate.
  for (const y of [...guessed, ...own]) {
    for (const b of y.holidays) {
      blocks.push({ block: b, source: b.source ?? y.source });
      mark(toEpochDay(b.start), toEpochDay(b.end), DayKind.holiday, blocks.length - 1);
    }
    for (const m of y.makeUpWorkdays) mark(toEpochDay(m), toEpochDay(m), DayKind.makeUpWorkday, y.year);
  }
  cal.layers.forEach((layer, li) => {
    for (const b of layer.extraHolidays) {
      blocks.push({ block: b, source: b.source ?? `${layer.id}@${layer.version}` });
      mark(toEpochDay(b.start), toEpochDay(b.end), DayKind.holiday, blocks.length - 1);
    }
    for (const w of layer.extraWorkdays) mark(toEpochDay(w), toEpochDay(w), DayKind.extraWorkday, li);
  });
  const prefix = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) prefix[i + 1] = (prefix[i] as number) + (isWorkingKind(kind[i] as number) ? 1 : 0);
  const workdays = new Int32Array(prefix[size] as number);
  for (let i = 0, j = 0; i < size; i++) if (isWorkingKind(kind[i] as number)) workdays[j++] = base + i;
  return { base, end, coveredBase, coveredEnd, estimated, kind, ref, blocks, prefix, workdays };
}

/** The lookup tables of a calendar, built once and cached per calendar object. */
export function dayIndexOf(cal: Calendar): DayIndex {
  let idx = cache.get(cal);
  if (idx === undefined) {
    idx = build(cal, false);
    cache.set(cal, idx);
  }
  return idx;
}

/**
 * The lookup tables of a calendar completed by the statutory estimate for every year it does not cover (2008–2099),
 * built once per calendar on first use (about 90 estimated years, a few milliseconds).
 */
function estimatedIndexOf(cal: Calendar): DayIndex {
  let idx = estimatedCache.get(cal);
  if (idx === undefined) {
    idx = build(cal, true);
    estimatedCache.set(cal, idx);
  }
  return idx;
}

/** The index a computation with these coverage options runs on. */
export function indexFor(cal: Calendar, uncovered: string | undefined): DayIndex {
  return uncovered === 'statutory' ? estimatedIndexOf(cal) : dayIndexOf(cal);
}
