import { addWorkingDays, type Calendar, chinaMainland, isWorkingDay } from '@banli/calendar';
import type { MigrationPlan } from '@banli/core';
import { businessDate, type Clock, systemClock } from './clock.js';
import { type SendOptions, type SubmitOptions, sendCommand, submitCommand } from './commands.js';
import { defaultPolicy, defaultSystemFactory, type PolicyLike, type SystemFactory } from './defaults.js';
import { NotFound } from './errors.js';
import {
  checkBanliOptions,
  checkIdArgs,
  checkMigrateArgs,
  checkQueryArgs,
  checkStatisticsArgs,
  checkTickArgs,
} from './input/calls.js';
import { createDerivations, loadAggregate } from './internal/aggregate.js';
import { createAggregateCache } from './internal/cache.js';
import { type AlertPolicy, createAlertPlanner } from './internal/deadlineIndex.js';
import type { CommandResult, Engine } from './internal/engine.js';
import type { ProposalFacts } from './internal/facts.js';
import { type LetterFormat, renderLetter } from './letters/render.js';
import { DEFAULT_LIMITS, type SizeLimits } from './limits.js';
import { createSystemRegistry } from './migrate/registry.js';
import type { MigrationReport } from './migrate/report.js';
import { type MigrateOptions, migrateStreams } from './migrate/run.js';
import { createNotifier, type NotificationListener } from './notifications.js';
import {
  type DeadlineView,
  deadlineViews,
  type ProposalQuery,
  type ProposalView,
  proposalView,
  queryProposals,
} from './queries.js';
import { type RecomputeReport, recomputeAll } from './recompute.js';
import { runTick, type TickOptions, type TickReport } from './scheduler/tick.js';
import { computeStatistics, type Statistics, type StatisticsOptions } from './stats/statistics.js';
import { createMemoryStore } from './store/memory.js';
import type { Store, StoredEvent, StreamSummary } from './store/port.js';

/** Options of `createBanli`; every dependency is injected, nothing is global. */
export interface BanliOptions {
  /** Where proposals are persisted. @defaultValue an in-memory store */
  store?: Store;
  /** The local handling rules. @defaultValue the `guangdongCity` preset of @banli/core */
  policy?: PolicyLike;
  /** The working-day calendar. @defaultValue `chinaMainland` */
  calendar?: Calendar;
  /** The time source. @defaultValue the system clock */
  clock?: Clock;
  /** Builds the coordinator. @defaultValue @banli/core `createHandlingSystem` */
  createSystem?: SystemFactory;
  /** Reminder lead times and escalation delays, in working days. @defaultValue `{ reminderLeadTimes: [10, 3], escalateAfter: [0] }` */
  alerts?: AlertPolicy;
  /** Write a snapshot once this many events accumulated since the last one. @defaultValue 1 */
  snapshotEvery?: number;
  /** Retries of a command that lost a race without an `expectedVersion`. @defaultValue 3 */
  maxRetries?: number;
  /** The business time zone as minutes east of UTC. @defaultValue 480 (China Standard Time) */
  utcOffsetMinutes?: number;
  /** Called when a subscriber throws; the command still succeeds. @defaultValue console.error */
  onListenerError?: (error: unknown) => void;
  /** Older definitions still served: each stream is loaded with the system its snapshot names. @defaultValue [] */
  previousVersions?: readonly WorkflowVersion[];
  /**
   * Keep the latest aggregates of this many proposals in memory (least recently used evicted first), so a command
   * need not load the snapshot from the store; `false` (or 0) turns the cache off.
   *
   * Safe with other writers (other processes, other `createBanli` instances on the same store): a command that starts
   * from a cached aggregate appends with its version as `expectedVersion`, so a stale entry is caught by the store
   * and the command is retried once from a fresh load (this retry does not count against `maxRetries`); a refusal
   * computed from a cached aggregate (`TransitionRefusedError`, `PermissionError`, `ValidationError`, `ConcurrencyConflict`
   * for your `expectedVersion`) is re-checked against a fresh load before it is thrown. Results never alias cached
   * state. Reads (`get`, `history`, `query`, …) always go to the store.
   * @defaultValue 1000
   */
  cache?: number | false;
  /** Size limits on ids, idempotency keys, text fields, payloads (letters) and streams; each field defaults to {@link DEFAULT_LIMITS}. */
  limits?: Partial<SizeLimits>;
}

/** An older workflow definition that in-flight proposals may still run on (its policy and coordinator factory). */
export interface WorkflowVersion {
  /** The policy of that version. @defaultValue the current policy */
  policy?: PolicyLike;
  /** Builds its coordinator. @defaultValue @banli/core `createHandlingSystem` */
  createSystem?: SystemFactory;
}

/** The embedding API returned by `createBanli`. */
export interface Banli {
  /** Validates and stores a new proposal and submits it (unless `draft`). */
  submit(proposal: unknown, options: SubmitOptions): Promise<CommandResult>;
  /** Validates, authorises and applies one event; refusals throw typed errors and write nothing. */
  send(id: string, event: unknown, options: SendOptions): Promise<CommandResult>;
  /** A proposal's current state, cases, tags and facts. */
  get(id: string): Promise<ProposalView>;
  /** The full, ordered event log of a proposal. */
  history(id: string): Promise<StoredEvent[]>;
  /** A proposal's deadlines with zh-CN/en explanations of how each due date was computed. */
  deadlines(id: string): Promise<DeadlineView[]>;
  /** Proposals by state, case state, unit, proposer, tag, overdue, or due within N working days. */
  query(query?: ProposalQuery): Promise<StreamSummary[]>;
  /** Fires due deadlines exactly once and sends due reminders and escalations; run it from a cron or worker loop. */
  tick(now?: string, options?: TickOptions): Promise<TickReport>;
  /** Moves open deadlines to a corrected calendar, logging old and new due dates; then uses that calendar. */
  recomputeDeadlines(calendar: Calendar): Promise<RecomputeReport>;
  /** 按时办复率, 满意率 (first round and final), classes and re-handling over a period, per unit with a minimum n. */
  statistics(options: StatisticsOptions): Promise<Statistics>;
  /** Renders the latest reply letter of a case as text, Markdown or HTML. */
  letter(id: string, caseId: string, format?: LetterFormat): Promise<string>;
  /** Moves proposals on the plan's source version to its target: a dry-run report, or one append per stream. */
  migrate(plan: MigrationPlan, options?: MigrateOptions): Promise<MigrationReport>;
  /** Subscribes to notifications (`reply.issued`, `deadline.missed`, `reminder.due`, …); returns an unsubscribe function. */
  subscribe(listener: NotificationListener, types?: readonly string[]): () => void;
  /** The injected store. */
  readonly store: Store;
  /** The calendar in force. */
  readonly calendar: Calendar;
  /** The policy in force. */
  readonly policy: PolicyLike;
  /** The injected clock. */
  readonly clock: Clock;
}

/**
 * Creates the banli embedding API.
 *
 * @example
 * ```ts
 * const banli = createBanli({ clock: createManualClock('2023-03-01') });
 * await banli.submit(proposal, { actor: { role: 'proposer', id: 'liang' } });
 * await banli.send(proposal.id, { type: 'review.start' }, { actor: { role: 'committee', id: 'office' } });
 * ```
 */
export function createBanli(options: BanliOptions = {}): Banli {
  const limits: SizeLimits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  checkBanliOptions(limits, options);
  const store = options.store ?? createMemoryStore();
  const policy = options.policy ?? defaultPolicy;
  const clock = options.clock ?? systemClock;
  const createSystem = options.createSystem ?? defaultSystemFactory;
  const onError = options.onListenerError ?? ((error: unknown) => console.error(error));
  const notifier = createNotifier(onError);
  const offset = options.utcOffsetMinutes ?? 480;
  let calendar = options.calendar ?? chinaMainland;

  const build = (cal: Calendar): Engine => {
    const current = createSystem({ policy, calendar: cal });
    const older = (options.previousVersions ?? []).map((v) =>
      (v.createSystem ?? defaultSystemFactory)({ policy: v.policy ?? policy, calendar: cal }),
    );
    const system = older.length === 0 ? current : createSystemRegistry([current, ...older]);
    const days = {
      isWorkingDay: (d: string) => isWorkingDay(cal, d),
      addWorkingDays: (d: string, n: number) => addWorkingDays(cal, d, n),
    };
    return {
      store,
      system,
      policy,
      derive: createDerivations(system),
      planner: createAlertPlanner(days, options.alerts),
      clock,
      notifier,
      snapshotEvery: Math.max(1, options.snapshotEvery ?? 1),
      maxRetries: options.maxRetries ?? 3,
      limits,
      cache: createAggregateCache(options.cache),
      today: () => businessDate(clock.now(), offset),
    };
  };
  let engine = build(calendar);
  const get = async (id: string) => {
    checkIdArgs(limits, id);
    return proposalView(engine, await loadAggregate(store, engine.system, engine.derive, id));
  };

  return {
    submit: (proposal, opts) => submitCommand(engine, proposal, opts),
    send: (id, event, opts) => sendCommand(engine, id, event, opts),
    get,
    async history(id) {
      checkIdArgs(limits, id);
      const events = await store.readStream(id);
      if (events.length === 0) throw new NotFound(id);
      return events;
    },
    async deadlines(id) {
      checkIdArgs(limits, id);
      return deadlineViews(engine, calendar, await loadAggregate(store, engine.system, engine.derive, id));
    },
    async query(query = {}) {
      checkQueryArgs(limits, query);
      return queryProposals(engine, calendar, query);
    },
    async tick(now, opts) {
      checkTickArgs(limits, now, opts);
      return runTick(engine, now ?? engine.today(), opts);
    },
    async recomputeDeadlines(next) {
      const nextEngine = build(next);
      const report = await recomputeAll(engine, nextEngine, calendar, next);
      engine = nextEngine;
      calendar = next;
      return report;
    },
    async statistics(opts) {
      checkStatisticsArgs(limits, opts);
      const facts: ProposalFacts[] = [];
      for (let after: string | undefined; ; ) {
        const page = await store.queryStreams({ limit: 500, ...(after === undefined ? {} : { afterStreamId: after }) });
        for (const s of page) facts.push(s.facts as unknown as ProposalFacts);
        if (page.length < 500) break;
        after = page[page.length - 1]?.streamId;
      }
      return computeStatistics(facts, { ...opts, asOf: opts.asOf ?? engine.today() });
    },
    async letter(id, caseId, format = 'text') {
      checkIdArgs(limits, id, caseId, format);
      const view = await get(id);
      const found = view.cases.find((c) => c.caseId === caseId);
      if (!found?.letter) throw new NotFound(`${id}/${caseId}`, { 'zh-CN': '答复函', en: 'Reply letter' });
      return renderLetter(found.letter as Parameters<typeof renderLetter>[0], format);
    },
    async migrate(plan, opts) {
      checkMigrateArgs(limits, opts);
      return migrateStreams(engine, calendar, plan, opts);
    },
    subscribe: (listener, types) => notifier.subscribe(listener, types),
    store,
    get calendar() {
      return calendar;
    },
    policy,
    clock,
  };
}
