import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode, EventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';

/** An event with the business date every banli event carries (any event object works). */
export type PathEvent = EventObject & Record<string, unknown>;

/** One transition definition, written `source|event|target` (targetless transitions point to their source). */
export type TransitionId = string;

/** A transition definition as xstate exposes it. */
type TransitionDef = { source: AnyStateNode; eventType: string; target?: readonly AnyStateNode[] };

/** The id of a transition definition. */
export function transitionId(t: TransitionDef): TransitionId {
  const targets = t.target?.length ? t.target.map((n) => n.id).join(',') : t.source.id;
  return `${t.source.id}|${t.eventType || 'always'}|${targets}`;
}

function nodesOf(node: AnyStateNode): AnyStateNode[] {
  return [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap(nodesOf)];
}

/**
 * Every state node id of a machine.
 *
 * @example
 * ```ts
 * stateIds(caseMachine).includes('case.lifecycle.handling'); // true
 * ```
 */
export function stateIds(machine: AnyStateMachine): string[] {
  return nodesOf(machine.root).map((n) => n.id);
}

/** Every transition of a machine, read from its definition (eventless `always` transitions included). */
export function transitionIds(machine: AnyStateMachine): TransitionId[] {
  const out = new Set<string>();
  for (const node of nodesOf(machine.root)) {
    for (const list of node.transitions.values()) for (const t of list) out.add(transitionId(t));
    for (const t of node.always ?? []) out.add(transitionId(t));
  }
  return [...out];
}

/** The active state node ids of a snapshot. */
export function activeStateIds(snapshot: AnyMachineSnapshot): string[] {
  return (snapshot._nodes as AnyStateNode[]).map((n) => n.id);
}

/** How to explore a machine. */
export interface ExploreOptions {
  /** The machine's input. */
  input?: unknown;
  /** The events to try in each state (an explicit alphabet, or a function of the state). */
  events: readonly PathEvent[] | ((snapshot: AnyMachineSnapshot) => readonly PathEvent[]);
  /** Abstracts a snapshot to a key so the traversal stays finite. @defaultValue value + context as JSON */
  serializeState?: (snapshot: AnyMachineSnapshot) => string;
}

/** One path: the events from the initial state and the snapshot it ends in. */
export interface MachinePath {
  events: PathEvent[];
  state: AnyMachineSnapshot;
}

/** A state-event-state triple found while exploring. */
export interface ExploredStep {
  state: AnyMachineSnapshot;
  event: PathEvent;
  next: AnyMachineSnapshot;
}

function graphOptions(o: ExploreOptions) {
  const events = typeof o.events === 'function' ? o.events : () => o.events as PathEvent[];
  return {
    input: o.input,
    events: (s: AnyMachineSnapshot) => [...events(s)],
    filterEvents: (s: AnyMachineSnapshot, e: PathEvent) => s.can(e),
    serializeState: o.serializeState ?? ((s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context])),
    serializeEvent: (e: PathEvent) => JSON.stringify(e),
  } as never;
}

const toPath = (p: { steps: { event: unknown }[]; state: unknown }): MachinePath => ({
  // xstate/graph starts every path with the xstate.init step; a replay starts the actor instead.
  events: p.steps.map((s) => s.event as PathEvent).filter((e) => e.type !== 'xstate.init'),
  state: p.state as AnyMachineSnapshot,
});

/**
 * A shortest path to every reachable (abstracted) state, wrapping `getShortestPaths` from `xstate/graph`.
 *
 * @example
 * ```ts
 * const paths = shortestPaths(proposalModel, { input, events: proposalEvents });
 * ```
 */
export function shortestPaths(machine: AnyStateMachine, options: ExploreOptions): MachinePath[] {
  return getShortestPaths(machine, graphOptions(options)).map(toPath);
}

/** Every simple path (no state visited twice) to every reachable state, wrapping `getSimplePaths`; grows fast, so abstract states well. */
export function simplePaths(machine: AnyStateMachine, options: ExploreOptions): MachinePath[] {
  return getSimplePaths(machine, graphOptions(options)).map(toPath);
}

/** Every (state, event, next state) the traversal found, from the adjacency map. */
export function exploreSteps(machine: AnyStateMachine, options: ExploreOptions): ExploredStep[] {
  const adjacency = getAdjacencyMap(machine, graphOptions(options));
  return Object.values(adjacency).flatMap((v) =>
    Object.values(v.transitions as Record<string, { event: PathEvent; state: AnyMachineSnapshot }>).map((t) => ({
      state: v.state as AnyMachineSnapshot,
      event: t.event,
      next: t.state,
    })),
  );
}
