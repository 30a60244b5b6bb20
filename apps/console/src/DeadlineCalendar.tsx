import type { Bilingual } from '@banli/schemas';
import { useState } from 'react';
import type { ActorChoice } from './api.js';
import { type Lang, messages } from './i18n.js';
import { monthGrid, type YearArrangement } from './monthGrid.js';
import { useApi } from './useApi.js';

/** A deadline as `GET /v1/proposals/{id}/deadlines` gives it. */
export interface DeadlineItem {
  id: string;
  kind: string;
  due: string;
  status: string;
  provisional: boolean;
  caseId?: string;
  label: Bilingual;
  explanation: Bilingual;
}

/** The deadlines on a month calendar with holidays, 调休 working days and provisional due dates; click for why. */
export function DeadlineCalendar({
  lang,
  actor,
  deadlines,
}: {
  lang: Lang;
  actor: ActorChoice;
  deadlines: readonly DeadlineItem[];
}) {
  const t = messages[lang];
  const first = deadlines.find((d) => d.status === 'open') ?? deadlines[0];
  const [shown, setShown] = useState<{ year: number; month: number }>();
  const [open, setOpen] = useState<string>();
  const base =
    shown ?? (first ? { year: Number(first.due.slice(0, 4)), month: Number(first.due.slice(5, 7)) } : undefined);
  const year = useApi<YearArrangement>(base ? `/v1/calendar/years/${base.year}` : undefined, actor, lang);
  if (!base) return null;
  const weeks = monthGrid(base.year, base.month, year.data?.year === base.year ? year.data : undefined, lang);
  const move = (k: number) => {
    const m = base.month - 1 + k;
    setShown({ year: base.year + Math.floor(m / 12), month: (((m % 12) + 12) % 12) + 1 });
  };
  const chosen = deadlines.find((d) => d.id === open);
  const heading = `${base.year}-${String(base.month).padStart(2, '0')}`;
  return (
    <section aria-labelledby="calendar-h">
      <h3 id="calendar-h">{t.calendar}</h3>
      <div className="month-nav">
        <button type="button" onClick={() => move(-1)}>
          {t.prevMonth}
        </button>
        <strong data-testid="month">{heading}</strong>
        <button type="button" onClick={() => move(1)}>
          {t.nextMonth}
        </button>
      </div>
      {year.data?.estimated && <p>{t.estimated}</p>}
      <table className="calendar" data-testid="calendar">
        <caption>
          {t.calendar} {heading}
        </caption>
        <thead>
          <tr>
            {t.weekdays.split(',').map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.date}>
              {week.map((c) => {
                const due = deadlines.filter((d) => d.due === c.date);
                const cls = [
                  c.inMonth ? '' : 'out',
                  c.holiday ? 'holiday' : '',
                  c.makeUp ? 'makeup' : '',
                  c.weekend && !c.makeUp ? 'weekend' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={c.date} className={cls} data-date={c.date}>
                    <span className="day">{Number(c.date.slice(8))}</span>
                    {c.holiday && <span className="tag">{c.holiday}</span>}
                    {c.makeUp && <span className="tag">{t.makeUp}</span>}
                    {due.map((d) => (
                      <button
                        type="button"
                        key={d.id}
                        className={d.provisional ? 'due provisional' : 'due'}
                        title={d.explanation[lang]}
                        aria-expanded={open === d.id}
                        onClick={() => setOpen(open === d.id ? undefined : d.id)}
                      >
                        {d.provisional ? t.provisionalDue : t.due}: {d.label[lang]}
                      </button>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {chosen && (
        <p data-testid="explanation" aria-live="polite">
          <strong>{chosen.label[lang]}</strong> ({chosen.due}): {chosen.explanation[lang]}
        </p>
      )}
      <h4>{t.deadlines}</h4>
      <ul>
        {deadlines.map((d) => (
          <li key={d.id}>
            {d.label[lang]} — {d.due} ({d.status}
            {d.provisional ? `, ${t.provisionalDue}` : ''})
          </li>
        ))}
      </ul>
    </section>
  );
}
