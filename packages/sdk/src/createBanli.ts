import {
  addCalendarYear,
  addWorkingDays,
  type Calendar,
  type CalendarYear,
  chinaMainland,
  isWorkingDay,
  noticeToCalendarYear,
  parseHolidayNotice,
} from '@banli/calendar';
import type { EngineFallback, HandlingSystemOptions, MigrationPlan } from '@banli/core';
import { engineOption } from '@banli/core/internal';
import type { CoHandlingOpinion } from '@banli/schemas';
import type { AlertPolicy } from './alertPolicy.js';
import { type AllowedCommand, allowedCommands } from './allowedCommands.js';
import { businessDate, type Clock, systemClock } from './clock.js';
import type { CommandResult } from './commandResult.js';
import { type SendOptions, type SubmitOptions, sendCommand, submitCommand } from './commands.js';
import { defaultPolicy, defaultSystemFactory, type PolicyLike, type SystemFactory } from './defaults.js';
import { type BanliStats, createEngineStats } from './engineStats.js';
import { BanliError, NotFoundError } from './errors.js';
import type { ProposalFacts } from './facts.js';
import { eventAtBoundary, proposalAtBoundary } from './input/boundary.js';
import {
  checkBanliOptions,
  checkIdArgs,
  checkMigrateArgs,
  checkQueryArgs,
  checkStatisticsArgs,
  checkTickArgs,
} from './input/calls.js';
import { createActorTable } from './internal/actorTable.js';
import { createDerivations, loadAggregate } from './internal/aggregate.js';
import { createAggregateCache } from './internal/cache.js';
import { createAlertPlanner } from './internal/deadlineIndex.js';
import type { Engine } from './internal/engine.js';
import { measurementOf } from './internal/measurement.js';
import { createValueTable } from './internal/stateView.js';
import { createTransitionTable } from './internal/transitionTable.js';
import { upcastEntry } from './internal/upcast.js';
import { asJson, fromJson } from './json.js';
import { renderOpinion } from './letters/opinion.js';
import { type LetterFormat, renderLetter } from './letters/render.js';
import { DEFAULT_LIMITS, type SizeLimits } from './limits.js';
import { mergedItemLetter } from './merge.js';
import { createSystemRegistry } from './migrate/registry.js';
import type { MigrationReport } from './migrate/report.js';
import { type MigrateOptions, migrateStreams } from './migrate/run.js';
import { createNotifier, type NotificationListener } from './notifications.js';
import { createOutbox, type Outbox } from './outbox/outbox.js';
import {
  type DeadlineView,
  deadlineViews,
  type ProposalQuery,
  type ProposalView,
  proposalView,
  queryProposals,
} from './queries.js';
import { type RecomputeOptions, type RecomputeReport, recomputeAll } from './recompute.js';
import type { Actor } from './roles/roles.js';
import { runTick, type TickOptions, type TickReport } from './scheduler/tick.js';
import type { SnapshotRebuild } from './snapshotRebuild.js';
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
  /**
   * Which engine runs the machines' transitions, passed to `createSystem` (and to `previousVersions`' factories):
   * `compiled` (banli's port of xstate's algorithm, faster; hands a step to xstate, visibly, when the machine uses
   * what it does not run) or `xstate` (xstate's own `transition`). Both give the same states; `stats()` reports the
   * engine in use and the fallbacks. Any other value is refused with @banli/core's `BanliCoreError`
   * (`invalid_engine`), whatever the factory.
   * @defaultValue 'compiled'
   */
  engine?: HandlingSystemOptions['engine'];
  /** Told each time the compiled engine hands work to xstate (passed to `createSystem`); counted in `stats()`. */
  onFallback?: (fallback: EngineFallback) => void;
  /** Reminder lead times and escalation delays, in working days. @defaultValue `{ reminderLeadTimes: [10, 3], escalateAfter: [0] }` */
  alerts?: AlertPolicy;
  /**
   * Write a snapshot once this many events accumulated since the last one.
   * @defaultValue the store's suggestion (`Store.snapshotEvery`: 4 for the SQL stores of @banli/store-postgres), else 1
   */
  snapshotEvery?: number;
  /** Retries of a command that lost a race without an `expectedVersion`. @defaultValue 3 */
  maxRetries?: number;
  /** The business time zone as minutes east of UTC. @defaultValue 480 (China Standard Time) */
  utcOffsetMinutes?: number;
  /** Called when a subscriber throws; the command still succeeds. @defaultValue console.error */
  onListenerError?: (error: unknown) => void;
  /**
   * Called when a stream's snapshot cannot be read (a policy this instance does not run, a deadline rule its policy
   * lacks, a value missing from the log entry it names) and the stream is rebuilt from its log instead. Nothing is
   * lost: the snapshot is a cache of the log. @defaultValue console.warn of one line
   */
  onSnapshotRebuild?: (rebuild: SnapshotRebuild) => void;
  /** Older definitions still served: each stream is loaded with the system its snapshot names. @defaultValue [] */
  previousVersions?: readonly WorkflowVersion[];
  /**
   * Keep the latest aggregates of this many proposals in memory (least recently used evicted first), so a command
   * need not load the snapshot from the store; `false` (or 0) turns the cache off. Once full, a proposal whose lookup
   * misses is kept only if it also missed among the last `cache` misses, so a pass over more proposals than the cache
   * holds does not evict the ones it serves (see the README's "Aggregate cache").
   *
   * Safe with other writers (other processes, other `createBanli` instances on the same store): a command that starts
   * from a cached aggregate appends with its version as `expectedVersion`, so a stale entry is caught by the store
   * and the command is retried once from a fresh load (this retry does not count against `maxRetries`); a refusal
   * computed from a cached aggregate (`TransitionRefusedError`, `PermissionError`, `ValidationError`, `ConcurrencyConflictError`
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
  /**
   * The commands `actor` may send to a proposal now: allowed for the role, within the actor's scope (own proposal,
   * own case) and accepted by the machines in the current state (see `AllowedCommand.accepted` for guards that read
   * the payload). A user interface offers exactly these.
   */
  can(id: string, actor: Actor): Promise<AllowedCommand[]>;
  /** The full, ordered event log of a proposal; entries stored in an older letter shape are read upcast. */
  history(id: string): Promise<StoredEvent[]>;
  /** A proposal's deadlines with zh-CN/en explanations of how each due date was computed. */
  deadlines(id: string): Promise<DeadlineView[]>;
  /** Proposals by state, case state, unit, proposer, tag, overdue, or due within N working days. */
  query(query?: ProposalQuery): Promise<StreamSummary[]>;
  /** Fires due deadlines exactly once and sends due reminders and escalations; run it from a cron or worker loop. */
  tick(now?: string, options?: TickOptions): Promise<TickReport>;
  /**
   * Loads a holiday notice into the running calendar — the State Council notice's text (read by `parseHolidayNotice`,
   * with `supplements` applied) or a `CalendarYear` — persists it through the store (`saveCalendarYear`, so a restart
   * keeps it), recomputes every in-flight deadline (see `recomputeDeadlines`) and reports what moved. A year already
   * covered with the same days changes nothing; with different days it is refused (`CalendarYearConflictError`) and the
   * calendar is unchanged. `{ dryRun: true }` only reports.
   */
  addHolidayNotice(notice: string | CalendarYear, options?: AddHolidayNoticeOptions): Promise<AddHolidayNoticeReport>;
  /** Resolves once the calendar years saved by earlier runs are loaded (every other call waits for it too). */
  ready(): Promise<void>;
  /**
   * Moves every in-flight deadline (open, missed and met) to a corrected calendar, logging old and new due dates,
   * retracting or reopening misses the correction undoes; then uses that calendar. `{ dryRun: true }` only reports.
   */
  recomputeDeadlines(calendar: Calendar, options?: RecomputeOptions): Promise<RecomputeReport>;
  /** 按时办复率, 满意率 (first round and final), classes and re-handling over a period, per unit with a minimum n. */
  statistics(options: StatisticsOptions): Promise<Statistics>;
  /**
   * Renders a case's reply letter as text, Markdown or HTML: for the item's own case, its latest formal reply (the
   * view's `letter`, whose class the statistics count; a second reply does not replace it); for an item merged into
   * another (并案), the latest letter its proposers got through the target's case `caseId`: the second reply (二次答复)
   * once one went to them, else the latest formal reply (their proposers have no case of their own to read it from).
   */
  letter(id: string, caseId: string, format?: LetterFormat): Promise<string>;
  /**
   * Renders the latest opinion letter (会办意见函) a co-unit sent to a case's lead unit (`coUnit.submitOpinion`), as
   * text, Markdown or HTML; `NotFoundError` when that unit sent none on that case.
   */
  opinion(id: string, caseId: string, fromUnitId: string, format?: LetterFormat): Promise<string>;
  /** Moves proposals on the plan's source version to its target: a dry-run report, or one append per stream. */
  migrate(plan: MigrationPlan, options?: MigrateOptions): Promise<MigrationReport>;
  /**
   * Subscribes to the notifications of this process's commands and ticks (`reply.issued`, `deadline.missed`,
   * `reminder.due`, …), published once after each commit, at most once (a crash or a failing listener loses them);
   * returns an unsubscribe function. For delivery that survives crashes and reaches every process, use `outbox`.
   */
  subscribe(listener: NotificationListener, types?: readonly string[]): () => void;
  /**
   * The notification outbox, read from the store's log: durable consumers with at-least-once delivery
   * (`outbox.deliver`), and readers that follow it from any process (`outbox.read`, `outbox.subscribe`).
   */
  readonly outbox: Outbox;
  /** The injected store. */
  readonly store: Store;
  /** The calendar in force. */
  readonly calendar: Calendar;
  /** The policy in force. */
  readonly policy: PolicyLike;
  /** The injected clock. */
  readonly clock: Clock;
  /**
   * How the machines run: the engine in use (`compiled` or `xstate`, as the `engine` option asked), whether each
   * machine runs compiled, and how many times the compiled engine handed work to xstate since `createBanli`.
   */
  stats(): BanliStats;
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
  // Checked here too, so a custom createSystem that ignores the option cannot hide a wrong value.
  const engineChoice = { engine: engineOption(options.engine), onFallback: options.onFallback };
  const store = options.store ?? createMemoryStore();
  const policy = options.policy ?? defaultPolicy;
  const clock = options.clock ?? systemClock;
  const createSystem = options.createSystem ?? defaultSystemFactory;
  const onError = options.onListenerError ?? ((error: unknown) => console.error(error));
  const onSnapshotRebuild =
    options.onSnapshotRebuild ??
    ((r: SnapshotRebuild) =>
      console.warn(`banli: ${r.streamId} rebuilt from its log; snapshot v${r.snapshotVersion} not read (${r.detail})`));
  const notifier = createNotifier(onError);
  const offset = options.utcOffsetMinutes ?? 480;
  let calendar = options.calendar ?? chinaMainland;

  // Caches of logged values belong to this instance (nothing is global): its engines share them across calendars.
  const actors = createActorTable();
  const transitions = createTransitionTable();
  const measurement = measurementOf(options);
  const values = createValueTable();
  const engineStats = createEngineStats();
  const build = (cal: Calendar): Engine => {
    const current = createSystem({ policy, calendar: cal, ...engineChoice });
    const older = (options.previousVersions ?? []).map((v) =>
      (v.createSystem ?? defaultSystemFactory)({ policy: v.policy ?? policy, calendar: cal, ...engineChoice }),
    );
    const system = older.length === 0 ? current : createSystemRegistry([current, ...older]);
    const days = {
      // Past the last notice, reminders and escalations follow the same statutory estimate as the due dates.
      isWorkingDay: (d: string) => isWorkingDay(cal, d, { uncovered: 'statutory' }),
      addWorkingDays: (d: string, n: number) => addWorkingDays(cal, d, n, { uncovered: 'statutory' }),
    };
    return engineStats.track(
      {
        store,
        system,
        policy,
        derive: createDerivations(system, values),
        planner: createAlertPlanner(days, options.alerts),
        clock,
        notifier,
        snapshotEvery: snapshotIntervalOf(options.snapshotEvery, store.snapshotEvery),
        maxRetries: options.maxRetries ?? 3,
        limits,
        cache: createAggregateCache(options.cache),
        actors,
        transitions,
        calendarRef: { id: cal.id, version: cal.version },
        onSnapshotRebuild,
        today: () => businessDate(clock.now(), offset),
        measurement,
      },
      [current, ...older],
    );
  };
  /** Serves with `next` from now on; the replaced engine's fallbacks stay counted. */
  const use = (next: Engine) => {
    engineStats.retire(engine);
    engine = next;
  };
  let engine = build(calendar);
  measurement?.exposeBoundary?.({
    proposal: (input) => proposalAtBoundary(limits, input),
    event: (input) => eventAtBoundary(limits, input, () => engine.today()),
  });
  // Years added at run time (addHolidayNotice) are replayed from the store before the first call is served.
  const restoring = restoreCalendarYears(store, calendar).then((restored) => {
    if (restored !== calendar) {
      calendar = restored;
      use(build(restored));
    }
  });
  const ready = () => restoring;
  const get = async (id: string) => {
    await ready();
    checkIdArgs(limits, id);
    return proposalView(engine, await loadAggregate(store, engine.system, engine.derive, id, engine.onSnapshotRebuild));
  };

  return {
    submit: async (proposal, opts) => {
      await ready();
      return submitCommand(engine, proposal, opts);
    },
    send: async (id, event, opts) => {
      await ready();
      return sendCommand(engine, id, event, opts);
    },
    get,
    can: async (id, actor) => {
      await ready();
      checkIdArgs(limits, id);
      return allowedCommands(
        engine,
        await loadAggregate(store, engine.system, engine.derive, id, engine.onSnapshotRebuild),
        actor,
      );
    },
    async history(id) {
      checkIdArgs(limits, id);
      const events = await store.readStream(id);
      if (events.length === 0) throw new NotFoundError(id);
      // Entries written in an older payload shape are read in today's (the store keeps them as written).
      return events.map(upcastEntry);
    },
    deadlines: async (id) => {
      checkIdArgs(limits, id);
      await ready();
      return deadlineViews(
        engine,
        calendar,
        await loadAggregate(store, engine.system, engine.derive, id, engine.onSnapshotRebuild),
      );
    },
    query: async (query = {}) => {
      checkQueryArgs(limits, query);
      await ready();
      return queryProposals(engine, calendar, query);
    },
    tick: async (now, opts) => {
      checkTickArgs(limits, now, opts);
      await ready();
      return runTick(engine, now ?? engine.today(), opts);
    },
    async addHolidayNotice(notice, opts = {}) {
      await ready();
      const year = holidayYearOf(notice, opts.supplements ?? []);
      const { calendar: next, added } = addCalendarYear(calendar, year, opts.version ? { version: opts.version } : {});
      const base = { year: year.year, source: year.source, added, dryRun: opts.dryRun === true };
      if (!added) {
        const ref = { id: calendar.id, version: calendar.version };
        return {
          ...base,
          calendar: ref,
          recompute: { from: ref, to: ref, dryRun: base.dryRun, examined: 0, moved: [], full: [] },
        };
      }
      const to = { id: next.id, version: next.version };
      if (opts.dryRun) {
        const preview = build(next);
        try {
          return {
            ...base,
            calendar: to,
            recompute: await recomputeAll(engine, preview, calendar, next, { dryRun: true }),
          };
        } finally {
          engineStats.retire(preview);
        }
      }
      if (!store.saveCalendarYear) throw new CalendarPersistenceUnsupported();
      await store.saveCalendarYear({
        calendarId: next.id,
        version: next.version,
        basedOn: calendar.version,
        year: year.year,
        data: asJson(year),
        source: year.source,
        savedAt: clock.now(),
      });
      const nextEngine = build(next);
      let recompute: RecomputeReport;
      try {
        recompute = await recomputeAll(engine, nextEngine, calendar, next);
      } catch (error) {
        engineStats.retire(nextEngine);
        throw error;
      }
      use(nextEngine);
      calendar = next;
      return { ...base, calendar: to, recompute };
    },
    async recomputeDeadlines(next, opts = {}) {
      await ready();
      const nextEngine = build(next);
      let report: RecomputeReport;
      try {
        report = await recomputeAll(engine, nextEngine, calendar, next, opts);
      } catch (error) {
        engineStats.retire(nextEngine);
        throw error;
      }
      if (report.dryRun) {
        engineStats.retire(nextEngine);
        return report;
      }
      use(nextEngine);
      calendar = next;
      return report;
    },
    async statistics(opts) {
      checkStatisticsArgs(limits, opts);
      await ready();
      const facts: ProposalFacts[] = [];
      for (let after: string | undefined; ; ) {
        const page = await store.queryStreams({ limit: 500, ...(after === undefined ? {} : { afterStreamId: after }) });
        for (const s of page) facts.push(fromJson<ProposalFacts>(s.facts));
        if (page.length < 500) break;
        after = page[page.length - 1]?.streamId;
      }
      return computeStatistics(facts, { ...opts, asOf: opts.asOf ?? engine.today() });
    },
    async letter(id, caseId, format = 'text') {
      checkIdArgs(limits, id, caseId, format);
      const view = await get(id);
      const found = view.cases.find((c) => c.caseId === caseId);
      // 并案: a merged item's letter comes from its target's case (`caseId` names that case).
      const letter = found?.letter ?? (found ? undefined : await mergedItemLetter(engine, id, caseId));
      if (!letter) throw new NotFoundError(`${id}/${caseId}`, { 'zh-CN': '答复函', en: 'Reply letter' });
      return renderLetter(letter as Parameters<typeof renderLetter>[0], format);
    },
    async opinion(id, caseId, fromUnitId, format = 'text') {
      checkIdArgs(limits, id, caseId, format);
      checkIdArgs(limits, fromUnitId);
      const sent = (await store.readStream(id))
        .map((e) => e.event as { type?: unknown; caseId?: unknown; opinion?: CoHandlingOpinion })
        .filter(
          (e) => e.type === 'coUnit.submitOpinion' && e.caseId === caseId && e.opinion?.fromUnit.id === fromUnitId,
        );
      const opinion = sent[sent.length - 1]?.opinion;
      if (!opinion)
        throw new NotFoundError(`${id}/${caseId}/${fromUnitId}`, { 'zh-CN': '会办意见', en: 'Co-handling opinion' });
      return renderOpinion(opinion, format);
    },
    migrate: async (plan, opts) => {
      checkMigrateArgs(limits, opts);
      await ready();
      return migrateStreams(engine, calendar, plan, opts);
    },
    ready,
    subscribe: (listener, types) => notifier.subscribe(listener, types),
    outbox: createOutbox(store, () => clock.now(), limits, notifier, onError),
    store,
    get calendar() {
      return calendar;
    },
    policy,
    clock,
    stats: () => engineStats.stats(engine),
  };
}

/** The snapshot interval: the caller's, else the store's suggestion (a whole number of at least 1), else 1. */
function snapshotIntervalOf(given: number | undefined, suggested: number | undefined): number {
  if (given !== undefined) return Math.max(1, given);
  return suggested !== undefined && Number.isInteger(suggested) && suggested >= 1 ? suggested : 1;
}

/** Options of `addHolidayNotice`. */
export interface AddHolidayNoticeOptions {
  /** Supplementary notices' texts for the same year (an adjustment, a commemoration, an extension), applied in order. */
  supplements?: string[];
  /** The new calendar version. @defaultValue `${current version}+${year}` */
  version?: string;
  /** Report what would move without saving or switching calendars. */
  dryRun?: boolean;
}

/** What `addHolidayNotice` did. */
export interface AddHolidayNoticeReport {
  /** The year arranged. */
  year: number;
  /** The notice cited (the year's `source`). */
  source: string;
  /** False when the calendar already had this year with the same days. */
  added: boolean;
  dryRun: boolean;
  /** The calendar in force afterwards (or that would be, for a dry run). */
  calendar: { id: string; version: string };
  /** The in-flight deadlines recomputed. */
  recompute: RecomputeReport;
}

/** The store cannot keep calendar years (it lacks `saveCalendarYear`), so an added year would not survive a restart. */
export class CalendarPersistenceUnsupported extends BanliError {
  constructor() {
    super('CALENDAR_PERSISTENCE_UNSUPPORTED', {
      'zh-CN': '所用存储不支持保存日历年度（缺少 saveCalendarYear），重启后将丢失新增的年度，因此未作更改',
      en: 'The store cannot save calendar years (no saveCalendarYear), so an added year would be lost on restart; nothing was changed',
    });
    this.name = 'CalendarPersistenceUnsupported';
  }
}

function holidayYearOf(notice: string | CalendarYear, supplements: readonly string[]): CalendarYear {
  if (typeof notice !== 'string') return notice;
  return noticeToCalendarYear(parseHolidayNotice(notice), ...supplements.map((s) => parseHolidayNotice(s)));
}

/** The calendar with every year saved at run time for it, applied in the order saved (each on the version it extended). */
async function restoreCalendarYears(store: Store, calendar: Calendar): Promise<Calendar> {
  if (!store.listCalendarYears) return calendar;
  let current = calendar;
  for (const r of await store.listCalendarYears(calendar.id)) {
    if (r.basedOn !== current.version) continue;
    current = addCalendarYear(current, fromJson<CalendarYear>(r.data), { version: r.version }).calendar;
  }
  return current;
}
