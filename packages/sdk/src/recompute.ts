import { type Calendar, type CalendarChange, compareCalendars } from '@banli/calendar';
import { ConcurrencyConflict } from './errors.js';
import { type Aggregate, CALENDAR_EVENT, loadAggregate } from './internal/aggregate.js';
import { appendOf, type DeadlineChange, type Engine, entryOf } from './internal/engine.js';
import { withCurrentReplyDue } from './internal/facts.js';
import { type DuePatch, patchDeadlines } from './internal/patchDeadlines.js';
import type { JsonObject, JsonValue } from './json.js';

/** A deadline moved by a calendar correction. */
export interface MovedDeadline extends DeadlineChange {
  proposalId: string;
  oldDue: string;
  /** The calendar's zh-CN/en description of the move. */
  text: { 'zh-CN': string; en: string };
}

/** What `recomputeDeadlines` changed. */
export interface RecomputeReport {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** Proposals with open deadlines that were re-examined. */
  examined: number;
  /** Deadlines whose due date moved, with old and new dates. */
  moved: MovedDeadline[];
}

const SYSTEM_ACTOR = { role: 'system' as const, id: 'calendar-correction' };

async function streamsWithOpenDeadlines(engine: Engine): Promise<string[]> {
  const ids = new Set<string>();
  for (const entry of await engine.store.deadlinesDueBetween('0000-01-01', '9999-12-31')) ids.add(entry.streamId);
  return [...ids].sort();
}

function patchesFor(agg: Aggregate, engine: Engine, from: Calendar, to: Calendar) {
  const open = engine.derive
    .deadlines(agg.handling)
    .filter((d) => d.status === 'open' && d.closedAt === undefined && d.due !== '');
  const tracked = open.map((d) => ({ id: d.id, rule: d.rule as CalendarChange['rule'], start: d.start, due: d.due }));
  const changes = new Map(compareCalendars(from, to, tracked).map((c) => [c.id, c]));
  const patches: DuePatch[] = [];
  const moved: MovedDeadline[] = [];
  for (const d of open) {
    const change = changes.get(d.id);
    if (!change && d.calendarId === to.id && d.calendarVersion === to.version) continue;
    // Unchanged deadlines are re-stamped too: they were re-verified against the corrected calendar.
    patches.push({
      deadlineId: d.id,
      due: change?.newDue ?? d.due,
      calendarId: to.id,
      calendarVersion: to.version,
      provisional: change?.newProvisional ?? d.provisional,
    });
    if (change?.moved) {
      const entry: MovedDeadline = {
        proposalId: agg.id,
        deadlineId: d.id,
        kind: d.kind,
        oldDue: d.due,
        newDue: change.newDue,
        text: change.text,
      };
      if (d.caseId !== undefined) entry.caseId = d.caseId;
      moved.push(entry);
    }
  }
  return { patches, moved };
}

/**
 * Re-computes every open deadline with a corrected calendar; each touched proposal gets a `calendar.corrected` log
 * entry with the old and new due dates, and the deadline index moves with it.
 */
export async function recomputeAll(
  current: Engine,
  next: Engine,
  from: Calendar,
  to: Calendar,
): Promise<RecomputeReport> {
  const report: RecomputeReport = {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    examined: 0,
    moved: [],
  };
  for (const id of await streamsWithOpenDeadlines(current)) {
    report.examined++;
    for (let attempt = 0; attempt <= current.maxRetries; attempt++) {
      const agg = await loadAggregate(current.store, current.system, current.derive, id);
      const { patches, moved } = patchesFor(agg, current, from, to);
      if (patches.length === 0) break;
      const handling = patchDeadlines(agg.handling, patches);
      const after: Aggregate = {
        ...agg,
        version: agg.version + 1,
        handling,
        facts: withCurrentReplyDue(agg.facts, next.derive.deadlines(handling)),
      };
      const event: JsonObject = {
        type: CALENDAR_EVENT,
        at: current.today(),
        calendar: { from: report.from, to: report.to },
        patches: patches as unknown as JsonValue,
      };
      const changes = moved.map(({ proposalId: _, text: __, ...change }) => change);
      const entry = entryOf(next, agg, after, event, SYSTEM_ACTOR, [], changes);
      try {
        // Snapshot here so loads never replay events of the old calendar with the new one.
        await current.store.append(appendOf(next, agg.lastSnapshotVersion, agg.version, after, [entry], {}, true));
        current.cache?.delete(id);
        report.moved.push(...moved);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict && error.reason === 'version')) throw error;
      }
    }
  }
  return report;
}
