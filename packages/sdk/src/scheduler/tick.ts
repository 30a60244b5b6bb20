import type { BanliEventOf } from '@banli/schemas';
import { step } from '../commands.js';
import { ConcurrencyConflictError, NotFoundError, TransitionRefusedError } from '../errors.js';
import { loadAggregate } from '../internal/aggregate.js';
import { appendOf, type Engine, notificationsOf } from '../internal/engine.js';
import { provisionalNote } from '../internal/provisional.js';
import { asJson, fromJson, type JsonObject } from '../json.js';
import type { BanliNotification } from '../notifications.js';
import type { Actor } from '../roles/roles.js';
import type { AlertClaim, AlertKey, DeadlineClaim, DeadlineKey } from '../store/port.js';

/** Options of `tick`. */
export interface TickOptions {
  /** Identifies this worker in claims and in the log's actor. @defaultValue 'scheduler' */
  claimant?: string;
  /** How many deadlines or alerts to claim per round trip. @defaultValue 100 */
  batchSize?: number;
  /** How long a claim holds before another worker may retry it after a crash. @defaultValue 60000 */
  leaseMs?: number;
}

/** What one `tick` did. */
export interface TickReport {
  /** The business date the tick ran for. */
  now: string;
  /** Deadlines that fired (`deadline.elapsed` appended). */
  fired: DeadlineKey[];
  /** Deadlines dropped because the machine no longer accepts them (their step had moved on). */
  skipped: DeadlineKey[];
  /**
   * Due deadlines left unfired because their proposal's stream holds `limits.streamEvents` events already: the
   * scheduler never writes past the stream limit. They stay open (and are reported again by later ticks).
   */
  full: DeadlineKey[];
  /** `reminder.due` notifications sent. */
  reminders: number;
  /** `deadline.escalated` notifications sent. */
  escalations: number;
}

/** Version conflicts a firing retries through before it gives up (and leaves the deadline to the next tick). */
const MAX_FIRE_CONFLICTS = 1000;

/**
 * Fires one claimed deadline. A version conflict means another writer (often another worker firing another deadline
 * of the same proposal) got there first, i.e. progress: the firing is retried from a fresh load until it is done,
 * never reported as `skipped` (a deadline is skipped only when the machine no longer accepts it). A deadline another
 * worker fired meanwhile (its lease had expired) is `elsewhere`: reported by that worker, not by this one.
 */
async function fire(
  engine: Engine,
  claim: DeadlineClaim,
  now: string,
  actor: Actor,
): Promise<'fired' | 'skipped' | 'full' | 'elsewhere'> {
  const key: DeadlineKey = { streamId: claim.streamId, deadlineId: claim.deadlineId, due: claim.due };
  for (let attempt = 0; ; attempt++) {
    let agg: Awaited<ReturnType<typeof loadAggregate>>;
    try {
      agg = await loadAggregate(engine.store, engine.system, engine.derive, claim.streamId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      await engine.store.markDeadlinesFired([key], engine.clock.now());
      return 'skipped';
    }
    // The stream limit binds the scheduler too: nothing is written to a full stream (the deadline stays open).
    if (agg.version >= engine.limits.streamEvents) return 'full';
    const current = engine.derive.deadlines(agg.handling).find((d) => d.id === claim.deadlineId);
    const event: BanliEventOf<'deadline.elapsed'> = { type: 'deadline.elapsed', at: now, deadlineId: claim.deadlineId };
    if (current?.caseId !== undefined) event.caseId = current.caseId;
    let next: ReturnType<typeof step>;
    try {
      if (!current || current.due !== claim.due)
        throw new TransitionRefusedError('deadline.elapsed', {
          code: 'deadline.moved',
          messages: { 'zh-CN': '期限已变更或已不存在', en: 'The deadline moved or no longer exists' },
        });
      next = step(engine, agg, event, actor);
    } catch (error) {
      if (!(error instanceof TransitionRefusedError)) throw error;
      await engine.store.markDeadlinesFired([key], engine.clock.now());
      return 'skipped';
    }
    // A due date a calendar correction moved before the day of the correction: a miss found by correction.
    const found = current.correctedAt !== undefined && current.due < current.correctedAt;
    if (found || current.provisional) {
      const note = current.provisional ? asJson(provisionalNote(current)) : undefined;
      next.entry.emitted = next.entry.emitted.map((n) => {
        if (n.type !== 'deadline.missed') return n;
        const extra: JsonObject = {};
        if (found) Object.assign(extra, { foundBy: 'correction', correctedAt: current.correctedAt as string });
        if (note) Object.assign(extra, { provisional: true, provisionalNote: note });
        return { ...n, ...extra };
      });
    }
    const request = appendOf(engine, agg.lastSnapshotVersion, agg.version, next.after, [next.entry], {
      firedDeadlines: [key],
    });
    try {
      await engine.store.append(request);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError && error.reason === 'deadlineFired') return 'elsewhere';
      if (!(error instanceof ConcurrencyConflictError && error.reason === 'version') || attempt >= MAX_FIRE_CONFLICTS) {
        // The claim's lease expires and another tick takes the deadline; nothing is reported as skipped.
        throw error;
      }
      // Back off a little (jittered) so racing workers on one proposal stop colliding.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt + 1, 20)));
      continue;
    }
    // Commands re-read this stream from the store (a cached aggregate would only cost them a retry).
    engine.cache?.delete(claim.streamId);
    if (engine.notifier.active) await engine.notifier.publish(notificationsOf(request.events));
    return 'fired';
  }
}

const alertKeyText = (k: AlertKey): string => JSON.stringify([k.streamId, k.deadlineId, k.due, k.alertId]);

function alertNotification(
  claim: AlertClaim,
  now: string,
  calendar: { id: string; version: string },
): BanliNotification {
  const [kind, n] = claim.alertId.split(':');
  const escalation = kind === 'escalation';
  const payload: Record<string, unknown> = {
    type: escalation ? 'deadline.escalated' : 'reminder.due',
    deadlineId: claim.deadlineId,
    kind: claim.entry.kind,
    due: claim.due,
    [escalation ? 'workingDaysAfter' : 'workingDaysBefore']: Number(n),
  };
  if (escalation) payload.to = 'supervisor';
  if (claim.entry.caseId !== undefined) payload.caseId = claim.entry.caseId;
  if (claim.entry.unitId !== undefined) payload.unitId = claim.entry.unitId;
  if (claim.entry.provisional) {
    const note = provisionalNote({ due: claim.due, calendarId: calendar.id, calendarVersion: calendar.version });
    payload.provisional = true;
    payload.provisionalNote = asJson(note);
  }
  const key = `${claim.streamId}:${claim.deadlineId}:${claim.due}:${claim.alertId}`;
  return { type: String(payload.type), proposalId: claim.streamId, version: 0, at: now, key, payload };
}

/**
 * Fires every deadline due before `now` exactly once (`deadline.elapsed`), then sends due reminders and escalations.
 * Reads the store's deadline index only; safe to run from several workers when the store's claims are.
 */
export async function runTick(engine: Engine, now: string, options: TickOptions = {}): Promise<TickReport> {
  const claimant = options.claimant ?? 'scheduler';
  const limit = options.batchSize ?? 100;
  const actor: Actor = { role: 'system', id: claimant };
  const report: TickReport = { now, fired: [], skipped: [], full: [], reminders: 0, escalations: 0 };
  const claimOptions = () => ({ claimant, limit, instant: engine.clock.now(), leaseMs: options.leaseMs ?? 60_000 });
  for (;;) {
    const claims = await engine.store.claimDueDeadlines(now, claimOptions());
    if (claims.length === 0) break;
    for (const claim of claims) {
      const outcome = await fire(engine, claim, now, actor);
      if (outcome !== 'elsewhere') {
        report[outcome].push({ streamId: claim.streamId, deadlineId: claim.deadlineId, due: claim.due });
      }
    }
  }
  for (;;) {
    const claims = await engine.store.claimDueAlerts(now, claimOptions());
    if (claims.length === 0) break;
    // A reminder for a deadline that has already passed is noise: record it as handled without sending.
    // Recorded with its notification, which enters the store's outbox in the same write (`banli.outbox`: at least
    // once to every consumer, whichever worker recorded it). In-process subscribers get it from the worker whose
    // record was new only, so of two workers holding one alert (a lease that expired mid-tick) one publishes it.
    const calendar = engine.calendarRef ?? { id: 'unknown', version: 'unknown' };
    const isLive = (c: AlertClaim) => c.alertId.startsWith('escalation') || c.due >= now;
    const records = claims.map((c) => {
      const { streamId, deadlineId, due, alertId } = c;
      if (!isLive(c)) return { streamId, deadlineId, due, alertId };
      const notification = asJson(alertNotification(c, now, calendar));
      return { streamId, deadlineId, due, alertId, notification };
    });
    const recorded = await engine.store.markAlertsSent(records, engine.clock.now());
    const ours = recorded === undefined ? undefined : new Set(recorded.map(alertKeyText));
    const notifications = records
      .filter((r) => r.notification !== undefined && (ours === undefined || ours.has(alertKeyText(r))))
      .map((r) => fromJson<BanliNotification>(r.notification));
    if (engine.notifier.active) await engine.notifier.publish(notifications);
    for (const n of notifications) {
      if (n.type === 'reminder.due') report.reminders++;
      else report.escalations++;
    }
  }
  return report;
}
