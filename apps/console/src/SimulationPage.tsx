import { useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import { type Lang, messages } from './i18n.js';

interface UnitFigure {
  unitId: string;
  onTimeRate?: number | null;
}
interface SimulationResult {
  seed: number;
  year: number;
  proposals: number;
  misses: unknown[];
  statistics: {
    totals: { onTimeRate: number | null; final: { rate: number | null } };
    units?: UnitFigure[];
  };
}

const pct = (x: number | null | undefined) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');

/** Runs a seeded simulation on the server and charts its on-time rate per unit as bars. */
export function SimulationPage({ lang, actor }: { lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [form, setForm] = useState({ proposals: '100', seed: '7', year: '2025' });
  const [result, setResult] = useState<SimulationResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await api<SimulationResult>('/v1/simulations', {
          actor,
          lang,
          method: 'POST',
          body: { proposals: Number(form.proposals), seed: Number(form.seed), year: Number(form.year) },
        }),
      );
    } catch (e) {
      setError(e instanceof ApiProblem ? (e.problem.messages?.[lang] ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const units = result?.statistics.units ?? [];
  return (
    <section aria-labelledby="sim-h">
      <h2 id="sim-h">{t.simulation}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        {(['proposals', 'seed', 'year'] as const).map((k) => (
          <label key={k}>
            {t[k]}{' '}
            <input name={k} type="number" value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
          </label>
        ))}
        <button type="submit" disabled={busy}>
          {t.runSimulation}
        </button>
      </form>
      {busy && <p>{t.loading}</p>}
      {error && <p role="alert">{error}</p>}
      {result && (
        <div data-testid="simulation-result">
          <p>
            {t.onTimeRate}: <strong>{pct(result.statistics.totals.onTimeRate)}</strong> · {t.satisfaction}:{' '}
            <strong>{pct(result.statistics.totals.final.rate)}</strong> · {t.misses}: {result.misses.length}
          </p>
          <figure>
            <figcaption>{t.perUnit}</figcaption>
            <svg role="img" aria-label={t.perUnit} width="640" height={units.length * 28 + 10} data-testid="unit-chart">
              {units.map((u, i) => (
                <g key={u.unitId} transform={`translate(0, ${i * 28 + 5})`}>
                  <text x="0" y="16" fontSize="13">
                    {u.unitId}
                  </text>
                  <rect x="160" y="2" height="18" width={Math.max(1, (u.onTimeRate ?? 0) * 400)} fill="#1565c0" />
                  <text x={170 + (u.onTimeRate ?? 0) * 400} y="16" fontSize="13">
                    {pct(u.onTimeRate)}
                  </text>
                </g>
              ))}
            </svg>
          </figure>
        </div>
      )}
    </section>
  );
}
