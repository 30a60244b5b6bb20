import type { Bilingual } from '@banli/schemas';

/** One day cell of a month calendar. */
export interface DayCell {
  date: string;
  /** In the shown month (else a leading or trailing day of the neighbours). */
  inMonth: boolean;
  weekend: boolean;
  /** The rest period it belongs to, if any. */
  holiday?: string;
  /** A weekend day worked instead (调休). */
  makeUp: boolean;
}

/** A year's arrangement as `GET /v1/calendar/years/{year}` gives it. */
export interface YearArrangement {
  year: number;
  holidays: { name: string; label?: Bilingual; start: string; end: string }[];
  makeUpWorkdays: string[];
  estimated?: boolean;
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The weeks (Monday first) covering a month, each day marked as holiday, 调休 working day or weekend. */
export function monthGrid(
  year: number,
  month: number,
  arrangement?: YearArrangement,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): DayCell[][] {
  const first = Date.UTC(year, month - 1, 1);
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const start = first - lead * 86_400_000;
  const weeks: DayCell[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: DayCell[] = [];
    for (let d = 0; d < 7; d++) {
      const t = start + (w * 7 + d) * 86_400_000;
      const date = iso(t);
      const block = arrangement?.holidays.find((h) => h.start <= date && date <= h.end);
      week.push({
        date,
        inMonth: new Date(t).getUTCMonth() === month - 1,
        weekend: d >= 5,
        ...(block ? { holiday: block.label?.[lang] ?? block.name } : {}),
        makeUp: arrangement?.makeUpWorkdays.includes(date) ?? false,
      });
    }
    if (w >= 4 && !week.some((c) => c.inMonth)) break;
    weeks.push(week);
  }
  return weeks;
}
