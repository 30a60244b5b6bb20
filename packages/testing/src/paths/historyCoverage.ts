import type { StoredEvent } from '@banli/sdk';
import type { AnyStateMachine } from 'xstate';
import { type CoverageReport, coverageReport } from './coverage.js';
import { transitionIds } from './graph.js';

// Events the coordinator derives from others, so they never appear in a stored log under their own name.
const DERIVED = new Set([
  'case.accepted',
  'case.reassigned',
  'case.replied',
  'case.closed',
  'case.terminate',
  'always',
]);

/** The active state node ids of a state value, e.g. `{ lifecycle: 'handling' }` → `case`, `case.lifecycle`, `case.lifecycle.handling`. */
export function activeIdsOfValue(machineId: string, value: unknown): string[] {
  const out = [machineId];
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'string') out.push(`${prefix}.${v}`);
    else if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) {
        out.push(`${prefix}.${k}`);
        walk(`${prefix}.${k}`, child);
      }
  };
  walk(machineId, value);
  return out;
}

/**
 * Infers which transitions of the proposal or case machine a set of stored logs exercised (from the states before and
 * after each logged event), so a suite of SDK-level scenarios gets a coverage report without instrumenting actors.
 * Guarded alternatives with the same source, event and target are indistinguishable here and count together.
 *
 * @example
 * ```ts
 * const report = coverageFromHistory(caseMachine, 'case', [await banli.history(id)]);
 * report.transitions.missing; // transitions no scenario took
 * ```
 */
export function coverageFromHistory(
  machine: AnyStateMachine,
  kind: 'proposal' | 'case',
  histories: readonly (readonly StoredEvent[])[],
): CoverageReport {
  const edges = transitionIds(machine).map((id) => {
    const [source, event, targets] = id.split('|') as [string, string, string];
    return { id, source, event, targets: targets.split(',') };
  });
  const covered = new Set<string>();
  const states = new Set<string>();
  const visit = (type: string, before: unknown, after: unknown) => {
    const b = new Set(before === undefined ? [] : activeIdsOfValue(machine.id, before));
    const a = new Set(activeIdsOfValue(machine.id, after));
    for (const s of a) states.add(s);
    if (before === undefined) return;
    const changed = [...a].some((s) => !b.has(s));
    for (const e of edges) {
      if (!b.has(e.source) || !e.targets.every((t) => a.has(t))) continue;
      const self = e.targets.length === 1 && e.targets[0] === e.source;
      if (e.event === type || (DERIVED.has(e.event) && changed && !self)) covered.add(e.id);
    }
  };
  for (const log of histories)
    for (const entry of log) {
      const before = (entry.stateBefore ?? {}) as { proposal?: unknown; cases?: Record<string, unknown> };
      const after = (entry.stateAfter ?? {}) as { proposal?: unknown; cases?: Record<string, unknown> };
      if (kind === 'proposal') {
        if (after.proposal !== undefined) visit(entry.type, before.proposal, after.proposal);
      } else
        for (const [caseId, value] of Object.entries(after.cases ?? {}))
          visit(entry.type, before.cases?.[caseId], value);
    }
  return coverageReport(machine, covered, states);
}
