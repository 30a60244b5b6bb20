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

/** The result of `send`: the next state and the notifications emitted on the way, in order. */
export interface SendResult {
  state: HandlingState;
  emitted: Notification[];
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
  /** Whether the event is accepted now (routed by `caseId` or deadline id; guards evaluated). */
  can(state: HandlingState, event: BanliEvent): boolean;
  /** Applies an event; throws `TransitionRefusedError` when `can` is false. */
  send(state: HandlingState, event: BanliEvent): SendResult;
  /** Every deadline of the proposal and its cases, each with its `caseId`. */
  deadlines(state: HandlingState): Deadline[];
  /** The proposal and its cases at a glance. */
  summary(state: HandlingState): HandlingSummary;
}
