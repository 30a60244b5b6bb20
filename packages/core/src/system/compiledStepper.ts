import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
  matchesState,
  type StateValue,
} from 'xstate';
import xstatePackage from 'xstate/package.json' with { type: 'json' };
import { isEmpty } from '../internal/objects.js';
import {
  createStepper,
  type StepAction,
  type Stepper,
  type StepperFallback,
  type StepResult,
  type TakenStep,
} from './stepper.js';

/**
 * The xstate version the compiled engine was verified against (its equivalence tests ran on it). The engine ports
 * part of xstate's algorithm and reads its internals, so on any other installed version it hands every step to
 * xstate and says so (`onFallback` with reason `xstateVersion`). Bump together with the catalog's xstate.
 */
export const VERIFIED_XSTATE_VERSION = '5.33.3';

/** Options of {@link createCompiledStepper}. */
export interface CompiledStepperOptions {
  /** Told each time work goes to xstate instead (once at creation for a machine-wide reason). */
  onFallback?: ((fallback: StepperFallback) => void) | undefined;
  /** The installed xstate version, for tests. @defaultValue the version in xstate's package.json */
  xstateVersion?: string | undefined;
}

// A transition as xstate defines it on its state nodes (targets resolved to nodes).
interface Transition {
  source: AnyStateNode;
  target?: readonly AnyStateNode[] | undefined;
  actions: readonly unknown[];
  guard?: unknown;
  reenter?: boolean;
}
type Guard = string | { type: string; params?: unknown } | ((...args: unknown[]) => boolean);
type Event = { type: string; [key: string]: unknown };
type Dict = Record<string, unknown>;

/** Thrown when a machine needs a feature this stepper does not run; the call falls back to xstate. */
class Unsupported extends Error {}

/** The feature that keeps a machine off the compiled path, or `undefined` when it has none. */
function unsupportedFeature(machine: AnyStateMachine): string | undefined {
  if (machine.root.output !== undefined) return 'output';
  const stack: AnyStateNode[] = [machine.root];
  while (stack.length > 0) {
    const s = stack.pop() as AnyStateNode;
    if (s.type === 'history') return `history (${s.id})`;
    if (s.invoke.length > 0) return `invoke (${s.id})`;
    if (s.after.length > 0) return `after (${s.id})`;
    if (s.type === 'final' && s.output !== undefined) return `output (${s.id})`;
    stack.push(...(Object.values(s.states) as AnyStateNode[]));
  }
  return undefined;
}

/** A node list's state value and tags. */
interface Configuration {
  value: StateValue;
  tags: readonly string[];
}

// The working state of one macrostep: xstate's snapshot fields, without building a snapshot per action.
interface Work {
  nodes: AnyStateNode[];
  value: StateValue | undefined;
  /** The cached value and tags of `nodes`, once looked up. */
  configuration?: Configuration | undefined;
  context: Dict;
  status: string;
  output: unknown;
  historyValue: unknown;
  /** Bumped on every change a new xstate snapshot object would reflect (context, nodes, status). */
  changes: number;
  view?: WorkView;
}

/** The snapshot fields guards and xstate's transition selection read, taken live from a macrostep's work state. */
class WorkView {
  constructor(
    readonly machine: AnyStateMachine,
    private readonly work: Work,
    private readonly resolveValue: (w: Work) => StateValue,
  ) {}
  get value(): StateValue {
    return this.resolveValue(this.work);
  }
  get context(): Dict {
    return this.work.context;
  }
  get _nodes(): AnyStateNode[] {
    return this.work.nodes;
  }
  matches(test: StateValue): boolean {
    return matchesState(test, this.value);
  }
}

const isAtomic = (s: AnyStateNode) => s.type === 'atomic' || s.type === 'final';
const childrenOf = (s: AnyStateNode) =>
  Object.values(s.states as Record<string, AnyStateNode>).filter((c) => c.type !== 'history');

function properAncestors(s: AnyStateNode, to: AnyStateNode | undefined): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  if (to === s) return out;
  for (let m = s.parent; m && m !== to; m = m.parent) out.push(m);
  return out;
}

function isDescendant(child: AnyStateNode, parent: AnyStateNode | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

function initialNodes(s: AnyStateNode): Set<AnyStateNode> {
  const set = new Set<AnyStateNode>();
  const iter = (d: AnyStateNode) => {
    if (set.has(d)) return;
    set.add(d);
    if (d.type === 'compound') iter(d.initial.target[0] as AnyStateNode);
    else if (d.type === 'parallel') for (const c of childrenOf(d)) iter(c);
  };
  iter(s);
  return set;
}

function adjacency(nodes: Iterable<AnyStateNode>): Map<AnyStateNode, AnyStateNode[]> {
  const adj = new Map<AnyStateNode, AnyStateNode[]>();
  for (const s of nodes) {
    if (!adj.has(s)) adj.set(s, []);
    if (s.parent) {
      let siblings = adj.get(s.parent);
      if (!siblings) {
        siblings = [];
        adj.set(s.parent, siblings);
      }
      siblings.push(s);
    }
  }
  return adj;
}

function allStateNodes(nodes: readonly AnyStateNode[]): Set<AnyStateNode> {
  const set = new Set(nodes);
  const adj = adjacency(set);
  for (const s of set) {
    if (s.type === 'compound' && !adj.get(s)?.length) {
      for (const i of initialNodes(s)) {
        set.add(i);
        for (const a of properAncestors(i, s)) set.add(a);
      }
    } else if (s.type === 'parallel') {
      for (const child of childrenOf(s)) {
        if (set.has(child)) continue;
        for (const i of initialNodes(child)) {
          set.add(i);
          for (const a of properAncestors(i, child)) set.add(a);
        }
      }
    }
  }
  for (const s of set) for (let m = s.parent; m; m = m.parent) set.add(m);
  return set;
}

function valueFromAdj(base: AnyStateNode, adj: Map<AnyStateNode, AnyStateNode[]>): StateValue {
  const children = adj.get(base);
  if (!children) return {};
  if (base.type === 'compound') {
    const child = children[0];
    if (!child) return {};
    if (isAtomic(child)) return child.key;
  }
  const value: Record<string, StateValue> = {};
  for (const child of children) value[child.key] = valueFromAdj(child, adj);
  return value;
}

/** The state value of a node list, built exactly as xstate builds it (the key order follows the list). */
function stateValueOf(root: AnyStateNode, nodes: readonly AnyStateNode[]): StateValue {
  return valueFromAdj(root, adjacency(allStateNodes(nodes)));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function isInFinalState(set: Set<AnyStateNode>, s: AnyStateNode): boolean {
  if (s.type === 'compound') return childrenOf(s).some((c) => c.type === 'final' && set.has(c));
  if (s.type === 'parallel') return childrenOf(s).every((c) => isInFinalState(set, c));
  return s.type === 'final';
}

const domains = new WeakMap<Transition, AnyStateNode | null>();

/** The transition's domain (no history nodes here, so it depends on the transition alone and is cached). */
function domainOf(t: Transition): AnyStateNode | undefined {
  const hit = domains.get(t);
  if (hit !== undefined) return hit ?? undefined;
  const targets = t.target ? [...new Set(t.target)] : [];
  let domain: AnyStateNode | undefined;
  if (!t.reenter && targets.every((x) => x === t.source || isDescendant(x, t.source))) domain = t.source;
  else {
    const [head, ...tail] = targets.concat(t.source);
    domain = properAncestors(head as AnyStateNode, undefined).find((a) => tail.every((s) => isDescendant(s, a)));
    if (!domain && !t.reenter) domain = t.source.machine.root;
  }
  domains.set(t, domain ?? null);
  return domain;
}

function exitSet(transitions: readonly Transition[], nodes: Iterable<AnyStateNode>): AnyStateNode[] {
  const out = new Set<AnyStateNode>();
  for (const t of transitions) {
    if (!t.target?.length) continue;
    const domain = domainOf(t);
    if (t.reenter && t.source === domain) out.add(domain);
    for (const s of nodes) if (isDescendant(s, domain)) out.add(s);
  }
  return [...out];
}

function intersects(a: readonly AnyStateNode[], b: readonly AnyStateNode[]): boolean {
  const set = new Set(b);
  return a.some((x) => set.has(x));
}

function removeConflicting(enabled: readonly Transition[], nodes: Set<AnyStateNode>): Transition[] {
  if (enabled.length < 2) return [...enabled];
  const filtered = new Set<Transition>();
  for (const t1 of enabled) {
    let preempted = false;
    const remove = new Set<Transition>();
    for (const t2 of filtered) {
      if (intersects(exitSet([t1], nodes), exitSet([t2], nodes))) {
        if (isDescendant(t1.source, t2.source)) remove.add(t2);
        else {
          preempted = true;
          break;
        }
      }
    }
    if (!preempted) {
      for (const t3 of remove) filtered.delete(t3);
      filtered.add(t1);
    }
  }
  return [...filtered];
}

function hasDescendantIn(set: Set<AnyStateNode>, node: AnyStateNode): boolean {
  for (const x of set) if (isDescendant(x, node)) return true;
  return false;
}

function addDescendants(s: AnyStateNode, forDefault: Set<AnyStateNode>, toEnter: Set<AnyStateNode>): void {
  if (s.type === 'compound') {
    const initial = s.initial.target[0] as AnyStateNode;
    toEnter.add(initial);
    forDefault.add(initial);
    addDescendants(initial, forDefault, toEnter);
    addAncestors(toEnter, forDefault, properAncestors(initial, s), undefined);
  } else if (s.type === 'parallel') {
    for (const child of childrenOf(s)) {
      if (hasDescendantIn(toEnter, child)) continue;
      toEnter.add(child);
      forDefault.add(child);
      addDescendants(child, forDefault, toEnter);
    }
  }
}

function addAncestors(
  toEnter: Set<AnyStateNode>,
  forDefault: Set<AnyStateNode>,
  ancestors: readonly AnyStateNode[],
  reentrancyDomain: AnyStateNode | undefined,
): void {
  for (const anc of ancestors) {
    if (!reentrancyDomain || isDescendant(anc, reentrancyDomain)) toEnter.add(anc);
    if (anc.type !== 'parallel') continue;
    for (const child of childrenOf(anc)) {
      if (hasDescendantIn(toEnter, child)) continue;
      toEnter.add(child);
      addDescendants(child, forDefault, toEnter);
    }
  }
}

function entrySet(transitions: readonly Transition[], forDefault: Set<AnyStateNode>, toEnter: Set<AnyStateNode>) {
  for (const t of transitions) {
    const domain = domainOf(t);
    for (const s of t.target ?? []) {
      if (t.source !== s || t.source !== domain || t.reenter) {
        toEnter.add(s);
        forDefault.add(s);
      }
      addDescendants(s, forDefault, toEnter);
    }
    for (const s of t.target ? new Set(t.target) : []) {
      const ancestors = properAncestors(s, domain);
      if (domain?.type === 'parallel') ancestors.push(domain);
      addAncestors(toEnter, forDefault, ancestors, !t.source.parent && t.reenter ? undefined : domain);
    }
  }
}

/**
 * A stepper that runs xstate's SCXML algorithm (selection, conflicts, exit/entry sets, eventless transitions, done
 * events) over one working state per macrostep, building a single snapshot at the end instead of one per action and
 * microstep. Transition selection on events is xstate's own (`machine.getTransitionData`); actions are resolved the way
 * xstate resolves them. Machines or steps that need what it does not run (history, invoked or spawned actors, delayed
 * events, raise, enqueueActions, output, non-active snapshots, snapshots of another machine) go to xstate's `machine.transition` unchanged. The
 * equivalence with xstate is tested on every explored state and event of both banli machines.
 */
export function createCompiledStepper(machine: AnyStateMachine, options: CompiledStepperOptions = {}): Stepper {
  const base = createStepper(machine);
  const report = (reason: StepperFallback['reason'], detail: string, event?: string) =>
    options.onFallback?.({ machine: machine.id, reason, detail, ...(event === undefined ? {} : { event }) });
  const installed = options.xstateVersion ?? (xstatePackage as { version: string }).version;
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
  const { self, system } = base.scope;
  const root = machine.root;
  const actions = machine.implementations.actions as Record<string, unknown>;
  const guards = machine.implementations.guards as Record<string, unknown>;
  const maxIterations = (machine as { options?: { maxIterations?: number } }).options?.maxIterations ?? Infinity;
  const noSpawn = () => {
    throw new Unsupported('spawn');
  };
  // The transitions the current call took, in xstate's order (as its microstep inspection reports them).
  let taken: TakenStep[] = [];

  // State values and tags by node list (in order): a machine has few configurations, and building a value walks
  // every active node. Cached values are frozen, since snapshots share them.
  const configurations = new Map<string, Configuration>();
  const configurationOf = (nodes: readonly AnyStateNode[]) => {
    let key = '';
    for (const n of nodes) key += `${n.order},`;
    let hit = configurations.get(key);
    if (!hit) {
      hit = { value: deepFreeze(stateValueOf(root, nodes)), tags: nodes.flatMap((n) => n.tags) };
      if (configurations.size < 10_000) configurations.set(key, hit);
    }
    return hit;
  };
  const configurationOfWork = (w: Work): Configuration => {
    w.configuration ??= configurationOf(w.nodes);
    return w.configuration;
  };
  const currentValue = (w: Work): StateValue => {
    w.value ??= configurationOfWork(w).value;
    return w.value;
  };
  // What guards and `getTransitionData` read from a snapshot.
  // What guards and `getTransitionData` read from a snapshot: one view per macrostep, reading the work state live.
  const view = (w: Work): WorkView => {
    w.view ??= new WorkView(machine, w, currentValue);
    return w.view;
  };

  const evaluateGuard = (guard: Guard, context: Dict, event: Event, snap: unknown): boolean => {
    const inline = typeof guard === 'function';
    const resolved = (inline ? guard : guards[typeof guard === 'string' ? guard : guard.type]) as
      | Guard
      | (((...args: unknown[]) => boolean) & { check?: (...args: unknown[]) => boolean })
      | undefined;
    if (!inline && !resolved) {
      throw new Error(
        `Guard '${typeof guard === 'string' ? guard : (guard as { type: string }).type}' is not implemented.'.`,
      );
    }
    if (typeof resolved !== 'function') return evaluateGuard(resolved as Guard, context, event, snap);
    const args = { context, event };
    const params =
      inline || typeof guard === 'string'
        ? undefined
        : 'params' in guard
          ? typeof guard.params === 'function'
            ? guard.params(args)
            : guard.params
          : undefined;
    const check = (resolved as { check?: (...args: unknown[]) => boolean }).check;
    return check ? check(snap, args, resolved) : resolved(args, params);
  };

  const run = (w: Work, event: Event, list: readonly unknown[], out: StepAction[]): void => {
    for (const action of list) {
      const inline = typeof action === 'function';
      const name = typeof action === 'string' ? action : (action as { type?: string }).type;
      const resolved = (inline ? action : actions[name as string]) as
        | (((...args: unknown[]) => unknown) & { resolve?: unknown; type?: string; [k: string]: unknown })
        | undefined;
      const a = action as { params?: unknown };
      const params =
        inline || typeof action === 'string'
          ? undefined
          : 'params' in a
            ? typeof a.params === 'function'
              ? a.params({ context: w.context, event })
              : a.params
            : undefined;
      if (!resolved || !('resolve' in resolved)) {
        out.push({
          type:
            typeof action === 'string'
              ? action
              : typeof action === 'object'
                ? (name as string)
                : (action as { name?: string }).name || '(anonymous)',
          info: { context: w.context, event, self, system },
          params,
          exec: resolved as StepAction['exec'],
        });
        continue;
      }
      if (resolved.type === 'xstate.assign') {
        if (!w.context) {
          throw new Error(
            'Cannot assign to undefined `context`. Ensure that `context` is defined in the machine config.',
          );
        }
        const assignment = resolved.assignment as ((...args: unknown[]) => Dict) | Record<string, unknown>;
        const args = { context: w.context, event, spawn: noSpawn, self, system };
        let partial: Dict = {};
        if (typeof assignment === 'function') partial = assignment(args, params);
        else {
          for (const key of Object.keys(assignment)) {
            const p = assignment[key];
            partial[key] = typeof p === 'function' ? p(args, params) : p;
          }
        }
        // Spread, not Object.assign: the same own keys in the same order, copied by V8's object-clone fast path.
        w.context = { ...w.context, ...partial };
        w.changes++;
      } else if (resolved.type === 'xstate.emit') {
        const e = resolved.event;
        const info = { context: w.context, event, self, system };
        const emitted = typeof e === 'function' ? e(info, params) : e;
        out.push({ type: 'xstate.emit', info, params: { event: emitted } });
      } else if (resolved.type === 'xstate.enqueueActions') {
        // xstate's own resolver collects the actions (its `check` reads only context and machine from the view).
        const resolve = resolved.resolve as (...args: unknown[]) => [unknown, unknown, unknown[] | undefined];
        const info = { context: w.context, event, self, system };
        const [, , nested] = resolve(base.scope, view(w), info, params, resolved, { internalQueue: [] });
        if (nested) run(w, event, nested, out);
      } else {
        throw new Unsupported(String(resolved.type));
      }
    }
  };

  const enter = (
    w: Work,
    event: Event,
    filtered: readonly Transition[],
    set: Set<AnyStateNode>,
    queue: Event[],
    out: StepAction[],
    isInitial = false,
  ) => {
    const toEnter = new Set<AnyStateNode>();
    const forDefault = new Set<AnyStateNode>();
    entrySet(filtered, forDefault, toEnter);
    if (isInitial) forDefault.add(root);
    const completed = new Set<AnyStateNode>();
    for (const s of [...toEnter].sort((a, b) => a.order - b.order)) {
      set.add(s);
      const initialActions = forDefault.has(s) ? (s.initial?.actions ?? []) : [];
      run(w, event, initialActions.length > 0 ? [...s.entry, ...initialActions] : s.entry, out);
      if (s.type !== 'final') continue;
      const parent = s.parent;
      let marker = parent?.type === 'parallel' ? parent : parent?.parent;
      if (parent?.type === 'compound') queue.push({ type: `xstate.done.state.${parent.id}`, output: undefined });
      while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(set, marker)) {
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

  const microstep = (w: Work, transitions: readonly Transition[], event: Event, queue: Event[], out: StepAction[]) => {
    if (transitions.length === 0) return;
    for (const t of transitions) taken.push({ event: event.type, transition: t as unknown as TakenStep['transition'] });
    const set = new Set(w.nodes);
    const filtered = removeConflicting(transitions, set);
    const toExit = exitSet(filtered, set).sort((a, b) => b.order - a.order);
    for (const s of toExit) {
      run(w, event, s.exit, out);
      set.delete(s);
    }
    run(
      w,
      event,
      filtered.flatMap((t) => t.actions),
      out,
    );
    enter(w, event, filtered, set, queue, out);
    const next = [...set];
    if (w.status === 'done') {
      run(
        w,
        event,
        next.sort((a, b) => b.order - a.order).flatMap((s) => s.exit),
        out,
      );
    }
    if (w.nodes.length === set.size && w.nodes.every((n) => set.has(n))) return;
    w.nodes = next;
    w.value = undefined;
    w.configuration = undefined;
    w.changes++;
  };

  const eventless = (w: Work, event: Event): Transition[] => {
    const enabled = new Set<Transition>();
    const snap = view(w);
    for (const atomic of w.nodes) {
      if (!isAtomic(atomic)) continue;
      loop: for (let s: AnyStateNode | undefined = atomic; s; s = s.parent) {
        if (!s.always) continue;
        for (const t of s.always as Transition[]) {
          if (t.guard === undefined || evaluateGuard(t.guard as Guard, w.context, event, snap)) {
            enabled.add(t);
            break loop;
          }
        }
      }
    }
    return enabled.size < 2 ? [...enabled] : removeConflicting([...enabled], new Set(w.nodes));
  };

  const select = (w: Work, event: Event) => machine.getTransitionData(view(w) as never, event as never) as Transition[];

  /** xstate's macrostep after the first microstep: eventless transitions and raised events until stable. */
  const settle = (w: Work, event: Event, queue: Event[], out: StepAction[]): void => {
    let next = event;
    let selectEventless = true;
    for (let i = 1; w.status === 'active'; i++) {
      if (i > maxIterations) {
        throw new Error(
          `Infinite loop detected: the machine has processed more than ${maxIterations} microsteps without reaching a stable state. This usually happens when there's a cycle of transitions (e.g., eventless transitions or raised events causing state A -> B -> C -> A).`,
        );
      }
      const enabled = selectEventless ? eventless(w, next) : [];
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

  const accepts = (transitions: readonly Transition[]) =>
    transitions.some((t) => t.target !== undefined || t.actions.length > 0);

  /** One event: `undefined` when `onlyIfAccepted` and xstate's `snapshot.can(event)` would be false. */
  const macrostep = (snapshot: AnyMachineSnapshot, event: Event, onlyIfAccepted: boolean): StepResult | undefined => {
    const w: Work = {
      nodes: snapshot._nodes,
      value: snapshot.value,
      context: snapshot.context,
      status: snapshot.status,
      output: snapshot.output,
      historyValue: snapshot.historyValue,
      changes: 0,
    };
    const out: StepAction[] = [];
    const queue: Event[] = [];
    const steps: TakenStep[] = [];
    taken = steps;
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
    taken = steps;
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
