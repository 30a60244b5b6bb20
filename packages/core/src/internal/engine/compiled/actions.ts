import {
  type AnyActorScope,
  type AnyStateMachine,
  and,
  assign,
  cancel,
  emit,
  not,
  or,
  raise,
  sendParent,
  sendTo,
  spawnChild,
  stopChild,
} from 'xstate';
import type { StepAction } from '../stepper.js';
import { type GuardMemo, UNANSWERED } from './guardMemo.js';
import { noSpawn, Unsupported } from './unsupported.js';
import type { Dict, Event, Guard, Work, WorkView } from './work.js';

/**
 * The resolution of guards and actions on the compiled engine, as xstate resolves them: named ones looked up in the
 * machine's implementations, `params` resolved, `assign` applied to the work state, `emit` and plain actions handed
 * back as data (`StepAction`), `enqueueActions` expanded as xstate's resolver does. Any other built-in action (`raise`,
 * `log`, `sendTo`, `spawnChild`, …) throws `Unsupported`, and the step goes to xstate.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** The function an `enqueueActions` action was made with. */
type Collect = (args: Record<string, unknown>, params: unknown) => void;

/** A built-in guard as xstate makes it: `check` evaluates it, `guards` are the ones `and`/`or`/`not` combine. */
type BuiltinGuard = { check: (...args: unknown[]) => boolean; guards?: readonly Guard[] };

// xstate's checks of `and`, `or` and `not`: the combined guards are evaluated here, as xstate's checks evaluate them,
// so that each one named or inline inside a combination is memoized in a selection like one standing alone.
const checkOf = (guard: unknown) => (guard as BuiltinGuard).check;
const checkAnd = checkOf(and([]));
const checkOr = checkOf(or([]));
const checkNot = checkOf(not(() => true));

/** Guards and actions of one machine, resolved against a macrostep's work state. */
export interface ActionResolution {
  /**
   * Evaluates a guard as xstate does (named, parameterized, inline, or a built-in such as `not`/`and`/`stateIn`).
   * With `memo` (a transition selection's), a guard already asked in that selection gives its first answer.
   */
  evaluateGuard(guard: Guard, context: Dict, event: Event, snapshot: unknown, memo?: GuardMemo): boolean;
  /** Resolves `list` in order: applies `assign` to `w` and appends what the caller runs (emit, plain) to `out`. */
  run(w: Work, event: Event, list: readonly unknown[], out: StepAction[]): void;
}

/**
 * Builds the resolution of `machine`'s guards and actions. `scope` is the stepper's reused actor scope (its `self` and
 * `system` are what actions receive); `view` is the snapshot view of a work state that xstate's resolvers read.
 */
export function createActionResolution(
  machine: AnyStateMachine,
  scope: AnyActorScope,
  view: (w: Work) => WorkView,
): ActionResolution {
  const { self, system } = scope;
  const actions = machine.implementations.actions as Record<string, unknown>;
  const guards = machine.implementations.guards as Record<string, unknown>;

  const evaluateGuard = (guard: Guard, context: Dict, event: Event, snap: unknown, memo?: GuardMemo): boolean => {
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
    if (typeof resolved !== 'function') return evaluateGuard(resolved as Guard, context, event, snap, memo);
    const params =
      inline || typeof guard === 'string'
        ? undefined
        : 'params' in guard
          ? typeof guard.params === 'function'
            ? guard.params({ context, event })
            : guard.params
          : undefined;
    // As xstate: a built-in guard (`not`, `and`, `stateIn`, …) is one with a `check`.
    if ('check' in resolved) {
      const builtin = resolved as unknown as BuiltinGuard;
      const combined = builtin.guards as readonly Guard[];
      // xstate's checkAnd, checkOr and checkNot, with the combined guards evaluated here (in the same order).
      if (builtin.check === checkAnd) return combined.every((g) => evaluateGuard(g, context, event, snap, memo));
      if (builtin.check === checkOr) return combined.some((g) => evaluateGuard(g, context, event, snap, memo));
      if (builtin.check === checkNot) return !evaluateGuard(combined[0] as Guard, context, event, snap, memo);
      return builtin.check(snap, { context, event }, resolved);
    }
    if (memo === undefined) return resolved({ context, event }, params);
    const known = memo.answer(context, event, resolved, params);
    if (known !== UNANSWERED) return known as boolean;
    const answer = resolved({ context, event }, params);
    memo.record(context, event, resolved, params, answer);
    return answer;
  };

  // xstate's `resolveEnqueueActions`, ported: one `enqueue` for the machine (xstate builds it and its nine helpers
  // on every call) writing to the list of the call in progress; after the call it writes nowhere, as xstate's would.
  let sink: unknown[] | undefined;
  const add = (action: unknown) => {
    sink?.push(action);
  };
  const enqueue = Object.assign((action: unknown) => add(action), {
    assign: (...a: Parameters<typeof assign>) => add(assign(...a)),
    cancel: (...a: Parameters<typeof cancel>) => add(cancel(...a)),
    raise: (...a: Parameters<typeof raise>) => add(raise(...(a as [never]))),
    sendTo: (...a: Parameters<typeof sendTo>) => add(sendTo(...(a as [never, never]))),
    sendParent: (...a: Parameters<typeof sendParent>) => add(sendParent(...(a as [never]))),
    spawnChild: (...a: Parameters<typeof spawnChild>) => add(spawnChild(...(a as [never]))),
    stopChild: (...a: Parameters<typeof stopChild>) => add(stopChild(...a)),
    emit: (...a: Parameters<typeof emit>) => add(emit(...(a as [never]))),
  });
  const enqueued = (collect: Collect, w: Work, event: Event, params: unknown): unknown[] => {
    const actions: unknown[] = [];
    const outer = sink;
    sink = actions;
    try {
      const snap = view(w);
      collect(
        {
          context: w.context,
          event,
          enqueue,
          check: (guard: Guard) => evaluateGuard(guard, snap.context, event, snap),
          self,
          system,
        },
        params,
      );
    } finally {
      sink = outer;
    }
    return actions;
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
        const nested = enqueued(resolved.collect as Collect, w, event, params);
        if (nested.length > 0) run(w, event, nested, out);
      } else {
        throw new Unsupported(String(resolved.type));
      }
    }
  };

  return { evaluateGuard, run };
}
