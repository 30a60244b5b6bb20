import type { BanliEvent } from '@banli/schemas';
import type { StateValue } from 'xstate';
import type { CaseEmitted } from '../case/emitted.js';
import type { caseMachine } from '../case/machine.js';
import type { CaseRole, FeedbackRecord } from '../case/types.js';
import type { Deadline } from '../deadlines.js';
import type { IsoDate, Proposal, ReplyClass, ReplyLetter } from '../domain.js';
import type { Policy } from '../policy/schema.js';
import type { ProposalEmitted } from '../proposal/emitted.js';
import type { proposalMachine } from '../proposal/machine.js';
import type { BanliTag } from '../tags.js';

/** A machine snapshot as persisted: plain JSON. */
export interface PersistedMachineSnapshot {
  status: string;
  value: StateValue;
  context: unknown;
  [key: string]: unknown;
}

/** A machine's id and definition version, stored with persisted state. */
export interface MachineVersion {
  id: string;
  version: string;
  /** A content hash of the machine's structure (`structureHash`); absent in state written before it existed. */
  hash?: string;
}

/** The whole state of one proposal and its cases: plain, JSON-serializable data. */
export interface HandlingState {
  /** The proposal machine's id and version (e.g. `proposal@1`). */
  machine: MachineVersion;
  /** The case machine's id and version (e.g. `case@1`). */
  caseMachine: MachineVersion;
  proposal: PersistedMachineSnapshot;
  cases: Record<string, PersistedMachineSnapshot>;
}

/** Every notification either machine emits. */
export type Notification = ProposalEmitted | CaseEmitted;

/**
 * A transition an event took, as its machine defines it: the event's own, then internal ones (eventless `always`
 * transitions, `xstate.done.state.*`), in the order they ran. Coverage can record what actually ran from these.
 */
export interface TakenTransition {
  /** Which machine took it: the proposal's, or a case's (then `caseId` says which). */
  machine: 'proposal' | 'case';
  /** The case, when `machine` is `case`. */
  caseId?: string;
  /** The id of the state node the transition is defined on, e.g. `proposal.lifecycle.draft`. */
  source: string;
  /** The event descriptor it is defined on (`''` for an eventless transition). */
  eventType: string;
  /** The ids of its target state nodes; empty for a targetless transition. */
  targets: string[];
  /** The type of the event that selected it (the sent event, or an internal one). */
  event: string;
}

/** The result of `send`: the next state, the notifications emitted on the way and the transitions taken, in order. */
export interface SendResult {
  state: HandlingState;
  emitted: Notification[];
  /** Every transition the event took in the proposal and its cases, in order; both engines report the same. */
  transitions: TakenTransition[];
}

/** Why the compiled engine handed work to xstate (see `HandlingSystemOptions.onFallback`). */
export interface EngineFallback {
  /** The machine's id (`proposal` or `case`). */
  readonly machine: string;
  /**
   * `xstateVersion`: the installed xstate is not the one the compiled engine was verified against, so every step
   * runs on xstate; `machine`: the machine uses what the compiled engine does not run (history, invoke, after,
   * output), so every step runs on xstate; `action`: one step used an action it does not run (e.g. `raise`, `log`);
   * `snapshot`: the snapshot was not an active one of this machine; `error`: the compiled path threw.
   */
  readonly reason: 'xstateVersion' | 'machine' | 'action' | 'snapshot' | 'error';
  /** What exactly, e.g. `xstate.raise`, `after (case.handling)`, or the installed version. */
  readonly detail: string;
  /** The event type, when the fallback concerns one step. */
  readonly event?: string;
}

/** How a coordinator runs its machines (`HandlingSystem.stats()`). */
export interface EngineStats {
  /** The engine asked for. */
  engine: 'compiled' | 'xstate';
  /** Whether each machine runs on the compiled engine (false when `engine` is `xstate` or after a machine-wide fallback). */
  compiled: { proposal: boolean; case: boolean };
  /** How many times work went to xstate although the compiled engine was asked for (machine-wide ones count once). */
  fallbacks: number;
}

/** Options of `createHandlingSystem`. */
export interface HandlingSystemOptions {
  /** The local rules; validated with `PolicySchema`. */
  policy: Policy;
  /** The working-day calendar used for every due date. */
  calendar: import('@banli/calendar').Calendar;
  /** A customised proposal machine (e.g. `proposalMachine.provide(...)`). @defaultValue proposalMachine */
  proposalMachine?: typeof proposalMachine;
  /** A customised case machine. @defaultValue caseMachine */
  caseMachine?: typeof caseMachine;
  /**
   * Which engine runs transitions: `compiled` (banli's port of xstate's algorithm, faster; falls back to xstate,
   * visibly, for what it does not run) or `xstate` (xstate's own `transition`). Both give the same states.
   * @defaultValue 'compiled'
   */
  engine?: 'compiled' | 'xstate';
  /** Told each time the compiled engine hands work to xstate; the count is in `stats().fallbacks`. */
  onFallback?: (fallback: EngineFallback) => void;
}

/** What `start` needs. */
export interface StartInput {
  proposal: Proposal;
  at: IsoDate;
  /** The session's closing day, for policies whose reply period starts then. */
  sessionClosedAt?: IsoDate;
}

/** One case as the SDK shows it. */
export interface CaseSummary {
  caseId: string;
  unitId: string;
  unitName: string;
  role: CaseRole;
  value: StateValue;
  tags: BanliTag[];
  round: number;
  letter?: ReplyLetter;
  class?: ReplyClass;
  feedback: FeedbackRecord[];
}

/** The result of `begin`: the new proposal's state and the transitions its machine took on starting, in order. */
export interface StartResult {
  state: HandlingState;
  /** Eventless transitions the proposal machine took on entering its initial state (usually none). */
  transitions: TakenTransition[];
}

/** The proposal and its cases at a glance. */
export interface HandlingSummary {
  proposalId: string;
  value: StateValue;
  tags: BanliTag[];
  cases: CaseSummary[];
}

/** The coordinator: drives both machines purely over JSON state. */
export interface HandlingSystem {
  readonly policy: Policy;
  readonly proposalMachine: typeof proposalMachine;
  readonly caseMachine: typeof caseMachine;
  /** Creates the state of a new proposal, in `draft`. */
  start(input: StartInput): HandlingState;
  /** Like `start`, also reporting the transitions the proposal machine took on starting (as `send` does). */
  begin(input: StartInput): StartResult;
  /** Whether the event is accepted now (routed by `caseId` or deadline id; guards evaluated). */
  can(state: HandlingState, event: BanliEvent): boolean;
  /** Applies an event; throws `TransitionRefusedError` when `can` is false. */
  send(state: HandlingState, event: BanliEvent): SendResult;
  /** Every deadline of the proposal and its cases, each with its `caseId`. */
  deadlines(state: HandlingState): Deadline[];
  /** The proposal and its cases at a glance. */
  summary(state: HandlingState): HandlingSummary;
  /** Which engine runs the machines and how often the compiled one fell back to xstate. */
  stats(): EngineStats;
}
