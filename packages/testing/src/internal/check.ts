import { caseIdFor } from '@banli/core';
import type { BanliNotification } from '@banli/sdk';
import type { TestHarness } from '../harness.js';
import type { TimelineEntry } from '../runScenario.js';
import type { Expectation, FinalExpectation } from '../scenario.js';
import { mainPath, pathMatches } from './statePath.js';

/** What a run observed, for the final checks. */
export interface Observed {
  letters: Record<string, { docNumber: string; class: string }>;
  notifications: BanliNotification[];
}

/** Checks a step's expectation against the store; returns failure lines. */
export async function checkExpectation(
  h: TestHarness,
  id: string,
  e: Expectation,
  entry: TimelineEntry | undefined,
  where: string,
): Promise<string[]> {
  const out: string[] = [];
  const fail = (msg: string) => out.push(`${where}: ${msg}`);
  if (entry) {
    if (e.refused !== undefined && entry.refused !== e.refused)
      fail(`expected refusal ${e.refused}, got ${entry.refused ?? 'acceptance'}`);
    if (e.refused === undefined && entry.refused !== undefined) fail(`${entry.event} was refused (${entry.refused})`);
    for (const type of e.emitted ?? [])
      if (!entry.emitted.includes(type)) fail(`expected ${type} among [${entry.emitted.join(', ')}]`);
  }
  if (e.proposal === undefined && e.cases === undefined && e.deadlines === undefined) return out;
  const view = await h.banli.get(id);
  const proposal = mainPath(view.state.proposal);
  if (e.proposal !== undefined && !pathMatches(proposal, e.proposal))
    fail(`proposal is ${proposal}, expected ${e.proposal}`);
  for (const [unit, expected] of Object.entries(e.cases ?? {})) {
    const c = view.cases.find((x) => x.caseId === caseIdFor(id, unit));
    const actual = c ? mainPath(c.value) : 'missing';
    if (!pathMatches(actual, expected)) fail(`case ${unit} is ${actual}, expected ${expected}`);
  }
  if (e.deadlines) {
    const all = await h.banli.deadlines(id);
    for (const d of e.deadlines) {
      const found = all.find(
        (x) =>
          x.kind === d.kind &&
          (d.unit === undefined || x.caseId === caseIdFor(id, d.unit)) &&
          (d.due === undefined || x.due === d.due) &&
          (d.status === undefined || x.status === d.status),
      );
      if (!found)
        fail(
          `no ${d.kind} deadline${d.unit ? ` of ${d.unit}` : ''}${d.due ? ` due ${d.due}` : ''}${d.status ? ` (${d.status})` : ''}`,
        );
    }
  }
  return out;
}

/** Checks the scenario's final expectation. */
export async function checkFinal(h: TestHarness, id: string, e: FinalExpectation, seen: Observed): Promise<string[]> {
  const out = await checkExpectation(h, id, e, undefined, 'then');
  for (const [unit, want] of Object.entries(e.letters ?? {})) {
    const got = seen.letters[caseIdFor(id, unit)];
    if (!got) out.push(`then: no letter from ${unit}`);
    else if ((want.docNumber && got.docNumber !== want.docNumber) || (want.class && got.class !== want.class))
      out.push(`then: letter of ${unit} is ${got.docNumber} class ${got.class}`);
  }
  if (e.missedDeadlines !== undefined) {
    const missed = seen.notifications.filter((n) => n.type === 'deadline.missed').length;
    if (missed !== e.missedDeadlines) out.push(`then: ${missed} deadlines missed, expected ${e.missedDeadlines}`);
  }
  return out;
}
