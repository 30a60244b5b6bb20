import { defaultUnits, type SimulationResult } from '@banli/testing';
import { type Lang, messages } from '../i18n.js';
import { deadlineText } from './labels.js';
import { percent, table } from './text.js';

const classMix = (classes: Record<string, number>) =>
  Object.keys(classes)
    .sort()
    .map((k) => `${k}:${classes[k]}`)
    .join(' ');

/** Formats a simulation: the per-unit statistics table, deadline misses by kind and the slowest cases. */
export function formatSimulation(r: SimulationResult, lang: Lang, elapsedMs: number): string {
  const t = messages[lang];
  const names = new Map(defaultUnits.map((u) => [u.unit.id, u.unit.label?.[lang] ?? u.unit.name]));
  const row = (name: string, f: SimulationResult['statistics']['totals']) => [
    name,
    String(f.cases),
    percent(f.onTimeRate),
    percent(f.final.rate),
    percent(f.firstRound.rate),
    classMix(f.classes),
  ];
  const header = [t.unit, t.cases, t.onTimeRate, t.satisfaction, t.firstRound, t.classMix];
  const units = [...r.statistics.units].sort(
    (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitId.localeCompare(b.unitId),
  );
  const rows = [...units.map((u) => row(names.get(u.unitId) ?? u.unitId, u)), row(t.total, r.statistics.totals)];
  const kinds = new Map<string, number>();
  for (const m of r.misses) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
  const missLine =
    [...kinds].map(([k, n]) => `${deadlineText(k, lang)} ${n}`).join(lang === 'zh-CN' ? '，' : ', ') || t.none;
  const slow = r.cases
    .slice(0, 10)
    .map((c) => [
      c.proposalId,
      names.get(c.unitId) ?? c.unitId,
      c.openedAt,
      c.replyDue ?? '—',
      c.firstReplyAt ?? '—',
      String(c.workingDays),
    ]);
  return [
    `${t.simulated(r.proposals, r.year, r.seed)} · ${r.firstDay} – ${r.lastDay} · ${r.commands} ${t.commands} · ${t.elapsed} ${(elapsedMs / 1000).toFixed(1)} s`,
    '',
    table(header, rows),
    '',
    `${t.missed}: ${r.misses.length} (${missLine})`,
    ...(r.refused > 0 ? [`${t.refused}: ${r.refused}`] : []),
    '',
    t.slowest,
    table([t.proposalId, t.unit, t.opened, t.replyDue, t.replied, t.replyDays], slow),
  ].join('\n');
}
