import { useState } from 'react';
import type { ActorChoice } from './api.js';
import { fill, type Lang, messages } from './i18n.js';
import { barLength, classSegments, percent, yearQuery } from './statsCharts.js';
import { unitDisplayName, useUnitNames } from './unitNames.js';
import { useApi } from './useApi.js';

interface Satisfaction {
  rate: number | null;
  total: number;
}
interface Figures {
  cases: number;
  decided: number;
  repliedOnTime: number;
  onTimeRate: number | null;
  final: Satisfaction;
  classes: Record<string, number>;
}
interface Statistics {
  from: string;
  to: string;
  asOf: string;
  totals: Figures;
  units: (Figures & { unitId: string; rank?: number })[];
}

const CLASS_COLOURS: Record<string, string> = { A: '#1565c0', B: '#2e7d32', C: '#b45309', D: '#6a1b9a' };
const ON_TIME = '#1565c0';
const SATISFIED = '#2e7d32';
const BAR = 360;
/** Height of one unit's rows in the per-unit chart: its name on a line of its own, then its two bars. */
const UNIT_ROW = 60;

/** Two bars, 0–100%: the on-time rate and the satisfaction rate of one group of cases. */
function RateBars({ figures, labels, testId }: { figures: Figures; labels: [string, string]; testId: string }) {
  const rows = [
    { name: 'onTime', label: labels[0], value: figures.onTimeRate, colour: ON_TIME },
    { name: 'satisfaction', label: labels[1], value: figures.final.rate, colour: SATISFIED },
  ];
  return (
    <svg
      role="img"
      aria-label={rows.map((r) => `${r.label} ${percent(r.value)}`).join(', ')}
      width={BAR + 220}
      height={64}
      data-testid={testId}
    >
      {rows.map((r, i) => (
        <g key={r.name} transform={`translate(0, ${i * 30 + 4})`}>
          <rect x="150" y="2" width={BAR} height="20" fill="#eee" />
          <rect x="150" y="2" width={barLength(r.value, BAR)} height="20" fill={r.colour} data-rate={r.name} />
          <text x="0" y="17" fontSize="13">
            {r.label}
          </text>
          <text x={BAR + 158} y="17" fontSize="13">
            {percent(r.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A year's statistics as charts: 按时办复率 and 满意率, the class mix, and both rates per unit (with a table). */
export function StatisticsPage({ lang, actor }: { lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [draft, setDraft] = useState(String(new Date().getFullYear() - 1));
  const [year, setYear] = useState(Number(draft));
  const { data, error, loading } = useApi<Statistics>(yearQuery(year), actor, lang);
  const segments = data ? classSegments(data.totals.classes, BAR * 1.5) : [];
  const units = data?.units ?? [];
  const names = useUnitNames(
    units.map((u) => u.unitId),
    actor,
    lang,
  );
  return (
    <section aria-labelledby="stats-h">
      <h2 id="stats-h">{t.statistics}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const y = Number(draft);
          if (Number.isInteger(y)) setYear(y);
        }}
      >
        <label>
          {t.year}{' '}
          <input
            name="year"
            type="number"
            min={2000}
            max={2099}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <button type="submit">{t.show}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {loading && <p>{t.loading}</p>}
      {data && (
        <div data-testid="statistics">
          <p>
            {fill(t.statsPeriod, { from: data.from, to: data.to, asOf: data.asOf })} · {t.cases}:{' '}
            <strong data-testid="stats-cases">{data.totals.cases}</strong> · {t.onTimeRate}:{' '}
            <strong data-testid="stats-on-time">{percent(data.totals.onTimeRate)}</strong> · {t.satisfaction}:{' '}
            <strong data-testid="stats-satisfaction">{percent(data.totals.final.rate)}</strong>
          </p>
          {data.totals.cases === 0 ? (
            <p>{t.noStatistics}</p>
          ) : (
            <>
              <figure>
                <figcaption>{t.yearRates}</figcaption>
                <RateBars figures={data.totals} labels={[t.onTimeRate, t.satisfaction]} testId="rate-chart" />
              </figure>
              <figure>
                <figcaption>{t.classMix}</figcaption>
                <svg
                  role="img"
                  aria-label={`${t.classMix}: ${segments.map((s) => `${fill(t.classMark, { mark: s.mark })} ${s.count} (${percent(s.share)})`).join(', ')}`}
                  width={BAR * 1.5 + 10}
                  height={60}
                  data-testid="class-chart"
                >
                  {segments.map((s) => (
                    <rect
                      key={s.mark}
                      x={s.x}
                      y="0"
                      width={s.width}
                      height="24"
                      fill={CLASS_COLOURS[s.mark] ?? '#555'}
                      data-class={s.mark}
                    />
                  ))}
                  {segments.map((s, i) => (
                    <g key={`l-${s.mark}`} transform={`translate(${i * 150}, 32)`}>
                      <rect width="14" height="14" y="4" fill={CLASS_COLOURS[s.mark] ?? '#555'} />
                      <text x="20" y="16" fontSize="13">
                        {fill(t.classMark, { mark: s.mark })} {s.count} ({percent(s.share)})
                      </text>
                    </g>
                  ))}
                </svg>
              </figure>
              <figure>
                <figcaption>{t.perUnitRates}</figcaption>
                <svg
                  role="img"
                  aria-label={`${t.perUnitRates}: ${units
                    .map(
                      (u) =>
                        `${unitDisplayName(u.unitId, names, lang)} ${t.onTimeRate} ${percent(u.onTimeRate)} ${t.satisfaction} ${percent(u.final.rate)}`,
                    )
                    .join(lang === 'zh-CN' ? '；' : '; ')}`}
                  width={BAR + 300}
                  height={units.length * UNIT_ROW + 10}
                  data-testid="unit-stats-chart"
                >
                  {units.map((u, i) => (
                    <g key={u.unitId} transform={`translate(0, ${i * UNIT_ROW + 4})`} data-unit={u.unitId}>
                      <text x="0" y="14" fontSize="13" data-unit-name="">
                        {unitDisplayName(u.unitId, names, lang)}
                      </text>
                      <rect x="0" y="20" width={barLength(u.onTimeRate, BAR)} height="16" fill={ON_TIME} />
                      <text x={8 + barLength(u.onTimeRate, BAR)} y="33" fontSize="12">
                        {percent(u.onTimeRate)}
                      </text>
                      <rect x="0" y="38" width={barLength(u.final.rate, BAR)} height="16" fill={SATISFIED} />
                      <text x={8 + barLength(u.final.rate, BAR)} y="51" fontSize="12">
                        {percent(u.final.rate)}
                      </text>
                    </g>
                  ))}
                </svg>
                <p className="legend">
                  <span className="swatch" style={{ background: ON_TIME }} /> {t.onTimeRate}{' '}
                  <span className="swatch" style={{ background: SATISFIED }} /> {t.satisfaction}
                </p>
              </figure>
              <table data-testid="unit-table">
                <caption>{t.perUnitRates}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.unit}</th>
                    <th scope="col">{t.cases}</th>
                    <th scope="col">{t.onTimeRate}</th>
                    <th scope="col">{t.satisfaction}</th>
                    <th scope="col">{t.classMix}</th>
                  </tr>
                </thead>
                <tbody>
                  {units.map((u) => (
                    <tr key={u.unitId} data-unit={u.unitId}>
                      <th scope="row">{unitDisplayName(u.unitId, names, lang)}</th>
                      <td>{u.cases}</td>
                      <td>{percent(u.onTimeRate)}</td>
                      <td>{percent(u.final.rate)}</td>
                      <td>
                        {Object.entries(u.classes)
                          .sort()
                          .map(([m, n]) => `${fill(t.classMark, { mark: m })} ${n}`)
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </section>
  );
}
