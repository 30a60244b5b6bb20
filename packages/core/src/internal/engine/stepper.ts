import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';

/** An action xstate hands back from a pure transition (assign is already applied; emit and custom ones are data). */
export interface StepAction {
  type: string;
  info?: unknown;
  params?: unknown;
  exec?: ((info: unknown, params: unknown) => void) | undefined;
}

/** A transition as xstate defines it on a state node: its source, its targets and its event descriptor. */
export interface StepTransition {
  readonly source: { readonly id: string };
  readonly target?: readonly { readonly id: string }[] | undefined;
  /** The event descriptor it is defined on (`''` for an eventless `always` transition). */
  readonly eventType: string;
}

/** One transition a step took, with the type of the event that selected it (the sent one or an internal one). */
export interface TakenStep {
  readonly event: string;
  readonly transition: StepTransition;
}

/** What one step returns: the next snapshot, the actions to run and the transitions taken, in order. */
export type StepResult = [AnyMachineSnapshot, StepAction[], TakenStep[]];

/** Why a compiled stepper handed work to xstate (`createCompiledStepper`'s `onFallback`). */
export interface StepperFallback {
  /** The machine's id. */
  readonly machine: string;
  /**
   * `xstateVersion`: the installed xstate is not the version the compiled engine was verified against;
   * `machine`: the machine uses a feature it does not run (history, invoke, after, output), so every step goes to
   * xstate; `action`: one step used an action it does not run (raise, log, spawn…); `snapshot`: the snapshot is not an
   * active, childless snapshot of this machine or the event is xstate's own; `error`: the compiled path threw.
   */
  readonly reason: 'xstateVersion' | 'machine' | 'action' | 'snapshot' | 'error';
  /** What exactly, e.g. `xstate.raise`, `history`, or the installed version. */
  readonly detail: string;
  /** The event type of the step, when the fallback concerns one step. */
  readonly event?: string;
}

/** Pure transitions of one machine through a single reused actor scope. */
export interface Stepper {
  /** The next snapshot and the actions to run, like xstate's `transition()`. */
  transition(snapshot: AnyMachineSnapshot, event: { type: string }): StepResult;
  /** Like `transition`, but `undefined` (and nothing run) when `snapshot.can(event)` is false. */
  transitionIfAccepted(snapshot: AnyMachineSnapshot, event: { type: string }): StepResult | undefined;
  /** xstate's `snapshot.can(event)`: whether the event selects a transition with a target or actions (nothing run). */
  accepts(snapshot: AnyMachineSnapshot, event: { type: string }): boolean;
  /** The initial snapshot and its actions, like xstate's `initialTransition()`. */
  initial(input: unknown): StepResult;
  /** The reused actor scope (its `self` and `system` are what actions receive). */
  readonly scope: AnyActorScope;
  /** Whether transitions run on banli's compiled path (`createCompiledStepper`) rather than xstate's `transition`. */
  readonly compiled: boolean;
  /** How many transitions a compiled stepper handed to xstate because they used what it does not run. */
  readonly fallbacks: number;
}

/**
 * Builds a stepper: the same result as xstate's `transition()`/`initialTransition()`, without building a throwaway
 * actor (and its initial snapshot) on every call, which made `transition()` about 3× slower than `machine.transition`.
 */
export function createStepper(machine: AnyStateMachine): Stepper {
  // As xstate's inert scope: the actor is never started; its eager initial snapshot may fail without input (ignored).
  let taken: TakenStep[] = [];
  // xstate reports each microstep's transitions to the system's inspectors, synchronously.
  const self = createActor(machine, {
    inspect: (e) => {
      if (e.type !== '@xstate.microstep') return;
      const { event, _transitions } = e as unknown as { event: { type: string }; _transitions: StepTransition[] };
      for (const transition of _transitions) taken.push({ event: event.type, transition });
    },
  });
  let sink: StepAction[] = [];
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: StepAction) => {
      sink.push(action);
    },
  } as unknown as AnyActorScope;
  return {
    scope,
    compiled: false,
    fallbacks: 0,
    transition(snapshot, event) {
      const actions: StepAction[] = [];
      sink = actions;
      const steps: TakenStep[] = [];
      taken = steps;
      const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      return [next, actions, steps];
    },
    transitionIfAccepted(snapshot, event) {
      return snapshot.can(event) ? this.transition(snapshot, event) : undefined;
    },
    accepts(snapshot, event) {
      return snapshot.can(event);
    },
    initial(input) {
      const actions: StepAction[] = [];
      sink = actions;
      const steps: TakenStep[] = [];
      taken = steps;
      const next = machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot;
      return [next, actions, steps];
    },
  };
}
