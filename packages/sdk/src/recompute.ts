import {
  type Calendar,
  type CalendarChange,
  type CalendarDayDifference,
  compareCalendars,
  diffCalendars,
} from '@banli/calendar';
import type { Deadline } from '@banli/core';
import { copyIdRecord } from '@banli/core/internal';
import type { Bilingual } from '@banli/schemas';
import type { DeadlineChange } from './commandResult.js';
import { ConcurrencyConflictError } from './errors.js';
import type { ProposalFacts } from './facts.js';
import { type Aggregate, CALENDAR_EVENT, loadAggregate } from './internal/aggregate.js';
import { appendOf, type Engine, entryOf, NO_TRANSITIONS, notificationsOf } from './internal/engine.js';
import { withCurrentReplyDue } from './internal/facts.js';
import { type DuePatch, patchDeadlines } from './internal/patchDeadlines.js';
import { asJson, asJsonList, type JsonObject } from './json.js';
import type { DeadlineSpan } from './store/port.js';

/**
 * What a correction did to one deadline:
 * - `moved`: an open deadline's due date moved (one now before today fires at the next tick, as a miss found by correction);
 * - `missRetracted`: a missed deadline whose step was done on or before the corrected due date is met after all;
 * - `reopened`: a missed deadline whose step is still pending and whose corrected due date is today or later is open again;
 * - `missFound`: a met deadline whose step was done after the corrected due date is missed;
 * - `missMoved`: a missed deadline stays missed under the corrected due date;
 * - `confirmed`: the due date is unchanged but its provisional flag changed (a notice confirmed an estimate).
 */
export type CorrectionOutcome = 'moved' | 'missRetracted' | 'reopened' | 'missFound' | 'missMoved' | 'confirmed';

/** A deadline touched by a calendar correction. */
export interface MovedDeadline extends DeadlineChange {
  proposalId: string;
  oldDue: string;
  /** What happened to it. */
  outcome: CorrectionOutcome;
  /** Status before and after the correction. */
  statusBefore: Deadline['status'];
  statusAfter: Deadline['status'];
  /** The calendars the old and new due dates were computed with. */
  fromCalendar: { id: string; version: string };
  toCalendar: { id: string; version: string };
  /** Whether the new due date still rests on an estimate (a year without its notice). */
  provisional: boolean;
  /** The new due date is before the day of the correction: the next `tick` fires it as a miss found by correction. */
  firesAtNextTick?: boolean;
  /** The calendar's zh-CN/en description of the move. */
  text: Bilingual;
}

/** What `recomputeDeadlines` changed (or, for a dry run, would change). */
export interface RecomputeReport {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** True when nothing was written (`{ dryRun: true }`). */
  dryRun: boolean;
  /** Proposals re-examined: only those with a deadline spanning a changed day (see `RecomputeOptions`). */
  examined: number;
  /** Deadlines whose due date or status moved (or whose provisional flag changed), with old and new dates. */
  moved: MovedDeadline[];
  /**
   * Proposals the correction would change but could not, because their stream holds `limits.streamEvents` events
   * already (nothing is written past the stream limit); their deadlines keep the old calendar's dates.
   */
  full: string[];
}

/** Options of `recomputeDeadlines` (only proposals with a deadline spanning a changed day are read). */
export interface RecomputeOptions {
  /** Report what would move without writing anything or switching calendars. @defaultValue false */
  dryRun?: boolean;
}

const SYSTEM_ACTOR = { role: 'system' as const, id: 'calendar-correction' };

/**
 * The business dates a correction from one calendar to another can change a due date or a provisional flag through:
 * from the first to the last day whose working status or kind differs, widened to every year covered by one calendar
 * and not the other (its deadlines' provisional flags change even where the estimate was right). `null` when the two
 * calendars agree on every day and every year (only the stamps would change).
 */
export function changedWindow(from: Calendar, to: Calendar): DeadlineSpan | null {
  let lo: string | undefined;
  let hi: string | undefined;
  const widen = (a: string, b: string) => {
    if (lo === undefined || a < lo) lo = a;
    if (hi === undefined || b > hi) hi = b;
  };
  const days = diffCalendars(from, to);
  if (days.length > 0) widen((days[0] as CalendarDayDifference).date, (days.at(-1) as CalendarDayDifference).date);
  const years = new Set([...from.years.keys(), ...to.years.keys()]);
  for (const y of years) {
    if (from.years.has(y) !== to.years.has(y)) widen(`${y}-01-01`, `${y}-12-31`);
  }
  return lo === undefined || hi === undefined ? null : { from: lo, to: hi };
}

/**
 * The proposals a correction must read: those with a deadline whose start … due span overlaps the changed window
 * (through the store's `deadlineSpanOverlaps` filter, so unaffected proposals are never loaded). A deadline counts
 * working days from its start to its due date (a month rule rolls its date forward to a working day), so a day outside
 * that span cannot move it or change its provisional flag.
 */
async function affectedStreams(engine: Engine, window: DeadlineSpan | null): Promise<string[]> {
  const ids: string[] = [];
  if (window === null) return ids;
  for (let after: string | undefined; ; ) {
    const page = await engine.store.queryStreams({
      limit: 500,
      deadlineSpanOverlaps: window,
      ...(after === undefined ? {} : { afterStreamId: after }),
    });
    for (const s of page) ids.push(s.streamId);
    if (page.length < 500) break;
    after = page[page.length - 1]?.streamId;
  }
  return ids;
}

const outcomeText: Record<CorrectionOutcome, Bilingual> = {
  moved: { 'zh-CN': '', en: '' },
  missRetracted: {
    'zh-CN': '；原逾期记录撤销（已按更正后的期限完成）',
    en: '; the earlier miss is retracted (done by the corrected due date)',
  },
  reopened: {
    'zh-CN': '；原逾期记录撤销，期限重新开放',
    en: '; the earlier miss is retracted and the deadline is open again',
  },
  missFound: {
    'zh-CN': '；按更正后的期限已逾期（更正发现）',
    en: '; missed under the corrected due date (found by correction)',
  },
  missMoved: { 'zh-CN': '；仍为逾期', en: '; still missed' },
  confirmed: { 'zh-CN': '', en: '' },
};

function decide(
  d: Deadline,
  change: CalendarChange,
  today: string,
): { status: Deadline['status']; missedAt?: string | null; outcome: CorrectionOutcome } {
  const newDue = change.newDue;
  if (d.status === 'open') return { status: 'open', outcome: change.moved ? 'moved' : 'confirmed' };
  if (d.status === 'missed') {
    if (d.closedAt !== undefined && d.closedAt <= newDue)
      return { status: 'met', missedAt: null, outcome: 'missRetracted' };
    if (d.closedAt === undefined && newDue >= today) return { status: 'open', missedAt: null, outcome: 'reopened' };
    return { status: 'missed', outcome: change.moved ? 'missMoved' : 'confirmed' };
  }
  // met
  if (d.closedAt !== undefined && d.closedAt > newDue)
    return { status: 'missed', missedAt: today, outcome: 'missFound' };
  return { status: 'met', outcome: change.moved ? 'moved' : 'confirmed' };
}

function correctionsFor(agg: Aggregate, engine: Engine, from: Calendar, to: Calendar, today: string) {
  const live = engine.derive.deadlines(agg.handling).filter((d) => d.status !== 'cancelled' && d.due !== '');
  const tracked = live.map((d) => ({ id: d.id, rule: d.rule as CalendarChange['rule'], start: d.start, due: d.due }));
  const changes = new Map(compareCalendars(from, to, tracked).map((c) => [c.id, c]));
  const patches: DuePatch[] = [];
  const moved: MovedDeadline[] = [];
  for (const d of live) {
    const change = changes.get(d.id);
    if (!change) {
      // Unchanged open deadlines are re-stamped: they were re-verified against the corrected calendar.
      if (d.status === 'open' && (d.calendarId !== to.id || d.calendarVersion !== to.version)) {
        patches.push({
          deadlineId: d.id,
          due: d.due,
          calendarId: to.id,
          calendarVersion: to.version,
          provisional: d.provisional,
        });
      }
      continue;
    }
    const decision = decide(d, change, today);
    const patch: DuePatch = {
      deadlineId: d.id,
      due: change.newDue,
      calendarId: to.id,
      calendarVersion: to.version,
      provisional: change.newProvisional,
      status: decision.status === 'cancelled' ? 'open' : decision.status,
    };
    if (decision.missedAt !== undefined) patch.missedAt = decision.missedAt;
    if (change.moved || decision.status !== d.status) patch.correctedAt = today;
    patches.push(patch);
    const entry: MovedDeadline = {
      proposalId: agg.id,
      deadlineId: d.id,
      kind: d.kind,
      oldDue: d.due,
      newDue: change.newDue,
      outcome: decision.outcome,
      statusBefore: d.status,
      statusAfter: decision.status,
      fromCalendar: { id: d.calendarId, version: d.calendarVersion },
      toCalendar: { id: to.id, version: to.version },
      provisional: change.newProvisional,
      text: {
        'zh-CN': `${change.text['zh-CN']}${outcomeText[decision.outcome]['zh-CN']}`,
        en: `${change.text.en}${outcomeText[decision.outcome].en}`,
      },
    };
    if (decision.status === 'open' && change.newDue < today) entry.firesAtNextTick = true;
    if (d.caseId !== undefined) entry.caseId = d.caseId;
    moved.push(entry);
  }
  return { patches, moved };
}

/** Statistics read `replyDue` from the facts: a replied case's reply deadline follows its correction. */
function correctedFacts(facts: ProposalFacts, moved: readonly MovedDeadline[]): ProposalFacts {
  let cases = facts.cases;
  for (const m of moved) {
    if (m.kind !== 'reply' || m.caseId === undefined) continue;
    const c = cases[m.caseId];
    if (!c || c.firstReplyAt === undefined || c.replyDue !== m.oldDue) continue;
    if (cases === facts.cases) cases = copyIdRecord(cases);
    const { replyDueProvisional: _, replyMissed: __, ...kept } = c;
    // A retracted reply miss no longer makes the reply late (`replyMissed`, read by statistics).
    const rest =
      m.outcome === 'missRetracted' || c.replyMissed === undefined ? kept : { ...kept, replyMissed: c.replyMissed };
    cases[m.caseId] = m.provisional
      ? { ...rest, replyDue: m.newDue, replyDueProvisional: true }
      : { ...rest, replyDue: m.newDue };
  }
  return cases === facts.cases ? facts : { ...facts, cases };
}

/**
 * Re-computes every in-flight deadline — open, missed and met alike — with a corrected calendar. Each touched
 * proposal gets one `calendar.corrected` log entry listing every deadline (old due, new due, the calendar versions,
 * status before and after) and a `deadline.corrected` notification per deadline; a miss is retracted when its step was
 * done by the corrected due date, reopened when its step is pending and the corrected due date is today or later, and
 * a met deadline done after the corrected due date is found missed. Earlier entries (misses, reminders, escalations)
 * stay in the log; the deadline index and the statistics follow the corrected state. A dry run writes nothing.
 *
 * Only proposals with a deadline whose start … due span overlaps the days the correction changed are read (a store
 * query, `deadlineSpanOverlaps`); the others keep their deadlines and their calendar stamps untouched, since no day
 * they counted changed.
 */
export async function recomputeAll(
  current: Engine,
  next: Engine,
  from: Calendar,
  to: Calendar,
  options: RecomputeOptions = {},
): Promise<RecomputeReport> {
  const dryRun = options.dryRun === true;
  const report: RecomputeReport = {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    dryRun,
    examined: 0,
    moved: [],
    full: [],
  };
  const today = current.today();
  for (const id of await affectedStreams(current, changedWindow(from, to))) {
    report.examined++;
    for (let attempt = 0; attempt <= current.maxRetries; attempt++) {
      const agg = await loadAggregate(current.store, current.system, current.derive, id, current.onSnapshotRebuild);
      const { patches, moved } = correctionsFor(agg, current, from, to, today);
      if (patches.length === 0) break;
      if (agg.version >= current.limits.streamEvents) {
        report.full.push(id);
        break;
      }
      if (dryRun) {
        report.moved.push(...moved);
        break;
      }
      const handling = patchDeadlines(agg.handling, patches);
      const after: Aggregate = {
        ...agg,
        version: agg.version + 1,
        handling,
        facts: withCurrentReplyDue(correctedFacts(agg.facts, moved), next.derive.deadlines(handling)),
      };
      const detail = moved.map(({ proposalId: _, text: __, ...m }) => m);
      const event: JsonObject = {
        type: CALENDAR_EVENT,
        at: today,
        calendar: { from: report.from, to: report.to },
        patches: asJsonList(patches),
        deadlines: asJsonList(detail),
      };
      const changes = moved.map(({ deadlineId, kind, caseId, oldDue, newDue }) => ({
        deadlineId,
        kind,
        oldDue,
        newDue,
        ...(caseId === undefined ? {} : { caseId }),
      }));
      const emitted = moved.map((m) => ({ type: 'deadline.corrected', ...asJson(m) }));
      const entry = entryOf(next, agg, after, event, SYSTEM_ACTOR, emitted, changes, NO_TRANSITIONS);
      const request = appendOf(next, agg.lastSnapshotVersion, agg.version, after, [entry], {}, true);
      try {
        // Snapshot here so loads never replay events of the old calendar with the new one.
        await current.store.append(request);
        current.cache?.delete(id);
        report.moved.push(...moved);
        if (current.notifier.active) await current.notifier.publish(notificationsOf(request.events));
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError && error.reason === 'version')) throw error;
      }
    }
  }
  return report;
}
