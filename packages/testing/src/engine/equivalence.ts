import {
  createCompiledStepper,
  createStepper,
  type Stepper,
  type StepperFallback,
  type StepResult,
} from '@banli/core/internal';
import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { ExploreOptions, PathEvent } from '../paths/graph.js';
import { describeDifferences } from './differences.js';
import { EngineEquivalenceError } from './equivalenceError.js';

/** How {@link expectEngineEquivalence} explores a machine: `exploreSteps`'s options, a state cap and the fallback rule. */
export interface EngineEquivalenceOptions extends ExploreOptions {
  /** Stop exploring new states after this many distinct ones (the report says `truncated`). @defaultValue 20000 */
  maxStates?: number;
  /**
   * Accept steps the compiled engine hands to xstate (listed in the report's `fallbacks`) instead of failing on them.
   * A fallback is not a wrong result, but it means the compiled engine did not run that step: by default the check
   * fails so that a `log`, `raise`, `after` or `invoke` added to a machine is seen. @defaultValue false
   */
  allowFallbacks?: boolean;
}

/** A step the compiled engine handed to xstate, and where. */
export interface EngineEquivalenceFallback extends StepperFallback {
  /** The events from the initial state to the state the step ran in (empty for the initial state itself). */
  readonly path: readonly PathEvent[];
}

/** One explored step on which the engines disagree (or on which the compiled engine fell back). */
export interface EngineDisagreement {
  /** The events from the initial state to the state the step ran in. */
  readonly path: readonly PathEvent[];
  /** The state value the step ran in; `undefined` for the start (the initial transition). */
  readonly state: StateValue | undefined;
  /** The event of the step; `undefined` for the start. */
  readonly event: PathEvent | undefined;
  /**
   * What differs, one line per difference: a dotted path into the step's outcome (`accepted`, `status`, `value`,
   * `context`, `tags`, `emitted`, `actions`, `transitions`, `error`), xstate's value, then the compiled engine's; or
   * `accepts` (what `snapshot.can` answers, against the compiled engine's `accepts`, which `system.can` asks); or the
   * fallback the compiled engine took.
   */
  readonly differences: readonly string[];
}

/** What {@link expectEngineEquivalence} checked. */
export interface EngineEquivalenceReport {
  /** The machine's id. */
  machine: string;
  /** Distinct states explored (by `serializeState`). */
  states: number;
  /** Steps run on both engines and compared: the start, then every event of the alphabet in every explored state. */
  steps: number;
  /** Of those, the steps xstate accepted (`snapshot.can(event)`). */
  accepted: number;
  /** Transitions taken over all accepted steps (eventless and done-event ones included), the same on both engines. */
  transitions: number;
  /** Whether exploration stopped at `maxStates`. */
  truncated: boolean;
  /** Steps the compiled engine handed to xstate (only with `allowFallbacks`; otherwise they fail the check). */
  fallbacks: EngineEquivalenceFallback[];
}

/** Everything a step decides, as data both engines must agree on. */
type Outcome =
  | {
      accepted: boolean;
      status?: string;
      value?: StateValue;
      context?: unknown;
      tags?: string[];
      emitted?: unknown[];
      actions?: { type: string; params: unknown }[];
      transitions?: string[];
    }
  | { error: string };

/**
 * What a stepper's `accepts` answers for a step (`system.can` asks the compiled engine's), or the error it throws, as
 * an outcome's `error` reads.
 */
function acceptsOf(stepper: Stepper, snapshot: AnyMachineSnapshot, event: PathEvent): boolean | string {
  try {
    return stepper.accepts(snapshot, event);
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

/** Runs one step, keeping its result (a refused step is `undefined`) and its outcome. */
function attempt(run: () => StepResult | undefined): { result: StepResult | undefined; outcome: Outcome } {
  let result: StepResult | undefined;
  try {
    result = run();
  } catch (error) {
    return {
      result: undefined,
      outcome: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
    };
  }
  if (!result) return { result, outcome: { accepted: false } };
  const [snapshot, actions, steps] = result;
  return {
    result,
    outcome: {
      accepted: true,
      status: snapshot.status,
      value: snapshot.value,
      context: snapshot.context,
      tags: [...snapshot.tags].sort(),
      emitted: actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: unknown }).event),
      actions: actions.filter((a) => a.type !== 'xstate.emit').map((a) => ({ type: a.type, params: a.params ?? null })),
      transitions: steps.map(
        ({ event, transition: t }) =>
          `${event}: ${t.source.id} -[${t.eventType || 'always'}]-> ${(t.target ?? []).map((n) => n.id).join(',') || '(none)'}`,
      ),
    },
  };
}

const defaultKey = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context]);

/**
 * Explores a machine — banli's own, or an integrator's (one obtained with `provide()`, edited with `reviseMachine`, or
 * written from scratch) — and checks that the compiled engine and xstate's own `transition` agree on every explored
 * step: whether the event is accepted, the next status, state value, context and tags, the emitted events, the other
 * actions in order, and the transitions taken; and that the compiled engine's `accepts` (what `system.can` asks)
 * answers as xstate's `snapshot.can` does, so an `accepts` that disagrees with the steps is caught too. Every event of the alphabet is tried in every reached state (refused
 * ones included), breadth first from the initial state; states are told apart by `serializeState`. Throws a
 * {@link EngineEquivalenceError} (a `BanliTestingError`, code `ENGINES_DISAGREE`) listing each disagreement as a readable diff with the events that
 * reach it; a step the compiled engine hands to xstate (a `log` or `raise` action, a machine with `after`, `invoke`
 * or history) fails too, unless `allowFallbacks`. A done (final) snapshot takes no more events and is not explored
 * further. Returns what was checked.
 *
 * Both engines are the ones `createHandlingSystem({ engine })` runs: the compiled stepper, and xstate's
 * `machine.transition` through a reused actor scope. Actions are compared, never run.
 *
 * @example
 * ```ts
 * import { withCalendar } from '@banli/core';
 * import { chinaMainland } from '@banli/calendar';
 * import { banliModels, expectEngineEquivalence } from '@banli/testing';
 *
 * const [model] = banliModels().case; // banli's own input, event alphabet and state key for a case machine
 * const mine = withCalendar(caseMachine.provide({ actions: { emitCaseAccepted: notifyOa } }), chinaMainland);
 * const report = expectEngineEquivalence(mine, model.options); // throws with a diff when the engines disagree
 * report.steps; // how many steps were compared
 * ```
 */
export function expectEngineEquivalence(
  machine: AnyStateMachine,
  options: EngineEquivalenceOptions,
): EngineEquivalenceReport {
  return expectSteppersEquivalent(machine, options, (onFallback) => createCompiledStepper(machine, { onFallback }));
}

/**
 * {@link expectEngineEquivalence} with the compiled engine made by `compiledOf` (given the fallback listener): how the
 * tests hold the check itself to catching a broken engine.
 */
export function expectSteppersEquivalent(
  machine: AnyStateMachine,
  options: EngineEquivalenceOptions,
  compiledOf: (onFallback: (fallback: StepperFallback) => void) => Stepper,
): EngineEquivalenceReport {
  const allowFallbacks = options.allowFallbacks ?? false;
  const maxStates = options.maxStates ?? 20_000;
  const key = options.serializeState ?? defaultKey;
  const eventsOf = typeof options.events === 'function' ? options.events : () => options.events as PathEvent[];
  const disagreements: EngineDisagreement[] = [];
  const fallbacks: EngineEquivalenceFallback[] = [];
  let where: { path: readonly PathEvent[]; state: StateValue | undefined; event: PathEvent | undefined } = {
    path: [],
    state: undefined,
    event: undefined,
  };
  let stepFallbacks: StepperFallback[] = [];
  const reference: Stepper = createStepper(machine);
  const compiled: Stepper = compiledOf((f) => stepFallbacks.push(f));
  const report: EngineEquivalenceReport = {
    machine: machine.id,
    states: 0,
    steps: 0,
    accepted: 0,
    transitions: 0,
    truncated: false,
    fallbacks,
  };

  // A machine-wide fallback (an unverified xstate, or history/invoke/after/output): nothing runs compiled.
  if (!compiled.compiled && !allowFallbacks) {
    const lines = stepFallbacks.map(fallbackLine);
    throw disagreementError(report, [{ ...where, differences: lines }]);
  }
  fallbacks.push(...stepFallbacks.map((f) => ({ ...f, path: [] })));
  stepFallbacks = [];

  const compare = (x: Outcome, c: Outcome, more: string[] = []) => {
    const lines = [...describeDifferences(x, c), ...more];
    const fell = stepFallbacks;
    stepFallbacks = [];
    if (allowFallbacks) fallbacks.push(...fell.map((f) => ({ ...f, path: where.path })));
    else lines.push(...fell.map(fallbackLine));
    if (lines.length > 0) disagreements.push({ ...where, differences: lines });
  };

  const start = attempt(() => reference.initial(options.input));
  compare(start.outcome, attempt(() => compiled.initial(options.input)).outcome);
  report.steps++;
  if (!start.result) throw disagreementError(report, disagreements);
  report.transitions += start.result[2].length;

  const [initial] = start.result;
  const seen = new Set<string>([key(initial)]);
  const queue: { snapshot: AnyMachineSnapshot; path: PathEvent[] }[] = [{ snapshot: initial, path: [] }];
  for (let head = 0; head < queue.length; head++) {
    const { snapshot, path } = queue[head] as (typeof queue)[number];
    report.states++;
    if (snapshot.status !== 'active') continue;
    for (const event of eventsOf(snapshot)) {
      where = { path, state: snapshot.value, event };
      const x = attempt(() => reference.transitionIfAccepted(snapshot, event));
      const c = attempt(() => compiled.transitionIfAccepted(snapshot, event)).outcome;
      // After both steps, so that a guard with a side effect decides the steps as it did before `accepts` was asked.
      // xstate's step ran only when `snapshot.can` said yes: its `accepted` is that answer, unless it threw.
      const can = 'accepted' in x.outcome ? x.outcome.accepted : acceptsOf(reference, snapshot, event);
      const accepts = acceptsOf(compiled, snapshot, event);
      compare(x.outcome, c, can === accepts ? [] : describeDifferences({ accepts: can }, { accepts }));
      report.steps++;
      if (!x.result) continue;
      report.accepted++;
      report.transitions += x.result[2].length;
      const next = x.result[0];
      const k = key(next);
      if (seen.has(k)) continue;
      if (seen.size >= maxStates) {
        report.truncated = true;
        continue;
      }
      seen.add(k);
      queue.push({ snapshot: next, path: [...path, event] });
    }
  }
  if (disagreements.length > 0) throw disagreementError(report, disagreements);
  return report;
}

function fallbackLine(f: StepperFallback): string {
  return `fallback: the compiled engine handed this step to xstate (${f.reason}: ${f.detail})`;
}

const MAX_SHOWN = 10;

function disagreementError(
  report: EngineEquivalenceReport,
  disagreements: EngineDisagreement[],
): EngineEquivalenceError {
  const shown = disagreements.slice(0, MAX_SHOWN);
  const more = disagreements.length - shown.length;
  const describe = (d: EngineDisagreement, i: number, zh: boolean) => {
    const event =
      d.event === undefined ? (zh ? '启动（初始转换）' : 'start (initial transition)') : JSON.stringify(d.event);
    const state =
      d.state === undefined ? '' : zh ? `，状态 ${JSON.stringify(d.state)}` : ` in state ${JSON.stringify(d.state)}`;
    const path = d.path.length === 0 ? (zh ? '初始状态' : 'the initial state') : d.path.map((e) => e.type).join(' → ');
    const head = zh
      ? `${i + 1}) 事件 ${event}${state}，经由：${path}`
      : `${i + 1}) on ${event}${state}, reached by: ${path}`;
    return [head, ...d.differences.map((line) => `   ${line}`)].join('\n');
  };
  const en = [
    `The compiled engine and xstate disagree on ${disagreements.length} step(s) of machine "${report.machine}" ` +
      `(${report.steps} steps compared over ${report.states} states):`,
    ...shown.map((d, i) => describe(d, i, false)),
    ...(more > 0 ? [`… and ${more} more (see error.disagreements).`] : []),
  ].join('\n');
  const zh = [
    `编译引擎与 xstate 在机器 "${report.machine}" 的 ${disagreements.length} 个步骤上不一致` +
      `（在 ${report.states} 个状态中比较了 ${report.steps} 个步骤）：`,
    ...shown.map((d, i) => describe(d, i, true)),
    ...(more > 0 ? [`……另有 ${more} 处（见 error.disagreements）。`] : []),
  ].join('\n');
  return new EngineEquivalenceError({ 'zh-CN': zh, en }, disagreements, report);
}
