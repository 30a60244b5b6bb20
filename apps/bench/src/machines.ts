import { chinaMainland } from '@banli/calendar';
import { calendarRef, caseMachine, presets, proposalMachine, withCalendar } from '@banli/core';
import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';

/** The policy every benchmark uses. */
export const policy = presets.guangdongCity;
/** The core machines bound to the China-mainland calendar, exactly as the coordinator builds them. */
export const pm = withCalendar(proposalMachine, chinaMainland);
/** The case machine bound to the calendar. */
export const cm = withCalendar(caseMachine, chinaMainland);

/** The proposal machine's input for a new proposal. */
export function proposalInput(proposal: unknown, at: string) {
  return { proposal, at, policy, calendar: calendarRef(chinaMainland) } as never;
}

/** A notification emitted by a machine. */
export type Emitted = { type: string; caseId?: string; at: string; [key: string]: unknown };

/**
 * The case input for a `case.opened` notification and the proposal's event for a case notification: core's own
 * (`@banli/core/internal`), so the bare-XState baselines run on exactly the input the coordinator builds.
 */
export { caseInputFrom as caseInput, toProposalEvent } from '@banli/core/internal';

/** A reused actor scope for `machine.transition(snapshot, event, scope)`; actions are collected into `sink`. */
export function reusedScope(machine: AnyStateMachine) {
  const self = createActor(machine);
  const state = { sink: [] as { type: string; params?: unknown }[] };
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (a: { type: string; params?: unknown }) => state.sink.push(a),
  } as unknown as AnyActorScope;
  return {
    transition(snapshot: AnyMachineSnapshot, event: unknown): [AnyMachineSnapshot, Emitted[]] {
      state.sink = [];
      const next = machine.transition(snapshot, event as never, scope) as AnyMachineSnapshot;
      return [next, emittedOf(state.sink)];
    },
    initial(input: unknown): [AnyMachineSnapshot, Emitted[]] {
      state.sink = [];
      const next = machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot;
      return [next, emittedOf(state.sink)];
    },
  };
}

function emittedOf(actions: { type: string; params?: unknown }[]): Emitted[] {
  const out: Emitted[] = [];
  for (const a of actions) if (a.type === 'xstate.emit') out.push((a.params as { event: Emitted }).event);
  return out;
}
