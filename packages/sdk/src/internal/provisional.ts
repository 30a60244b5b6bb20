import { type Deadline, formatChineseDate } from '@banli/core';
import type { Bilingual } from '@banli/schemas';

/** The tag a proposal carries while one of its pending deadlines rests on an estimate (a year without its notice). */
export const PROVISIONAL_TAG = 'provisional';

/** Why a deadline is provisional, as shown in views and notifications. */
export interface ProvisionalNote {
  /** `statutoryEstimate`: computed past the calendar's last holiday notice, from the statutory holiday rules. */
  code: 'statutoryEstimate';
  /** The calendar the estimate was computed with. */
  calendar: { id: string; version: string };
  messages: Bilingual;
}

/** The note for a provisional deadline (reminders, misses and escalations fired on a provisional date carry it). */
export function provisionalNote(d: Pick<Deadline, 'due' | 'calendarId' | 'calendarVersion'>): ProvisionalNote {
  return {
    code: 'statutoryEstimate',
    calendar: { id: d.calendarId, version: d.calendarVersion },
    messages: {
      'zh-CN': `临时期限：届满日 ${formatChineseDate(d.due)} 所在年度的国务院放假通知尚未收入日历 ${d.calendarId}@${d.calendarVersion}，按《全国年节及纪念日放假办法》推算（未含调休）；通知公布并补入日历后将重新计算，期限可能变动。`,
      en: `Provisional deadline: the State Council holiday notice for the year of ${d.due} is not yet in calendar ${d.calendarId}@${d.calendarVersion}, so the date is estimated from the statutory holiday rules (no make-up days); it is recomputed, and may move, once the notice is added.`,
    },
  };
}

/** Whether a pending deadline rests on an estimate. */
export function hasProvisional(deadlines: readonly Deadline[]): boolean {
  return deadlines.some(
    (d) => d.provisional && d.closedAt === undefined && (d.status === 'open' || d.status === 'missed'),
  );
}
