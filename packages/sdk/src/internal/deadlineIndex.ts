import type { DeadlineAlert, DeadlineIndexEntry } from '../store/port.js';
import type { SystemDeadline } from '../system.js';
import { shiftDate } from './dates.js';

/** When reminders and escalations go out, in working days. */
export interface AlertPolicy {
  /**
   * Working days before a due date at which a `reminder.due` notification goes out.
   * @defaultValue [10, 3]
   */
  reminderLeadTimes?: number[];
  /**
   * Working days after a due date at which a `deadline.escalated` notification goes to the supervisor; 0 means the
   * first day after the due date.
   * @defaultValue [0]
   */
  escalateAfter?: number[];
}

/** The working-day arithmetic the index needs (bound to one calendar). */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  addWorkingDays(date: string, n: number): string;
}

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
  return {
    /** Index entries for a proposal's pending deadlines: open ones fire, missed ones stay for their escalations. */
    entries(streamId: string, deadlines: readonly SystemDeadline[]): DeadlineIndexEntry[] {
      const out: DeadlineIndexEntry[] = [];
      for (const d of deadlines) {
        if ((d.status !== 'open' && d.status !== 'missed') || d.closedAt !== undefined || d.due === '') continue;
        const all = plan(d.due);
        const alerts =
          d.status === 'open'
            ? all.filter((a) => a.id.startsWith('escalation') || a.at > d.start)
            : all.filter((a) => a.id.startsWith('escalation'));
        const entry: DeadlineIndexEntry = {
          streamId,
          deadlineId: d.id,
          kind: d.kind,
          due: d.due,
          status: d.status,
          alerts,
        };
        if (d.caseId !== undefined) entry.caseId = d.caseId;
        if (d.unitId !== undefined) entry.unitId = d.unitId;
        out.push(entry);
      }
      return out;
    },
  };
}

/** The alert planner type. */
export type AlertPlanner = ReturnType<typeof createAlertPlanner>;
