import { addCalendarDays, addWorkingDays, chinaMainland } from '@banli/calendar';
import { fmtStat, msSince, stat } from '../harness.js';
import type { Section } from '../report.js';

/** Options of the calendar measurement. */
export interface CalendarOptions {
  runs: number;
  /** Milliseconds per run. */
  ms: number;
}

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) dates.push(d);
  return dates;
}

function rate(o: CalendarOptions, dates: string[], fn: (d: string) => string) {
  const measure = () => {
    let ops = 0;
    let sink = 0;
    const t0 = process.hrtime.bigint();
    do {
      for (const d of dates) sink += fn(d).length;
      ops += dates.length;
    } while (msSince(t0) < o.ms);
    if (sink === 0) throw new Error('nothing computed');
    return (ops / msSince(t0)) * 1000;
  };
  measure();
  const s = stat(Array.from({ length: o.runs }, measure));
  const m = (x: number) => x / 1e6;
  return { median: m(s.median), min: m(s.min), max: m(s.max), runs: s.runs };
}

/**
 * `addWorkingDays(chinaMainland, date, 20)` per second over every start date 2015-01-01…2026-10-31 (covered years), and
 * beside it the statutory estimate (`uncovered: 'statutory'`) over every start date 2027-01-01…2030-12-31.
 */
export function calendar(o: CalendarOptions): Section {
  const covered = datesBetween('2015-01-01', '2026-10-31');
  const estimated = datesBetween('2027-01-01', '2030-12-31');
  const ms = rate(o, covered, (d) => addWorkingDays(chinaMainland, d, 20));
  const statutory = { uncovered: 'statutory' } as const;
  const est = rate(o, estimated, (d) => addWorkingDays(chinaMainland, d, 20, statutory));
  return {
    title: '6. Calendar',
    intro: `\`addWorkingDays(chinaMainland, date, 20)\` over ${covered.length} start dates (2015-01-01…2026-10-31), and with \`{ uncovered: 'statutory' }\` over ${estimated.length} start dates (2027-01-01…2030-12-31, the statutory estimate), ${o.runs} runs of ${o.ms} ms after a warm-up.`,
    header: ['operation', 'M ops/s median (min–max)'],
    rows: [
      ['`addWorkingDays(cal, date, 20)`', fmtStat(ms, 2)],
      ["`addWorkingDays(cal, date, 20, { uncovered: 'statutory' })` (2027–2030)", fmtStat(est, 2)],
    ],
    targets: [
      {
        name: 'addWorkingDays(…, 20) per second',
        measured: `${fmtStat(ms, 2)} M/s`,
        target: '≥ 1M/s',
        met: ms.median >= 1,
      },
    ],
  };
}
