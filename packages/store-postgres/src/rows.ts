import type {
  DeadlineIndexEntry,
  JsonObject,
  JsonValue,
  LoggedTransition,
  StoredEvent,
  StoredSnapshot,
} from '@banli/sdk';

/** An `events` row as both drivers return it (JSONB parsed, double precision as number). */
export interface EventRow {
  stream_id: string;
  version: number;
  type: string;
  event: JsonObject;
  actor: StoredEvent['actor'];
  recorded_at: number;
  state_before: JsonValue | null;
  state_after: JsonValue | null;
  machine: StoredEvent['machine'];
  emitted: JsonObject[];
  meta: JsonObject | null;
  transitions: LoggedTransition[] | null;
}

/** The columns selected for an event. */
export const EVENT_COLUMNS =
  'stream_id, version, type, event, actor, recorded_at, state_before, state_after, machine, emitted, meta, transitions';

/** Maps an `events` row back to the port's shape (no `meta` or `transitions` key when none was written). */
export function eventOf(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    streamId: row.stream_id,
    version: Number(row.version),
    type: row.type,
    event: row.event,
    actor: row.actor,
    recordedAt: Number(row.recorded_at),
    stateBefore: row.state_before ?? null,
    stateAfter: row.state_after ?? null,
    machine: row.machine,
    emitted: row.emitted,
  };
  if (row.meta !== null && row.meta !== undefined) event.meta = row.meta;
  // Rows written before migration 4 have none: what ran is unknown, so the key stays absent.
  if (row.transitions !== null && row.transitions !== undefined) event.transitions = row.transitions;
  return event;
}

/** A `snapshots` row. */
export interface SnapshotRow {
  stream_id: string;
  version: number;
  state: JsonObject;
  machine: StoredSnapshot['machine'];
  recorded_at: number;
}

/** Maps a `snapshots` row back to the port's shape. */
export function snapshotOf(row: SnapshotRow): StoredSnapshot {
  return {
    streamId: row.stream_id,
    version: Number(row.version),
    state: row.state,
    machine: row.machine,
    recordedAt: Number(row.recorded_at),
  };
}

/** Orders deadline entries as the port promises: by `due`, then stream and deadline id (code-unit order). */
export function byDue(a: DeadlineIndexEntry, b: DeadlineIndexEntry): number {
  return cmp(a.due, b.due) || cmp(a.streamId, b.streamId) || cmp(a.deadlineId, b.deadlineId);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
