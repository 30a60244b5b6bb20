import type { Deadline } from '@banli/core';
import { rememberBounded } from '@banli/core/internal';
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
      rememberBounded(selected, key, hit, MAX_SELECTED, 'all');
    }
    return hit;
  };
  return {
    /**
     * Index entries for a proposal's pending deadlines: open ones fire, missed ones stay for their escalations. With
     * `prev`, the deadline list this stream was last indexed with and its entries (`IndexMemo`): a deadline object it
     * holds keeps its entry (deadlines are immutable state and a command changes one or two; entries are read-only, as
     * the store keeps them). Returns the entries and the memo for the next command.
     */
    entries(
      streamId: string,
      deadlines: readonly Deadline[],
      prev?: IndexMemo,
    ): { entries: DeadlineIndexEntry[]; memo: IndexMemo } {
      const out: DeadlineIndexEntry[] = [];
      const each: (DeadlineIndexEntry | undefined)[] = new Array(deadlines.length);
      const reuse = prev !== undefined && prev.streamId === streamId ? prev : undefined;
      for (let i = 0; i < deadlines.length; i++) {
        const d = deadlines[i] as Deadline;
        if ((d.status !== 'open' && d.status !== 'missed') || d.closedAt !== undefined || d.due === '') continue;
        const entry =
          (reuse === undefined ? undefined : knownEntry(reuse, d, i)) ??
          entryOf(streamId, d as Deadline & { status: 'open' | 'missed' }, alertsOf(d));
        each[i] = entry;
        out.push(entry);
      }
      return { entries: out, memo: { streamId, deadlines, entries: each } };
    },
  };
}

/**
 * The deadline list a stream was last indexed with and the entry of each (undefined for one not indexed), kept on the
 * aggregate and passed from each to the next (`Aggregate.indexMemo`), as the snapshot memo is: plain references where a
 * weak map keyed by every deadline would add an ephemeron per deadline for each major collection to work through.
 */
export interface IndexMemo {
  streamId: string;
  deadlines: readonly Deadline[];
  entries: readonly (DeadlineIndexEntry | undefined)[];
}

/** The entry indexed before for this very deadline object: at the same position, or anywhere in the short list. */
function knownEntry(prev: IndexMemo, d: Deadline, at: number): DeadlineIndexEntry | undefined {
  if (prev.deadlines[at] === d) return prev.entries[at];
  for (let i = 0; i < prev.deadlines.length; i++) if (prev.deadlines[i] === d) return prev.entries[i];
  return undefined;
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
