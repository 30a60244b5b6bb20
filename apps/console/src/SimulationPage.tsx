import { useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import { type Lang, messages } from './i18n.js';
import { unitDisplayName, useUnitNames } from './unitNames.js';

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

/** Height of one unit's rows in the chart: its name, then its bar. */
const ROW = 40;

const pct = (x: number | null | undefined) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');

/** Runs a seeded simulation on the server and charts its on-time rate per unit as bars, units by name. */
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
  // The simulated units by name in the chosen language (`GET /v1/units`, as the statistics page); the id while unknown.
  const names = useUnitNames(
    units.map((u) => u.unitId),
    actor,
    lang,
  );
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
            <svg
              role="img"
              aria-label={`${t.perUnit}: ${units.map((u) => `${unitDisplayName(u.unitId, names, lang)} ${pct(u.onTimeRate)}`).join('; ')}`}
              width="640"
              height={units.length * ROW + 10}
              data-testid="unit-chart"
            >
              {units.map((u, i) => (
                <g key={u.unitId} transform={`translate(0, ${i * ROW + 5})`} data-unit={u.unitId}>
                  {/* The name on a line of its own: a unit's full name may be longer than the chart's margin. */}
                  <text x="0" y="13" fontSize="13" data-unit-name="">
                    {unitDisplayName(u.unitId, names, lang)}
                  </text>
                  <rect x="0" y="18" height="16" width={Math.max(1, (u.onTimeRate ?? 0) * 500)} fill="#1565c0" />
                  <text x={10 + (u.onTimeRate ?? 0) * 500} y="31" fontSize="13">
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
