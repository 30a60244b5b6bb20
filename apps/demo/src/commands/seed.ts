import { fixtures } from '@banli/schemas';
import { runScenario, type ScenarioRun, seedCase132402, type TestHarness, type TimelineEntry } from '@banli/testing';
import { type Lang, messages } from '../i18n.js';
import { actorText, deadlineText, eventText, stateText } from '../ui/labels.js';
import { displayWidth, pad, percent } from '../ui/text.js';

/** Short display names of the seed case's units and proposers. */
export function names(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of Object.values(fixtures.seedUnits) as { id: string; name: string; shortName?: string }[])
    out[u.id] = u.shortName ?? u.name;
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

/** Formats a timeline: one line per step (date, actor, event, state), then the deadlines it set. */
export function formatTimeline(timeline: readonly TimelineEntry[], lang: Lang): string {
  const t = messages[lang];
  const who = names();
  const rows = timeline.map((e) => {
    const actor = e.actor ? actorText(e.actor, lang, who) : t.scheduler;
    const event = e.event === 'tick' ? t.tick : `${eventText(e.event, lang)} (${e.event})`;
    const caseState = e.caseId ? e.cases[e.caseId] : undefined;
    const colon = lang === 'zh-CN' ? '：' : ': ';
    const state =
      `${t.proposal}${colon}${stateText('proposal', e.proposal, lang)}` +
      (caseState ? `  ${t.case}${colon}${stateText('case', caseState, lang)}` : '');
    const extra = [
      ...(e.emitted.includes('deadline.missed') ? [`⚠ ${t.missed}`] : []),
      ...(e.refused ? [`✗ ${e.refused}`] : []),
    ];
    return { date: e.date, actor, event, state: [state, ...extra].join(' '), deadlines: deadlinesText(e, lang) };
  });
  const wActor = Math.max(...rows.map((r) => displayWidth(r.actor)));
  const wEvent = Math.max(...rows.map((r) => displayWidth(r.event)));
  const indent = ' '.repeat(12);
  const lines = rows.map((r) => {
    const head = `${r.date}  ${pad(r.actor, wActor)}  ${pad(r.event, wEvent)}  ${r.state}`;
    return r.deadlines ? `${head}\n${indent}${t.deadlines}${lang === 'zh-CN' ? '：' : ': '}${r.deadlines}` : head;
  });
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

/** Runs the seed case (in the given harness, e.g. one on a PGlite store) and prints its timeline, the reply letter and its statistics. */
export async function seedCommand(lang: Lang, out: (text: string) => void, harness?: TestHarness): Promise<number> {
  const t = messages[lang];
  const run = await runScenario(seedCase132402, harness ? { harness } : {});
  const rule = '═'.repeat(72);
  out(`${seedCase132402.title[lang]}\n${rule}\n${t.timeline}\n${rule}`);
  out(formatTimeline(run.timeline, lang));
  for (const letter of Object.values(run.letters))
    out(`${rule}\n${t.letter} ${letter.docNumber}\n${rule}\n${letter.text}`);
  out(`${rule}\n${t.statistics}\n${rule}\n${formatCaseStatistics(run, lang)}`);
  return run.failures.length === 0 ? 0 : 1;
}
