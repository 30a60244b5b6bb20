import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';
import type { Transition } from './algorithm.js';
import { GuardMemo } from './guardMemo.js';
import type { Event, Guard, WorkView } from './work.js';

/**
 * xstate's transition selection for an event (`machine.getTransitionData`: `transitionNode` and `StateNode.next`,
 * with `getCandidates` and `matchesEventDescriptor`), ported from xstate 5 (see `VERIFIED_XSTATE_VERSION`) so that a
 * selection allocates nothing but its result: candidates are cached per state node and event type in maps instead of
 * xstate's per-call key strings, and the chosen transitions go into one list instead of one array per node. Within
 * one selection a guard asked again (the same implementation and params, on the same context and event) takes its
 * first answer (`guardMemo.ts`), where xstate runs it again: the selection is xstate's for pure guards.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/**
 * Evaluates a guard against a work state's view, as xstate's `evaluateGuard` does; a guard already asked in the
 * selection whose `memo` is given answers as it did then.
 */
export type GuardEvaluator = (
  guard: Guard,
  context: Record<string, unknown>,
  event: Event,
  snapshot: WorkView,
  memo?: GuardMemo,
) => boolean;

/** Whether an event type matches a transition's event descriptor (exact, `*`, or a `prefix.*` partial). */
function matchesEventDescriptor(eventType: string, descriptor: string): boolean {
  if (descriptor === eventType || descriptor === '*') return true;
  if (!descriptor.endsWith('.*')) return false;
  const partial = descriptor.split('.');
  const tokens = eventType.split('.');
  for (let i = 0; i < partial.length; i++) {
    if (partial[i] === '*') return i === partial.length - 1;
    if (partial[i] !== tokens[i]) return false;
  }
  return true;
}

/** A node's transitions for an event type: exact ones first, then matching wildcards, longest descriptor first. */
function candidatesOf(node: AnyStateNode, eventType: string): Transition[] {
  const transitions = node.transitions as unknown as Map<string, Transition[]>;
  const exact = transitions.get(eventType);
  const wildcards = [...transitions.keys()]
    .filter((d) => d !== eventType && matchesEventDescriptor(eventType, d))
    .sort((a, b) => b.length - a.length)
    .flatMap((d) => transitions.get(d) as Transition[]);
  return exact ? [...exact, ...wildcards] : wildcards;
}

/** The most event types a node caches candidates for (events from outside may carry any type). */
const MAX_CACHED_TYPES = 1_000;

/** The transition selection of one machine: the transitions xstate selects for an event in a state value. */
export function createSelection(
  machine: AnyStateMachine,
  evaluateGuard: GuardEvaluator,
): (value: StateValue, snapshot: WorkView, event: Event) => Transition[] {
  const cache = new Map<AnyStateNode, Map<string, Transition[]>>();
  const candidates = (node: AnyStateNode, eventType: string): Transition[] => {
    let byType = cache.get(node);
    if (!byType) {
      byType = new Map();
      cache.set(node, byType);
    }
    let hit = byType.get(eventType);
    if (!hit) {
      hit = candidatesOf(node, eventType);
      if (byType.size < MAX_CACHED_TYPES) byType.set(eventType, hit);
    }
    return hit;
  };

  // The guard answers of the selection in progress (one memo for the machine, opened and closed by each selection).
  const memo = new GuardMemo();

  /** `StateNode.next`: the first candidate whose guard passes, appended to `out`; false when none does. */
  const next = (node: AnyStateNode, snapshot: WorkView, event: Event, out: Transition[]): boolean => {
    for (const candidate of candidates(node, event.type)) {
      const { guard } = candidate;
      let passed = false;
      try {
        passed = !guard || evaluateGuard(guard as Guard, snapshot.context, event, snapshot, memo);
      } catch (err) {
        const type =
          typeof guard === 'string'
            ? guard
            : typeof guard === 'object'
              ? (guard as Guard & { type: string }).type
              : undefined;
        throw new Error(
          `Unable to evaluate guard ${type ? `'${type}' ` : ''}in transition for event '${event.type}' in state node '${node.id}':\n${(err as Error).message}`,
        );
      }
      if (passed) {
        out.push(candidate);
        return true;
      }
    }
    return false;
  };

  /** xstate's `getStateNode`: a child by key, or a node by `#id`. */
  const child = (node: AnyStateNode, key: string): AnyStateNode => {
    if (key[0] === '#') return machine.getStateNodeById(key) as AnyStateNode;
    const states = node.states as Record<string, AnyStateNode> | undefined;
    if (!states) throw new Error(`Unable to retrieve child state '${key}' from '${node.id}'; no child states exist.`);
    const result = states[key];
    if (!result) throw new Error(`Child state '${key}' does not exist on '${node.id}'`);
    return result;
  };

  /** xstate's `transitionNode`: appends the selected transitions to `out`; false when it selected none. */
  const walk = (
    node: AnyStateNode,
    value: StateValue,
    snapshot: WorkView,
    event: Event,
    out: Transition[],
  ): boolean => {
    if (typeof value === 'string') {
      return next(child(node, value), snapshot, event, out) || next(node, snapshot, event, out);
    }
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const key = keys[0] as string;
      return walk(child(node, key), value[key] as StateValue, snapshot, event, out) || next(node, snapshot, event, out);
    }
    const before = out.length;
    for (const key of keys) {
      const sub = value[key];
      if (!sub) continue;
      walk(child(node, key), sub, snapshot, event, out);
    }
    return out.length > before || next(node, snapshot, event, out);
  };

  return (value, snapshot, event) => {
    const out: Transition[] = [];
    memo.open(snapshot.context, event);
    try {
      walk(machine.root, value, snapshot, event, out);
    } finally {
      memo.close();
    }
    return out;
  };
}
