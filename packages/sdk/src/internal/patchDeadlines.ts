/** A new due date for one deadline. */
export interface DuePatch {
  deadlineId: string;
  due: string;
  calendarId: string;
  calendarVersion: string;
  provisional?: boolean;
}

const isDeadline = (v: Record<string, unknown>): boolean =>
  typeof v.id === 'string' && typeof v.due === 'string' && 'rule' in v && 'status' in v;

/**
 * Returns a copy of a persisted state with the given deadlines' due dates replaced wherever they occur (proposal and
 * case contexts alike); untouched branches are shared, not copied.
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
      if (!patch || obj.status !== 'open') return value;
      const { deadlineId: _, ...fields } = patch;
      return { ...obj, ...fields };
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(obj)) {
      const w = walk(child);
      if (w !== child) {
        copy ??= { ...obj };
        copy[key] = w;
      }
    }
    return copy ?? value;
  };
  return walk(state) as T;
}
