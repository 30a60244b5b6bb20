import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import { isEmpty } from '../objects.js';
import { createActionResolution } from './compiled/actions.js';
import { initialNodes, stateValueOf, type Transition } from './compiled/algorithm.js';
import { accepts, createMacrosteps, type StepTrace } from './compiled/macrostep.js';
import { noSpawn, Unsupported, unsupportedFeature } from './compiled/unsupported.js';
import { type Configuration, type Dict, type Event, type Work, WorkView, workOf } from './compiled/work.js';
import { INSTALLED_XSTATE_VERSION, VERIFIED_XSTATE_VERSION } from './compiled/xstateVersion.js';
import {
  createStepper,
  type StepAction,
  type Stepper,
  type StepperFallback,
  type StepResult,
  type TakenStep,
} from './stepper.js';

export { VERIFIED_XSTATE_VERSION } from './compiled/xstateVersion.js';

/** Options of {@link createCompiledStepper}. */
export interface CompiledStepperOptions {
  /** Told each time work goes to xstate instead (once at creation for a machine-wide reason). */
  onFallback?: ((fallback: StepperFallback) => void) | undefined;
  /** The installed xstate version, for tests. @defaultValue the version in xstate's package.json */
  xstateVersion?: string | undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * A stepper that runs xstate's SCXML algorithm (selection, conflicts, exit/entry sets, eventless transitions, done
 * events) over one working state per macrostep, building a single snapshot at the end instead of one per action and
 * microstep. The ported algorithm is in `compiled/algorithm.ts` and `compiled/macrostep.ts`; actions are resolved the
 * way xstate resolves them (`compiled/actions.ts`). Machines or steps that need what it does not run (history, invoked
 * or spawned actors, delayed events, raise, log, output, non-active snapshots, snapshots of another machine) go to
 * xstate's `machine.transition` unchanged, and `onFallback` says so. The equivalence with xstate is tested on every
 * explored state and event of both banli machines; `expectEngineEquivalence` (`@banli/testing`) checks another machine.
 *
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */
export function createCompiledStepper(machine: AnyStateMachine, options: CompiledStepperOptions = {}): Stepper {
  const base = createStepper(machine);
  const report = (reason: StepperFallback['reason'], detail: string, event?: string) =>
    options.onFallback?.({ machine: machine.id, reason, detail, ...(event === undefined ? {} : { event }) });
  const installed = options.xstateVersion ?? INSTALLED_XSTATE_VERSION;
  if (installed !== VERIFIED_XSTATE_VERSION) {
    report(
      'xstateVersion',
      `xstate ${installed} is installed; the compiled engine is verified on ${VERIFIED_XSTATE_VERSION}`,
    );
    return base;
  }
  const feature = unsupportedFeature(machine);
  if (feature !== undefined) {
    report('machine', feature);
    return base;
  }
  const { self } = base.scope;
  const root = machine.root;
  // The transitions the current call took, in xstate's order (as its microstep inspection reports them).
  const trace: StepTrace = { steps: [] };

  // State values and tags by node list (in order): a machine has few configurations, and building a value walks
  // every active node. Cached values are frozen, since snapshots share them. The lists are looked up in a trie of
  // their nodes, so a lookup builds no key.
  type Trie = { next: Map<AnyStateNode, Trie>; hit?: Configuration };
  const configurations: Trie = { next: new Map() };
  let trieNodes = 0;
  const configurationOf = (nodes: readonly AnyStateNode[]): Configuration => {
    let t: Trie | undefined = configurations;
    for (const n of nodes) {
      let child: Trie | undefined = t.next.get(n);
      if (!child) {
        if (trieNodes >= 100_000) {
          t = undefined;
          break;
        }
        child = { next: new Map() };
        t.next.set(n, child);
        trieNodes++;
      }
      t = child;
    }
    const hit = t?.hit ?? { value: deepFreeze(stateValueOf(root, nodes)), tags: nodes.flatMap((n) => n.tags) };
    if (t) t.hit = hit;
    return hit;
  };
  const configurationOfWork = (w: Work): Configuration => {
    w.configuration ??= configurationOf(w.nodes);
    return w.configuration;
  };
  const currentValue = (w: Work) => {
    w.value ??= configurationOfWork(w).value;
    return w.value;
  };
  // What guards and `getTransitionData` read from a snapshot: one view per macrostep, reading the work state live.
  const view = (w: Work): WorkView => {
    w.view ??= new WorkView(machine, w, currentValue);
    return w.view;
  };
  const resolution = createActionResolution(machine, base.scope, view);
  const { run } = resolution;
  const { select, enter, microstep, settle } = createMacrosteps(machine, resolution, view, trace, configurationOfWork);

  /** A snapshot object as xstate builds it (same keys, same order), from a template of this machine's snapshots. */
  const snapshotOf = (template: AnyMachineSnapshot, w: Work, tags: Set<string> | undefined): AnyMachineSnapshot => {
    // Written out rather than spread: the same keys in xstate's order, without cloning the template's shape each time.
    const t = template as AnyMachineSnapshot & Record<'matches' | 'hasTag' | 'can' | 'getMeta' | 'toJSON', unknown>;
    return {
      status: w.status,
      output: w.output,
      error: undefined,
      machine,
      context: w.context,
      _nodes: w.nodes,
      value: currentValue(w),
      tags: tags ?? new Set(configurationOfWork(w).tags),
      children: {},
      historyValue: w.historyValue || {},
      matches: t.matches,
      hasTag: t.hasTag,
      can: t.can,
      getMeta: t.getMeta,
      toJSON: t.toJSON,
    } as unknown as AnyMachineSnapshot;
  };

  /** One event: `undefined` when `onlyIfAccepted` and xstate's `snapshot.can(event)` would be false. */
  const macrostep = (snapshot: AnyMachineSnapshot, event: Event, onlyIfAccepted: boolean): StepResult | undefined => {
    const w = workOf(snapshot);
    const out: StepAction[] = [];
    const queue: Event[] = [];
    const steps: TakenStep[] = [];
    trace.steps = steps;
    const first = select(w, event);
    if (onlyIfAccepted && !accepts(first)) return undefined;
    microstep(w, first, event, queue, out);
    settle(w, event, queue, out);
    if (w.changes === 0) return [snapshot, out, steps];
    return [snapshotOf(snapshot, w, w.nodes === snapshot._nodes ? snapshot.tags : undefined), out, steps];
  };

  // The initial transition xstate builds for the root (one object, so its domain is cached like any other).
  const initialTransition: Transition = {
    source: root,
    target: [...initialNodes(root)],
    reenter: true,
    actions: [],
  };
  const contextConfig = (machine.config as { context?: unknown }).context;
  let template: AnyMachineSnapshot | undefined;

  /** xstate's `getInitialSnapshot`: the pre-initial context, the initial microstep, then the init macrostep. */
  const initial = (input: unknown): StepResult => {
    const init: Event = { type: 'xstate.init', input };
    const w: Work = {
      nodes: [root],
      value: undefined,
      context: (typeof contextConfig !== 'function' && contextConfig ? contextConfig : {}) as Dict,
      status: 'active',
      output: undefined,
      historyValue: {},
      changes: 0,
    };
    if (typeof contextConfig === 'function') {
      const partial = contextConfig({ spawn: noSpawn, input, self }) as Dict;
      w.context = { ...w.context, ...partial };
    }
    const out: StepAction[] = [];
    const queue: Event[] = [];
    const steps: TakenStep[] = [];
    trace.steps = steps;
    const set = new Set(w.nodes);
    enter(w, init, [initialTransition], set, queue, out, true);
    w.nodes = [...set];
    w.value = undefined;
    w.configuration = undefined;
    if (w.status === 'done') {
      run(
        w,
        init,
        w.nodes.sort((a, b) => b.order - a.order).flatMap((s) => s.exit),
        out,
      );
    }
    settle(w, init, queue, out);
    template ??= base.initial(input)[0];
    return [snapshotOf(template, w, undefined), out, steps];
  };

  const stepper = {
    scope: base.scope,
    compiled: true,
    fallbacks: 0,
    initial(input: unknown): StepResult {
      try {
        return initial(input);
      } catch (error) {
        // Errors (and what this stepper does not run) take xstate's path, which reports them as xstate does.
        stepper.fallbacks++;
        if (error instanceof Unsupported) report('action', error.message, 'xstate.init');
        else report('error', String(error), 'xstate.init');
        return base.initial(input);
      }
    },
    transition(snapshot: AnyMachineSnapshot, event: { type: string }): StepResult {
      return stepper.transitionIfAccepted(snapshot, event, false) as StepResult;
    },
    accepts(snapshot: AnyMachineSnapshot, event: { type: string }): boolean {
      const e = event as Event;
      const foreign = snapshot.machine !== machine || snapshot.status !== 'active' || !isEmpty(snapshot.children);
      // The selection alone, its guards asked once each (`compiled/guardMemo.ts`); nothing is run, so nothing falls
      // back: what the compiled path does not select (another machine's snapshot, xstate's own events) xstate answers.
      if (foreign || e.type.startsWith('xstate.')) return snapshot.can(event);
      return accepts(select(workOf(snapshot), e));
    },
    transitionIfAccepted(
      snapshot: AnyMachineSnapshot,
      event: { type: string },
      onlyIfAccepted = true,
    ): StepResult | undefined {
      const e = event as Event;
      const foreign = snapshot.machine !== machine || snapshot.status !== 'active' || !isEmpty(snapshot.children);
      if (!foreign && !e.type.startsWith('xstate.')) {
        try {
          return macrostep(snapshot, e, onlyIfAccepted);
        } catch (error) {
          if (!(error instanceof Unsupported)) throw error;
          report('action', error.message, e.type);
        }
      } else {
        report('snapshot', foreign ? `a ${snapshot.status} snapshot of ${snapshot.machine.id}` : e.type, e.type);
      }
      stepper.fallbacks++;
      if (onlyIfAccepted && !snapshot.can(event)) return undefined;
      return base.transition(snapshot, event);
    },
  };
  return stepper;
}
