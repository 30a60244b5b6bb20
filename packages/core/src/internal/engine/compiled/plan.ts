import type { AnyStateNode } from 'xstate';
import { entrySet, exitSet, isInFinalState, removeConflicting, type Transition } from './algorithm.js';

/**
 * The node-set part of one microstep with targets, worked out once per configuration and transition list: which
 * nodes it exits and enters, in order, with the actions to run on each, the done events each entry raises, and the
 * resulting node list. Without history states (the compiled engine runs none) this depends on the active nodes and
 * the transitions alone, never on context or actions, so the macrostep caches it and only runs the actions.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** One node entered by a microstep. */
interface PlannedEntry {
  node: AnyStateNode;
  /** Its entry actions, then its initial transition's when it is entered by default. */
  actions: readonly unknown[];
  /** The done events its entry raises (`xstate.done.state.<id>`), in order. */
  done: readonly string[];
  /** Whether entering it finishes the machine (a top-level final state). */
  finishes: boolean;
}

/** What a microstep does to the node set. */
export interface MicrostepPlan {
  /** The transitions taken after conflict removal. */
  filtered: readonly Transition[];
  /** The nodes exited, in exit order (reverse document order). */
  exits: readonly AnyStateNode[];
  /** The nodes entered, in document order. */
  entries: readonly PlannedEntry[];
  /** The resulting node list (as xstate orders it); `undefined` when the node set is unchanged. */
  next: readonly AnyStateNode[] | undefined;
  /** The resulting nodes in reverse document order with their exit actions, for a machine that finishes. */
  finalExits: { nodes: AnyStateNode[]; actions: readonly unknown[] };
}

/** Works out the node-set part of a microstep taking `transitions` from `nodes`, as xstate's `microstep` does. */
export function planMicrostep(nodes: readonly AnyStateNode[], transitions: readonly Transition[]): MicrostepPlan {
  const set = new Set(nodes);
  const filtered = removeConflicting(transitions, set);
  const exits = exitSet(filtered, set).sort((a, b) => b.order - a.order);
  for (const s of exits) set.delete(s);
  const toEnter = new Set<AnyStateNode>();
  const forDefault = new Set<AnyStateNode>();
  entrySet(filtered, forDefault, toEnter);
  const completed = new Set<AnyStateNode>();
  const entries: PlannedEntry[] = [];
  for (const s of [...toEnter].sort((a, b) => a.order - b.order)) {
    set.add(s);
    const initialActions = forDefault.has(s) ? (s.initial?.actions ?? []) : [];
    const entry: PlannedEntry = {
      node: s,
      actions: initialActions.length > 0 ? [...s.entry, ...initialActions] : s.entry,
      done: [],
      finishes: false,
    };
    entries.push(entry);
    if (s.type !== 'final') continue;
    const done: string[] = [];
    const parent = s.parent;
    let marker = parent?.type === 'parallel' ? parent : parent?.parent;
    if (parent?.type === 'compound') done.push(`xstate.done.state.${parent.id}`);
    while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(set, marker)) {
      completed.add(marker);
      done.push(`xstate.done.state.${marker.id}`);
      marker = marker.parent;
    }
    entry.done = done;
    entry.finishes = !marker;
  }
  const next = [...set];
  const unchanged = nodes.length === set.size && nodes.every((n) => set.has(n));
  const sorted = [...next].sort((a, b) => b.order - a.order);
  return {
    filtered,
    exits,
    entries,
    next: unchanged ? undefined : next,
    finalExits: { nodes: sorted, actions: sorted.flatMap((s) => s.exit) },
  };
}
