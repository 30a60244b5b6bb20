import { chinaMainland } from '@banli/calendar';
import {
  type CaseInput,
  type CaseRole,
  calendarRef,
  caseMachine,
  type ProposalContext,
  presets,
  proposalMachine,
  withCalendar,
} from '@banli/core';
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

/** The case input for a `case.opened` notification (as @banli/core's coordinator builds it). */
export function caseInput(opened: Emitted, ctx: ProposalContext): CaseInput {
  const a = ctx.assignment;
  const input: CaseInput = {
    caseId: opened.caseId as string,
    proposalId: ctx.proposal.id,
    unit: opened.unit as CaseInput['unit'],
    role: opened.role as CaseRole,
    coUnits: opened.role === 'lead' ? (a?.coUnits ?? []) : [],
    proposers: ctx.proposal.proposers.map((p) => ({ id: p.id, name: p.name })),
    suggestionIds: ctx.proposal.suggestions.map((s) => s.id),
    channel: ctx.channel,
    key: ctx.registration?.key ?? false,
    urgent: ctx.registration?.urgent ?? false,
    policy: ctx.policy,
    calendar: ctx.calendar,
    assignedAt: a?.date ?? opened.at,
  };
  if (a) input.assigningOffice = a.assigningOffice;
  return input;
}

/** The proposal's internal event for a case notification (as the coordinator translates it). */
export function toProposalEvent(e: Emitted): Emitted | undefined {
  if (e.type === 'case.accepted') return { type: 'case.accepted', at: e.at, caseId: e.caseId };
  if (e.type === 'reply.issued') return { type: 'case.replied', at: e.at, caseId: e.caseId, class: e.class };
  if (e.type === 'case.closed') return { type: 'case.closed', at: e.at, caseId: e.caseId };
  if (e.type === 'case.reassigned') return { type: 'case.reassigned', at: e.at, caseId: e.caseId, toUnit: e.toUnit };
  return undefined;
}

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
