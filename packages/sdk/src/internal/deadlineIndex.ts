import type { Deadline } from '@banli/core';
import type { AlertPolicy } from '../alertPolicy.js';
import type { DeadlineAlert, DeadlineIndexEntry } from '../store/port.js';
import { shiftDate } from './dates.js';

/** The working-day arithmetic the index needs (bound to one calendar). */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  addWorkingDays(date: string, n: number): string;
}

const MAX_SELECTED = 10_000;

/** Computes alert dates for deadlines, caching them per due date (deadlines share due dates a lot). */
export function createAlertPlanner(days: WorkingDays, policy: AlertPolicy = {}) {
  const leads = policy.reminderLeadTimes ?? [10, 3];
  const escalations = policy.escalateAfter ?? [0];
  const cache = new Map<string, DeadlineAlert[]>();
  const before = (due: string, n: number): string | undefined => {
    let d = due;
    for (let count = 0, guard = 0; count < n; guard++) {
      if (guard > 400) return undefined;
      d = shiftDate(d, -1);
      if (days.isWorkingDay(d)) count++;
    }
    return d;
  };
  const plan = (due: string): DeadlineAlert[] => {
    const hit = cache.get(due);
    if (hit) return hit;
    const alerts: DeadlineAlert[] = [];
    try {
      for (const n of leads) {
        const at = before(due, n);
        if (at !== undefined) alerts.push({ id: `reminder:${n}`, at });
      }
      for (const n of escalations)
        alerts.push({ id: `escalation:${n}`, at: n === 0 ? shiftDate(due, 1) : days.addWorkingDays(due, n) });
    } catch {
      // A due date outside the calendar's coverage gets the alerts that could be computed.
    }
    cache.set(due, alerts);
    return alerts;
  };
  // The alerts of one (due, start, status): shared by every entry that has them (index entries are read-only).
  const selected = new Map<string, DeadlineAlert[]>();
  const alertsOf = (d: Deadline): DeadlineAlert[] => {
    const key = d.status === 'open' ? `${d.due}|${d.start}` : d.due;
    let hit = selected.get(key);
    if (hit === undefined) {
      const all = plan(d.due);
      hit =
        d.status === 'open'
          ? all.filter((a) => a.id.startsWith('escalation') || a.at > d.start)
          : all.filter((a) => a.id.startsWith('escalation'));
      if (selected.size >= MAX_SELECTED) selected.clear();
      selected.set(key, hit);
    }
    return hit;
  };
  // The entry of each deadline object already indexed: deadlines are immutable state and a command changes one or
  // two, so the others keep their entries (read-only, as the store keeps them) instead of being rebuilt every command.
  const built = new WeakMap<Deadline, DeadlineIndexEntry>();
  return {
    /** Index entries for a proposal's pending deadlines: open ones fire, missed ones stay for their escalations. */
    entries(streamId: string, deadlines: readonly Deadline[]): DeadlineIndexEntry[] {
      const out: DeadlineIndexEntry[] = [];
      for (const d of deadlines) {
        if ((d.status !== 'open' && d.status !== 'missed') || d.closedAt !== undefined || d.due === '') continue;
        const known = built.get(d);
        if (known !== undefined && known.streamId === streamId) {
          out.push(known);
          continue;
        }
        const entry = entryOf(streamId, d as Deadline & { status: 'open' | 'missed' }, alertsOf(d));
        built.set(d, entry);
        out.push(entry);
      }
      return out;
    },
  };
}

/** One index entry, built whole (see the log's entries): no object grows past its literal. */
function entryOf(
  streamId: string,
  d: Deadline & { status: DeadlineIndexEntry['status'] },
  alerts: DeadlineAlert[],
): DeadlineIndexEntry {
  const { id: deadlineId, kind, due, status, caseId, unitId } = d;
  if (d.provisional) {
    const entry: DeadlineIndexEntry = { streamId, deadlineId, kind, due, status, alerts, provisional: true };
    if (caseId !== undefined) entry.caseId = caseId;
    if (unitId !== undefined) entry.unitId = unitId;
    return entry;
  }
  return caseId === undefined
    ? unitId === undefined
      ? { streamId, deadlineId, kind, due, status, alerts }
      : { streamId, deadlineId, kind, due, status, alerts, unitId }
    : unitId === undefined
      ? { streamId, deadlineId, kind, due, status, alerts, caseId }
      : { streamId, deadlineId, kind, due, status, alerts, caseId, unitId };
}

/** The alert planner type. */
export type AlertPlanner = ReturnType<typeof createAlertPlanner>;
