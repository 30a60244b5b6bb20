import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { StepAction, TakenStep } from '../stepper.js';
import type { ActionResolution } from './actions.js';
import { entrySet, isAtomic, isInFinalState, removeConflicting, type Transition } from './algorithm.js';
import { GuardMemo } from './guardMemo.js';
import { type MicrostepPlan, planMicrostep } from './plan.js';
import { createSelection } from './selection.js';
import type { Configuration, Event, Guard, Work, WorkView } from './work.js';

/**
 * xstate's macrostep, ported: microsteps (exit, transition actions, entry in document order, done events), eventless
 * transitions and raised done events until the machine is stable, over one work state. Transition selection on events
 * is xstate's, ported in `selection.ts`; the pure node-set parts are in `algorithm.ts` and guards and actions
 * are resolved by `actions.ts`. Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** Where the macrostep records the transitions it takes (set to a fresh list by the stepper on every call). */
export interface StepTrace {
  steps: TakenStep[];
}

/** The macrostep operations of one machine. */
interface Macrosteps {
  /** The transitions xstate selects for the event in the work state (`machine.getTransitionData`). */
  select(w: Work, event: Event): Transition[];
  /** Enters the targets of `filtered` into `set`, running entry actions and queueing done events. */
  enter(
    w: Work,
    event: Event,
    filtered: readonly Transition[],
    set: Set<AnyStateNode>,
    queue: Event[],
    out: StepAction[],
    isInitial?: boolean,
  ): void;
  /** One microstep: takes `transitions` (after conflict removal), updating the work state. */
  microstep(w: Work, transitions: readonly Transition[], event: Event, queue: Event[], out: StepAction[]): void;
  /** The rest of the macrostep after the first microstep: eventless transitions and raised events until stable. */
  settle(w: Work, event: Event, queue: Event[], out: StepAction[]): void;
}

/** No transitions (shared; never written to). */
const NONE: readonly Transition[] = Object.freeze([]);

/** Whether a selection makes `snapshot.can(event)` true in xstate: some transition has a target or actions. */
export const accepts = (transitions: readonly Transition[]): boolean =>
  transitions.some((t) => t.target !== undefined || t.actions.length > 0);

/** Builds the macrostep of `machine`, resolving actions with `resolution` and recording transitions in `trace`. */
export function createMacrosteps(
  machine: AnyStateMachine,
  resolution: ActionResolution,
  view: (w: Work) => WorkView,
  trace: StepTrace,
  configurationOf: (w: Work) => Configuration,
): Macrosteps {
  const root = machine.root;
  const { run, evaluateGuard } = resolution;
  const maxIterations = (machine as { options?: { maxIterations?: number } }).options?.maxIterations ?? Infinity;

  const enter: Macrosteps['enter'] = (w, event, filtered, set, queue, out, isInitial = false) => {
    const toEnter = new Set<AnyStateNode>();
    const forDefault = new Set<AnyStateNode>();
    entrySet(filtered, forDefault, toEnter);
    if (isInitial) forDefault.add(root);
    let completed: Set<AnyStateNode> | undefined;
    for (const s of [...toEnter].sort((a, b) => a.order - b.order)) {
      set.add(s);
      const initialActions = forDefault.has(s) ? (s.initial?.actions ?? []) : [];
      run(w, event, initialActions.length > 0 ? [...s.entry, ...initialActions] : s.entry, out);
      if (s.type !== 'final') continue;
      const parent = s.parent;
      let marker = parent?.type === 'parallel' ? parent : parent?.parent;
      if (parent?.type === 'compound') queue.push({ type: `xstate.done.state.${parent.id}`, output: undefined });
      while (marker?.type === 'parallel' && !completed?.has(marker) && isInFinalState(set, marker)) {
        completed ??= new Set();
        completed.add(marker);
        queue.push({ type: `xstate.done.state.${marker.id}`, output: undefined });
        marker = marker.parent;
      }
      if (marker) continue;
      w.status = 'done';
      w.output = undefined;
      w.changes++;
    }
  };

  const microstep: Macrosteps['microstep'] = (w, transitions, event, queue, out) => {
    if (transitions.length === 0) return;
    let targeted = false;
    for (const t of transitions) {
      trace.steps.push({ event: event.type, transition: t as unknown as TakenStep['transition'] });
      if (t.target?.length) targeted = true;
    }
    if (!targeted) {
      // Targetless transitions exit and enter nothing and never conflict (their exit sets are empty), so the
      // microstep is their actions in order and the nodes stay as they are (the machine is active, so not done).
      for (const t of transitions) run(w, event, t.actions, out);
      return;
    }
    const plan = planOf(w, transitions);
    for (const s of plan.exits) run(w, event, s.exit, out);
    for (const t of plan.filtered) run(w, event, t.actions, out);
    for (const e of plan.entries) {
      run(w, event, e.actions, out);
      for (const type of e.done) queue.push({ type, output: undefined });
      if (!e.finishes) continue;
      w.status = 'done';
      w.output = undefined;
      w.changes++;
    }
    if (w.status === 'done') run(w, event, plan.finalExits.actions, out);
    if (plan.next === undefined) return;
    // A copy: snapshots never share a node list.
    w.nodes = (w.status === 'done' ? plan.finalExits.nodes : plan.next).slice();
    w.value = undefined;
    w.configuration = undefined;
    w.changes++;
  };

  // Microstep plans by configuration, then by the transitions taken (a trie over the list).
  type PlanTrie = { next: Map<Transition, PlanTrie>; plan?: MicrostepPlan };
  const plans = new Map<Configuration, PlanTrie>();
  let planned = 0;
  const planOf = (w: Work, transitions: readonly Transition[]): MicrostepPlan => {
    const configuration = configurationOf(w);
    let t: PlanTrie | undefined = plans.get(configuration);
    if (!t) {
      if (planned >= 10_000) return planMicrostep(w.nodes, transitions);
      t = { next: new Map() };
      plans.set(configuration, t);
      planned++;
    }
    for (const transition of transitions) {
      let child: PlanTrie | undefined = t.next.get(transition);
      if (!child) {
        if (planned >= 10_000) return planMicrostep(w.nodes, transitions);
        child = { next: new Map() };
        t.next.set(transition, child);
        planned++;
      }
      t = child;
    }
    t.plan ??= planMicrostep(w.nodes, transitions);
    return t.plan;
  };

  // The eventless selection's marks: a node evaluated in the current call (by call number), so that an ancestor
  // shared by several atomic nodes (the root of a parallel machine) has its guards evaluated once per call.
  const visited = new Map<AnyStateNode, number>();
  let call = 0;
  // The guard answers of the eventless selection in progress: a guard on several eventless transitions (or regions)
  // is asked once per selection, as on events (`selection.ts`); every selection starts afresh.
  const memo = new GuardMemo();
  const eventless = (w: Work, event: Event): readonly Transition[] => {
    memo.open(w.context, event);
    try {
      return eventlessIn(w, event);
    } finally {
      memo.close();
    }
  };
  const eventlessIn = (w: Work, event: Event): readonly Transition[] => {
    call++;
    let enabled: Transition[] | undefined;
    let snap: WorkView | undefined;
    for (const atomic of w.nodes) {
      if (!isAtomic(atomic)) continue;
      loop: for (let s: AnyStateNode | undefined = atomic; s; s = s.parent) {
        // Reached from an earlier atomic node: what it selects from here up is already in `enabled` (guards are pure).
        if (visited.get(s) === call) break;
        visited.set(s, call);
        if (!s.always) continue;
        for (const t of s.always as Transition[]) {
          snap ??= view(w);
          if (t.guard === undefined || evaluateGuard(t.guard as Guard, w.context, event, snap, memo)) {
            if (!enabled) enabled = [t];
            else if (!enabled.includes(t)) enabled.push(t);
            break loop;
          }
        }
      }
    }
    if (!enabled) return NONE;
    return enabled.length < 2 ? enabled : removeConflicting(enabled, new Set(w.nodes));
  };

  const selection = createSelection(machine, evaluateGuard);
  const select: Macrosteps['select'] = (w, event) => {
    const snap = view(w);
    return selection(snap.value, snap, event);
  };

  const settle: Macrosteps['settle'] = (w, event, queue, out) => {
    let next = event;
    let selectEventless = true;
    for (let i = 1; w.status === 'active'; i++) {
      if (i > maxIterations) {
        throw new Error(
          `Infinite loop detected: the machine has processed more than ${maxIterations} microsteps without reaching a stable state. This usually happens when there's a cycle of transitions (e.g., eventless transitions or raised events causing state A -> B -> C -> A).`,
        );
      }
      const enabled = selectEventless ? eventless(w, next) : NONE;
      if (enabled.length > 0) {
        const before = w.changes;
        microstep(w, enabled, next, queue, out);
        selectEventless = w.changes !== before;
        continue;
      }
      const raised = queue.shift();
      if (!raised) break;
      next = raised;
      microstep(w, select(w, next), next, queue, out);
      selectEventless = true;
    }
  };

  return { select, enter, microstep, settle };
}
