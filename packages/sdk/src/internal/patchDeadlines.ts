/** A new due date for one deadline, and its new status when a correction retracts, reopens or finds a miss. */
export interface DuePatch {
  deadlineId: string;
  due: string;
  calendarId: string;
  calendarVersion: string;
  provisional?: boolean;
  /** The status after the correction when it changes (`met`: a retracted miss; `open`: a reopened one; `missed`). */
  status?: 'open' | 'met' | 'missed';
  /** The day of the correction that moved the due date or status. */
  correctedAt?: string;
  /** The day a correction found the deadline missed; `null` removes the earlier `missedAt` (retracted or reopened). */
  missedAt?: string | null;
}

const isDeadline = (v: Record<string, unknown>): boolean =>
  typeof v.id === 'string' && typeof v.due === 'string' && 'rule' in v && 'status' in v;

const hasOverdue = (list: readonly Record<string, unknown>[]): boolean =>
  list.some((d) => d.status === 'missed' && d.closedAt === undefined);

/** Moves every `timeliness: 'overdue'` region back to `onTime` (the machines' own `always` rule, applied here). */
function settleTimeliness(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const next = key === 'timeliness' && child === 'overdue' ? 'onTime' : settleTimeliness(child);
    if (next !== child) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

/**
 * Returns a copy of a persisted state with the given deadlines' due dates (and statuses) replaced wherever they occur
 * (proposal and case contexts alike); a machine left with no pending missed deadline leaves its `overdue` state, as
 * its own `always` transition would. Untouched branches are shared, not copied.
 */
export function patchDeadlines<T>(state: T, patches: readonly DuePatch[]): T {
  if (patches.length === 0) return state;
  const byId = new Map(patches.map((p) => [p.deadlineId, p]));
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      let changed = false;
      const next = value.map((v) => {
        const w = walk(v);
        if (w !== v) changed = true;
        return w;
      });
      return changed ? next : value;
    }
    if (!value || typeof value !== 'object') return value;
    const obj = value as Record<string, unknown>;
    if (isDeadline(obj)) {
      const patch = byId.get(obj.id as string);
      if (!patch || obj.status === 'cancelled') return value;
      // Patches logged before corrections reached fired deadlines only ever named open ones.
      if (patch.status === undefined && obj.status !== 'open') return value;
      // `retractedBy`: a second record of a retracted miss that patches logged before 2026-12 carried; the status
      // alone says it now, so it is dropped from the patch and from the deadline (old state and old logs alike).
      const {
        deadlineId: _,
        missedAt,
        retractedBy: _legacy,
        ...fields
      } = patch as DuePatch & { retractedBy?: unknown };
      const next: Record<string, unknown> = { ...obj, ...fields };
      if (patch.status !== undefined) delete next.retractedBy;
      if (missedAt === null) delete next.missedAt;
      else if (missedAt !== undefined) next.missedAt = missedAt;
      return next;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(obj)) {
      const w = walk(child);
      if (w !== child) {
        copy ??= { ...obj };
        copy[key] = w;
      }
    }
    if (!copy) return value;
    const context = copy.context as { deadlines?: unknown } | undefined;
    if ('value' in copy && Array.isArray(context?.deadlines) && !hasOverdue(context.deadlines)) {
      copy.value = settleTimeliness(copy.value);
    }
    return copy;
  };
  return walk(state) as T;
}
