import type { Calendar } from '@banli/calendar';
import type { Bilingual, Proposal } from '@banli/schemas';
import type { BanliOptions } from '@banli/sdk';
import type { ActorRef } from './actors.js';
import { callSite, stampScenario } from './internal/origin.js';

/** What a step or the whole scenario expects; every field is optional and checked only when given. */
export interface Expectation {
  /** The proposal's top-level state, e.g. `inHandling`, `archived`. */
  proposal?: string;
  /** Case states by unit id, as a dotted path prefix of the case's main region, e.g. `replied.awaitingFeedback`. */
  cases?: Record<string, string>;
  /** Deadlines that must exist (by kind, optionally unit, due date and status). */
  deadlines?: readonly DeadlineExpectation[];
  /** Deadlines that must not exist: no deadline may match any of these. */
  noDeadlines?: readonly DeadlineExpectation[];
  /** Due dates the step moved (at the outcome: any step moved), e.g. `{ kind: 'reply', from: '2023-06-30', to: '2023-10-07' }`. */
  deadlineMoved?: readonly DeadlineMove[];
  /**
   * Notification types the step must emit (others may be emitted too); an empty list means the step emits none. At
   * the outcome: over the whole run.
   */
  emitted?: readonly string[];
  /** Exactly these notification types, counted, in any order, and nothing else. */
  emittedExactly?: readonly string[];
  /** Notification types the step must not emit. */
  notEmitted?: readonly string[];
  /** The step must be refused with this SDK error code (e.g. `TRANSITION_REFUSED`); nothing is written. */
  refused?: string;
  /** Letters issued so far, by unit id: document number, class, and the rendered text. */
  letters?: Record<string, LetterExpectation>;
}

/** One expected letter (the latest reply of a unit's case). */
export interface LetterExpectation {
  docNumber?: string;
  class?: string;
  /** Text (or every text of a list) the rendered letter must contain. */
  textContains?: string | readonly string[];
  /** The whole rendered letter, exactly. */
  text?: string;
}

/** A deadline that moved: of this kind (and unit), from one due date to another. */
export interface DeadlineMove {
  kind: string;
  unit?: string;
  from: string;
  to: string;
}

/** One expected deadline. */
export interface DeadlineExpectation {
  kind: string;
  /** The unit whose case holds it. */
  unit?: string;
  /** The co-handler a `coOpinion` deadline waits for. */
  from?: string;
  due?: string;
  status?: 'open' | 'met' | 'missed' | 'cancelled';
}

/** An event as a tester writes it: `at` defaults to the step's date and `caseId` comes from `case`. */
export type StepEvent = { type: string } & Record<string, unknown>;

/** Submit the scenario's proposal (or another item the scenario needs on file, e.g. the target of a 并案). */
export interface SubmitStep {
  on: string;
  by: ActorRef;
  submit: true;
  /** Another item to submit instead of the scenario's proposal. @defaultValue the scenario's `proposal` */
  proposal?: Proposal;
  /**
   * Create the item as a draft (the SDK's `submit(…, { draft: true })`): a later step submits it
   * (`send: { type: 'proposal.submit' }`) or withdraws it. @defaultValue false
   */
  draft?: boolean;
  expect?: Expectation;
  /** This official act really happens on a rest day (no warning). */
  restDay?: boolean;
}

/** Send one event; `case` names the unit whose case it targets. */
export interface SendStep {
  on: string;
  by: ActorRef;
  send: StepEvent;
  case?: string;
  /** The item it is sent to, when not the scenario's proposal (one submitted by a step's `proposal`). */
  proposalId?: string;
  expect?: Expectation;
  /**
   * An act entered late: the step may be dated before the last event of its case (or of the proposal), as the SDK's
   * `backdated` option allows; without it such a step is refused (`BACKDATED`).
   */
  backdated?: { reason: string };
  /** This official act really happens on a rest day (no warning). */
  restDay?: boolean;
}

/** Let the scheduler run on this date (fires due deadlines, reminders and escalations). */
export interface TickStep {
  on: string;
  tick: true;
  expect?: Expectation;
}

/** One line of a scenario. */
export type ScenarioStep = SubmitStep | SendStep | TickStep;

/** What the scenario ends with, beyond a final `Expectation`. */
export interface FinalExpectation extends Expectation {
  /** How many deadlines were missed over the whole run. */
  missedDeadlines?: number;
}

/** "Given a proposal, when these actors send these events on these dates, then these states, deadlines and letters." */
export interface Scenario {
  /** A camelCase name, e.g. `seedCase132402`. */
  name: string;
  /** What the scenario shows, for humans. */
  title: Bilingual;
  /** Given: the proposal. */
  proposal: Proposal;
  /** The policy. @defaultValue the harness default (`guangdongCity`) */
  policy?: BanliOptions['policy'];
  /** The calendar. @defaultValue `chinaMainland` */
  calendar?: Calendar;
  /** The unit id of the assigning office, for the `office` actor. */
  officeUnitId?: string;
  /**
   * When: the steps, in date order. A step dated before the previous one follows the SDK's rule: it may not predate
   * the last event of its own case (or of the proposal, for a proposal-level event) unless it says `backdated`.
   */
  steps: readonly ScenarioStep[];
  /** `'allowed'`: official acts on rest days are expected here and not warned about. @defaultValue 'warn' */
  restDays?: 'warn' | 'allowed';
  /** Then: the end state (`outcome`, since a `then` property would make the object thenable). */
  outcome?: FinalExpectation;
}

/**
 * Declares a scenario (an identity function that gives it its type and remembers the line it was defined on, for
 * failure reports).
 *
 * @example
 * ```ts
 * export const rejected = defineScenario({
 *   name: 'rejected', title: { 'zh-CN': '不予立案', en: 'Not registered' }, proposal,
 *   steps: [
 *     { on: '2023-02-20', by: 'proposer', submit: true },
 *     { on: '2023-02-21', by: 'committee', send: { type: 'review.start' } },
 *     { on: '2023-02-24', by: 'committee', send: { type: 'review.reject', reason: 'notInScope' } },
 *   ],
 *   outcome: { proposal: 'rejected' },
 * });
 * ```
 */
export function defineScenario(scenario: Scenario): Scenario {
  stampScenario(scenario, callSite(1));
  return scenario;
}
