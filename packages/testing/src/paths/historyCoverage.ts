import type { LoggedTransition, StoredEvent } from '@banli/sdk';
import type { AnyStateMachine } from 'xstate';
import { type CoverageReport, coverageReport } from './coverage.js';
import type { TransitionId } from './graph.js';

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

/** A logged entry that does not say which transitions ran (written before they were logged): not guessed. */
export interface UnknownHistoryEntry {
  streamId: string;
  version: number;
  /** The entry's event type. */
  type: string;
}

/** A coverage report read from stored logs, with the entries whose transitions are unknown. */
export interface HistoryCoverageReport extends CoverageReport {
  /**
   * Entries without a record of their transitions (`StoredEvent.transitions` absent: logged by an older release or
   * by a coordinator that does not report them). Their transitions count as not covered; their states still count.
   */
  unknown: UnknownHistoryEntry[];
}

/** The id of a logged transition, written as `transitionIds` writes the machine's definitions. */
export function loggedTransitionId(t: LoggedTransition): TransitionId {
  const targets = t.targets.length > 0 ? t.targets.join(',') : t.source;
  return `${t.source}|${t.eventType || 'always'}|${targets}`;
}

/**
 * Reports which transitions of the proposal or case machine a set of stored logs exercised, from the transitions the
 * engine reported each entry took (`StoredEvent.transitions`, both engines log the same), so a suite of SDK-level
 * scenarios gets a coverage report without instrumenting actors. States count from each entry's state after it.
 * Entries logged without their transitions are listed in `unknown` and credit no transition: nothing is inferred.
 *
 * @example
 * ```ts
 * const report = coverageFromHistory(caseMachine, 'case', [await banli.history(id)]);
 * report.transitions.missing; // transitions no scenario took
 * report.unknown; // entries logged before transitions were recorded
 * ```
 */
export function coverageFromHistory(
  machine: AnyStateMachine,
  kind: 'proposal' | 'case',
  histories: readonly (readonly StoredEvent[])[],
): HistoryCoverageReport {
  const covered = new Set<TransitionId>();
  const states = new Set<string>();
  const unknown: UnknownHistoryEntry[] = [];
  for (const log of histories)
    for (const entry of log) {
      const after = (entry.stateAfter ?? {}) as { proposal?: unknown; cases?: Record<string, unknown> };
      if (kind === 'proposal') {
        if (after.proposal !== undefined) for (const s of activeIdsOfValue(machine.id, after.proposal)) states.add(s);
      } else
        for (const value of Object.values(after.cases ?? {}))
          for (const s of activeIdsOfValue(machine.id, value)) states.add(s);
      if (!Array.isArray(entry.transitions)) {
        unknown.push({ streamId: entry.streamId, version: entry.version, type: entry.type });
        continue;
      }
      for (const t of entry.transitions) if (t.machine === kind) covered.add(loggedTransitionId(t));
    }
  return { ...coverageReport(machine, covered, states), unknown };
}
