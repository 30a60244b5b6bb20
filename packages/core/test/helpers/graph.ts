import { type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, createActor } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { Deadline } from '../../src/deadlines.js';

type Snap = AnyMachineSnapshot;
type Ev = { type: string; at: string };

/** `source|event|target` for one transition definition (targetless transitions point to their source). */
function edgeKey(t: { source: AnyStateNode; eventType: string; target?: readonly AnyStateNode[] }): string {
  const targets = t.target?.length ? t.target.map((n) => n.id).join(',') : t.source.id;
  return `${t.source.id}|${t.eventType || 'always'}|${targets}`;
}

function nodesOf(node: AnyStateNode): AnyStateNode[] {
  return [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap(nodesOf)];
}

/** Every state node id of a machine. */
export function definedStates(machine: AnyStateMachine): string[] {
  return nodesOf(machine.root).map((n) => n.id);
}

/** Every (source, event, target) edge of a machine, read from its definition. */
export function definedEdges(machine: AnyStateMachine): string[] {
  const out = new Set<string>();
  for (const node of nodesOf(machine.root)) {
    for (const list of node.transitions.values()) for (const t of list) out.add(edgeKey(t));
    for (const t of node.always ?? []) out.add(edgeKey(t));
  }
  return [...out];
}

/** The active state node ids of a snapshot. */
export function activeStates(snapshot: Snap): string[] {
  return (snapshot._nodes as AnyStateNode[]).map((n) => n.id);
}

/** The first deadline still open, so the traversal can let it elapse. */
export function elapseFirstOpen(snapshot: Snap, at: string, caseId?: string): Ev[] {
  const d = (snapshot.context.deadlines as Deadline[]).find((x) => x.status === 'open' && x.closedAt === undefined);
  if (!d) return [];
  return [{ type: 'deadline.elapsed', at, deadlineId: d.id, ...(caseId ? { caseId } : {}) } as Ev];
}

export interface Exploration {
  /** The end state of one generated shortest path per reachable (abstracted) state. */
  states: Snap[];
  /** Event types along the generated shortest paths. */
  paths: string[][];
  pairs: { state: Snap; event: Ev; next: Snap }[];
}

/** Explores a machine with explicit events: a shortest path to every (abstracted) state, and every enabled event from each. */
export function explore(
  machine: AnyStateMachine,
  input: unknown,
  events: (s: Snap) => Ev[],
  key: (s: Snap) => string,
): Exploration {
  const options = {
    input,
    events,
    filterEvents: (s: Snap, e: Ev) => s.can(e),
    serializeState: (s: Snap) => key(s),
    serializeEvent: (e: Ev) => JSON.stringify(e),
  };
  const adjacency = getAdjacencyMap(machine, options as never);
  const pairs = Object.values(adjacency).flatMap((v) =>
    Object.values(v.transitions as Record<string, { event: Ev; state: Snap }>).map((t) => ({
      state: v.state as Snap,
      event: t.event,
      next: t.state,
    })),
  );
  const paths = getShortestPaths(machine, options as never);
  return {
    states: paths.map((p) => p.state as Snap),
    paths: paths.map((p) => p.steps.map((step) => step.event.type)),
    pairs,
  };
}

/** The transitions an actor takes (every microstep, eventless ones included) when `event` is sent in `state`. */
function takenEdges(machine: AnyStateMachine, input: unknown, state: Snap | undefined, event?: Ev): string[] {
  const taken: string[] = [];
  const inspect = (ev: { type: string; _transitions?: Parameters<typeof edgeKey>[0][] }) => {
    if (ev.type === '@xstate.microstep') for (const t of ev._transitions ?? []) taken.push(edgeKey(t));
  };
  const snapshot = state ? machine.getPersistedSnapshot(state) : undefined;
  const actor = createActor(machine, { input, inspect, ...(snapshot ? { snapshot } : {}) } as never);
  actor.start();
  if (event) actor.send(event as never);
  actor.stop();
  return taken;
}

/** Every edge taken from the initial state and by every explored (state, event) pair; pairs that move between the same
 * state values with the same event type (and feedback level) in the same handling round take the same transitions, so each such combination
 * is replayed once (the round matters: once no re-handling round is left, an open commitment goes to follow-up). */
export function coveredEdges(machine: AnyStateMachine, input: unknown, pairs: Exploration['pairs']): Set<string> {
  const edges = new Set(takenEdges(machine, input, undefined));
  const seen = new Set<string>();
  for (const p of pairs) {
    const level = (p.event as { feedback?: { level?: string } }).feedback?.level;
    const combo = JSON.stringify([
      p.state.value,
      p.event.type,
      level,
      p.next.value,
      (p.next.context as { round?: number }).round,
    ]);
    if (seen.has(combo)) continue;
    seen.add(combo);
    for (const e of takenEdges(machine, input, p.state, p.event)) edges.add(e);
  }
  return edges;
}
