import { type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';
import {
  activeStateIds,
  type ExploredStep,
  type PathEvent,
  stateIds,
  type TransitionId,
  transitionId,
  transitionIds,
} from './graph.js';

/** Which states and transitions were exercised, and which were not. */
export interface CoverageReport {
  states: { total: number; covered: number; missing: string[] };
  transitions: { total: number; covered: number; missing: TransitionId[] };
  /** covered ÷ total transitions, 0–1. */
  ratio: number;
}

/** Records the transitions actors take (every microstep, eventless ones included) and the states they enter. */
export interface CoverageRecorder {
  /** Pass to `createActor(machine, { inspect })`. */
  inspect: (event: { type: string }) => void;
  /** Replays one event from a snapshot (or starts the machine when `snapshot` is undefined) and records what it took. */
  replay(snapshot: AnyMachineSnapshot | undefined, event?: PathEvent): void;
  readonly transitions: ReadonlySet<TransitionId>;
  readonly states: ReadonlySet<string>;
  /** Compares what was recorded with the machine's definition. */
  report(): CoverageReport;
}

/**
 * Creates a coverage recorder for a machine, to learn which transitions a test suite exercised.
 *
 * @example
 * ```ts
 * const coverage = createCoverageRecorder(caseModel, { input });
 * createActor(caseModel, { input, inspect: coverage.inspect }).start().send(event);
 * coverage.report().transitions.missing; // what no test took
 * ```
 */
export function createCoverageRecorder(machine: AnyStateMachine, options: { input?: unknown } = {}): CoverageRecorder {
  const transitions = new Set<TransitionId>();
  const states = new Set<string>();
  const inspect = (ev: { type: string; _transitions?: unknown[]; snapshot?: unknown }) => {
    if (ev.type !== '@xstate.microstep') return;
    for (const t of (ev._transitions ?? []) as Parameters<typeof transitionId>[0][]) transitions.add(transitionId(t));
    const snap = ev.snapshot as AnyMachineSnapshot | undefined;
    if (snap?._nodes) for (const id of activeStateIds(snap)) states.add(id);
  };
  return {
    inspect: inspect as CoverageRecorder['inspect'],
    replay(snapshot, event) {
      const persisted = snapshot ? machine.getPersistedSnapshot(snapshot) : undefined;
      const actor = createActor(machine, {
        input: options.input,
        inspect,
        ...(persisted ? { snapshot: persisted } : {}),
      } as never);
      actor.start();
      for (const id of activeStateIds(actor.getSnapshot())) states.add(id);
      if (event) actor.send(event);
      for (const id of activeStateIds(actor.getSnapshot())) states.add(id);
      actor.stop();
    },
    transitions,
    states,
    report: () => coverageReport(machine, transitions, states),
  };
}

/** Compares covered transitions (and states) with a machine's definition. */
export function coverageReport(
  machine: AnyStateMachine,
  covered: Iterable<TransitionId>,
  coveredStates: Iterable<string> = [],
): CoverageReport {
  const t = new Set(covered);
  const s = new Set(coveredStates);
  const allT = transitionIds(machine);
  const allS = stateIds(machine);
  const missingT = allT.filter((x) => !t.has(x));
  const missingS = allS.filter((x) => !s.has(x));
  return {
    states: { total: allS.length, covered: allS.length - missingS.length, missing: missingS },
    transitions: { total: allT.length, covered: allT.length - missingT.length, missing: missingT },
    ratio: allT.length === 0 ? 1 : (allT.length - missingT.length) / allT.length,
  };
}

/**
 * Replays the explored steps once per (state value, event type, feedback level, next value, round) combination and
 * records the transitions taken (the round matters: once no re-handling round is left, an open commitment goes on to
 * follow-up).
 */
export function coverageOfSteps(
  machine: AnyStateMachine,
  input: unknown,
  steps: readonly ExploredStep[],
  recorder = createCoverageRecorder(machine, { input }),
): CoverageRecorder {
  recorder.replay(undefined);
  const seen = new Set<string>();
  for (const p of steps) {
    const level = (p.event as { feedback?: { level?: string } }).feedback?.level;
    const round = (p.next.context as { round?: number } | undefined)?.round;
    const combo = JSON.stringify([p.state.value, p.event.type, level, p.next.value, round]);
    if (seen.has(combo)) continue;
    seen.add(combo);
    recorder.replay(p.state, p.event);
  }
  return recorder;
}
