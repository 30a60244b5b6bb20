import { addCalendarDays, addWorkingDays, chinaMainland } from '@banli/calendar';
import { fmtStat, msSince, stat } from '../harness.js';
import type { Section } from '../report.js';

/** Options of the calendar measurement. */
export interface CalendarOptions {
  runs: number;
  /** Milliseconds per run. */
  ms: number;
}

/** `addWorkingDays(chinaMainland, date, 20)` per second over every start date 2015-01-01…2026-10-31. */
export function calendar(o: CalendarOptions): Section {
  const dates: string[] = [];
  for (let d = '2015-01-01'; d <= '2026-10-31'; d = addCalendarDays(d, 1)) dates.push(d);
  const measure = () => {
    let ops = 0;
    let sink = 0;
    const t0 = process.hrtime.bigint();
    do {
      for (const d of dates) sink += addWorkingDays(chinaMainland, d, 20).length;
      ops += dates.length;
    } while (msSince(t0) < o.ms);
    if (sink === 0) throw new Error('nothing computed');
    return (ops / msSince(t0)) * 1000;
  };
  measure();
  const s = stat(Array.from({ length: o.runs }, measure));
  const m = (x: number) => x / 1e6;
  const ms = { median: m(s.median), min: m(s.min), max: m(s.max), runs: s.runs };
  return {
    title: '6. Calendar',
    intro: `\`addWorkingDays(chinaMainland, date, 20)\` over ${dates.length} start dates (2015-01-01…2026-10-31), ${o.runs} runs of ${o.ms} ms after a warm-up.`,
    header: ['operation', 'M ops/s median (min–max)'],
    rows: [['`addWorkingDays(cal, date, 20)`', fmtStat(ms, 2)]],
    targets: [
      {
        name: 'addWorkingDays(…, 20) per second',
        measured: `${fmtStat(ms, 2)} M/s`,
        target: '≥ 1M/s',
        met: s.median >= 1e6,
      },
    ],
  };
}
