import type { Bilingual } from '@banli/schemas';
import { fixtures } from '@banli/schemas/fixtures';
import { defaultUnits, type ScenarioRun, type TimelineEntry } from '@banli/testing';
import { type Lang, messages } from '../i18n.js';
import { actorText, deadlineText, eventText, stateText } from './labels.js';
import { displayWidth, pad, percent } from './text.js';

type Unit = { id: string; name: string; shortName?: string; label?: Bilingual };

/**
 * Display names of the units and proposers the demo knows: the seed case's (short names, as its letter uses them)
 * and the simulator's default units (their label in the language).
 */
export function names(lang: Lang = 'zh-CN'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of Object.values(fixtures.seedUnits) as Unit[])
    out[u.id] = lang === 'zh-CN' ? (u.shortName ?? u.name) : (u.label?.en ?? u.name);
  for (const { unit } of defaultUnits as readonly { unit: Unit }[]) out[unit.id] = unit.label?.[lang] ?? unit.name;
  for (const p of fixtures.seedProposal132402.proposers) out[p.id] = p.name;
  return out;
}

function deadlinesText(entry: TimelineEntry, lang: Lang): string {
  const groups = new Map<string, number>();
  for (const d of entry.deadlines) {
    const key = `${deadlineText(d.kind, lang)} ${d.previousDue ? `${d.previousDue}→` : ''}${d.due}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(lang === 'zh-CN' ? '；' : '; ');
}

/**
 * Formats a timeline within `width` columns (East Asian characters count two): one line per step (date, actor,
 * event, state; the state on a second line when a step would not fit), then the deadlines it set, wrapped. With
 * `kind`, the proposer and the committee are named in that kind's words (代表 / 人大选联工委 for suggestions).
 */
export function formatTimeline(
  timeline: readonly TimelineEntry[],
  lang: Lang,
  width = 100,
  kind?: 'proposal' | 'suggestion',
): string {
  const t = messages[lang];
  const who = names();
  const rows = timeline.map((e) => {
    const actor = e.actor ? actorText(e.actor, lang, who, kind) : t.scheduler;
    const event = e.event === 'tick' ? t.tick : `${eventText(e.event, lang)} (${e.event})`;
    const caseState = e.caseId ? e.cases[e.caseId] : undefined;
    const c = lang === 'zh-CN' ? '：' : ': ';
    const state =
      `${t.proposal}${c}${stateText('proposal', e.proposal, lang)}` +
      (caseState ? `  ${t.case}${c}${stateText('case', caseState, lang)}` : '');
    const extra = [
      ...(e.emitted.includes('deadline.missed') ? [`⚠ ${t.missed}`] : []),
      ...(e.refused ? [`✗ ${e.refused}`] : []),
    ];
    return { date: e.date, actor, event, state: [state, ...extra].join(' '), deadlines: deadlinesText(e, lang) };
  });
  const wActor = Math.max(...rows.map((r) => displayWidth(r.actor)));
  const wEvent = Math.max(...rows.map((r) => displayWidth(r.event)));
  const indent = ' '.repeat(12);
  // One line per step when every step fits the width; otherwise the state goes on a line of its own under each step.
  const oneLine = rows.every((r) => 10 + 2 + wActor + 2 + wEvent + 2 + displayWidth(r.state) <= width);
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const lines = rows.map((r) => {
    const head = oneLine
      ? `${r.date}  ${pad(r.actor, wActor)}  ${pad(r.event, wEvent)}  ${r.state}`
      : `${r.date}  ${pad(r.actor, wActor)}  ${r.event}\n${indent}${r.state}`;
    if (!r.deadlines) return head;
    return `${head}\n${wrap(`${t.deadlines}${colon}`, r.deadlines, lang === 'zh-CN' ? '；' : '; ', indent, width)}`;
  });
  return lines.join('\n');
}

/** Wraps `label` + `items` (joined by `sep`) to `width` columns, each line starting with `indent` (the items aligned). */
function wrap(label: string, items: string, sep: string, indent: string, width: number): string {
  const parts = items.split(sep);
  const hang = indent + ' '.repeat(displayWidth(label));
  const lines: string[] = [];
  let line = indent + label;
  let first = true;
  for (const [i, part] of parts.entries()) {
    const piece = part + (i < parts.length - 1 ? sep.trimEnd() : '');
    const gap = first ? '' : sep === '; ' ? ' ' : '';
    if (!first && displayWidth(line + gap + piece) > width) {
      lines.push(line);
      line = hang + piece;
    } else line += gap + piece;
    first = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Formats the SDK statistics of the run. */
export function formatCaseStatistics(run: ScenarioRun, lang: Lang): string {
  const t = messages[lang];
  const s = run.statistics.totals;
  const classes =
    Object.entries(s.classes)
      .map(([k, n]) => `${k}×${n}`)
      .join(' ') || t.none;
  return [
    `${t.cases}: ${s.cases}`,
    `${t.onTimeRate}: ${percent(s.onTimeRate)} (${s.repliedOnTime}/${s.decided})`,
    `${t.satisfaction}: ${percent(s.final.rate)} (${s.final.satisfied + s.final.basicallySatisfied}/${s.final.total})`,
    `${t.classMix}: ${classes}`,
    `${t.missed}: ${run.notifications.filter((n) => n.type === 'deadline.missed').length}`,
  ].join('\n');
}
