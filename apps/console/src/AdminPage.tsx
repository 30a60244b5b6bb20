import { useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import { fill, type Lang, messages } from './i18n.js';

interface DeadlineKey {
  streamId: string;
  deadlineId: string;
  due: string;
}
/** `POST /v1/admin/tick`'s answer (the SDK's `TickReport`). */
interface TickReport {
  now: string;
  fired: DeadlineKey[];
  skipped: DeadlineKey[];
  full: DeadlineKey[];
  reminders: number;
  escalations: number;
}

/**
 * The admin page: runs the scheduler's tick (`POST /v1/admin/tick`) for a business date, as the chosen actor. The
 * server decides who may (roles `system` and `committee` by default); a refusal is shown as the server words it.
 */
export function AdminPage({ lang, actor }: { lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [now, setNow] = useState('');
  const [report, setReport] = useState<TickReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await api<TickReport>('/v1/admin/tick', { actor, lang, method: 'POST', body: now ? { now } : {} }));
    } catch (e) {
      setError(e instanceof ApiProblem ? (e.problem.messages?.[lang] ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="admin-h">
      <h2 id="admin-h">{t.admin}</h2>
      <form
        aria-labelledby="tick-h"
        data-testid="tick-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h3 id="tick-h">{t.tick}</h3>
        <p>{t.tickHelp}</p>
        <label>
          {t.tickDate} <input name="now" type="date" value={now} onChange={(e) => setNow(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>
          {t.runTick}
        </button>
        {busy && <p>{t.loading}</p>}
        {error && <p role="alert">{error}</p>}
      </form>
      {report && (
        <div data-testid="tick-report" data-now={report.now} role="status">
          <p>
            {fill(t.tickReport, {
              now: report.now,
              fired: report.fired.length,
              skipped: report.skipped.length,
              full: report.full.length,
              reminders: report.reminders,
              escalations: report.escalations,
            })}
          </p>
          {report.fired.length > 0 && (
            <table>
              <caption>{t.tickFired}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.id}</th>
                  <th scope="col">{t.deadlines}</th>
                  <th scope="col">{t.due}</th>
                </tr>
              </thead>
              <tbody>
                {report.fired.map((d) => (
                  <tr key={`${d.streamId}/${d.deadlineId}`}>
                    <td>
                      <a href={`#/items/${encodeURIComponent(d.streamId)}`}>{d.streamId}</a>
                    </td>
                    <td>{d.deadlineId}</td>
                    <td>{d.due}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
