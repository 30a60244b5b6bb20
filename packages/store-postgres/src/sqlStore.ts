import {
  type AlertKey,
  type AlertRecord,
  type CalendarYearRecord,
  ConcurrencyConflictError,
  type DeadlineIndexEntry,
  type IdempotencyRecord,
  type JsonObject,
  type SentAlert,
  type Store,
  type StreamSummary,
} from '@banli/sdk';
import { appendAll, createAppender, DEFAULT_MAX_BATCH, type GroupCommitOptions, markFired } from './append.js';
import { claimAlerts, claimDeadlines } from './claims.js';
import type { SqlExecutor } from './executor.js';
import { migrate } from './migrations.js';
import { sqlOutbox } from './outbox.js';
import { queryStreamsSql, type SummaryRow } from './queryStreams.js';
import { EVENT_COLUMNS, type EventRow, eventOf, type SnapshotRow, snapshotOf } from './rows.js';
import { DEFAULT_SCHEMA, type Tables, tablesIn } from './tables.js';

/** Options shared by every SQL store. */
export interface SqlStoreOptions {
  /** The PostgreSQL schema holding the tables (created if missing). @defaultValue 'banli' */
  schema?: string;
  /** Apply pending migrations on start. @defaultValue true */
  migrate?: boolean;
  /**
   * Group commit: appends made while another batch is being written are queued and written together in one
   * statement and one durable commit; each append's promise resolves once that commit is done, and a conflict or
   * database error in one append rejects only that append. `false` writes each append alone, at once.
   * @defaultValue `{ maxBatch: 64, inFlight: 1 }`
   */
  groupCommit?: GroupCommitOptions | false;
}

/**
 * The snapshot interval the SQL stores suggest to `createBanli` (`Store.snapshotEvery`). Measured on the bench
 * lifecycle (13 commands, the seed reply letter): a snapshot after every command hands the store 95.5 KB per
 * lifecycle, every 4 commands 63.0 KB (its log entries are 34.8 KB), every 8 56.8 KB; a load then replays at most 3
 * events (about 150 µs of CPU more per uncached read than with a snapshot every command). README, "Snapshots".
 */
export const SQL_SNAPSHOT_EVERY = 4;

const json = (value: unknown): string => JSON.stringify(value);

/**
 * The migration from which `append_batch` takes partial appends (`Store.partialAppends`) as the SDK sends them: 9
 * took changed summary fields and a left-out deadline set, 10 the facts' changed keys (`factChanges`).
 */
const PARTIAL_APPENDS_MIGRATION = 10;

/** Whether the schema has a migration applied (false when it has no migrations table yet). */
async function hasMigration(db: SqlExecutor, t: Tables, version: number): Promise<boolean> {
  const table = await db.query<{ present: boolean }>('select to_regclass($1) is not null as present', [t.migrations]);
  if (table.rows[0]?.present !== true) return false;
  const { rows } = await db.query<{ applied: boolean }>(
    `select exists (select 1 from ${t.migrations} where version = $1::int) as applied`,
    [version],
  );
  return rows[0]?.applied === true;
}

/** The row `load` reads: the stream's version, its snapshot's columns (null without one), the events after it. */
type LoadRow = {
  version: number;
  snapshot_version: number | null;
  state: SnapshotRow['state'] | null;
  machine: SnapshotRow['machine'] | null;
  recorded_at: number;
  events: EventRow[] | null;
};

/**
 * Creates the store over any query executor, migrating the schema first: the one SQL implementation behind both
 * `createPostgresStore` and `createPgliteStore`.
 *
 * @example
 * ```ts
 * const store = await createSqlStore(await createPgliteExecutor({ dataDir: './data' }));
 * ```
 */
export async function createSqlStore(db: SqlExecutor, options: SqlStoreOptions = {}): Promise<Store> {
  const t = tablesIn(options.schema ?? DEFAULT_SCHEMA);
  if (options.migrate !== false) await migrate(db, t);
  const partialAppends = await hasMigration(db, t, PARTIAL_APPENDS_MIGRATION);
  const group = options.groupCommit;
  const atLeastOne = (n: number | undefined, otherwise: number) => Math.max(1, Math.floor(n ?? otherwise));
  const appender = createAppender(
    db,
    t,
    group === false
      ? { maxBatch: 1, inFlight: Number.POSITIVE_INFINITY }
      : { maxBatch: atLeastOne(group?.maxBatch, DEFAULT_MAX_BATCH), inFlight: atLeastOne(group?.inFlight, 1) },
  );
  const named = (what: string) => ({ name: `${t.schema}.${what}` });
  const deadlineRows = async (sql: string, params: unknown[]) =>
    (await db.query<{ entry: DeadlineIndexEntry }>(sql, params)).rows.map((r) => r.entry);
  const readEvents = async (streamId: string, after: number, limit?: number) => {
    const { rows } = await db.query<EventRow>(
      `select ${EVENT_COLUMNS} from ${t.events} where stream_id = $1::text and version > $2::int order by version
       ${limit === undefined ? '' : 'limit $3::int'}`,
      limit === undefined ? [streamId, after] : [streamId, after, limit],
    );
    return rows.map(eventOf);
  };

  return {
    snapshotEvery: SQL_SNAPSHOT_EVERY,
    // `append_batch` keeps the summary fields, fact keys and deadline set a partial append leaves out from migration 10
    // on; a store opened without migrating (`migrate: false`) on an older schema takes whole appends only.
    partialAppends,
    append: appender.append,

    appendAll: (requests) => appendAll(db, t, requests),

    async load(streamId) {
      // One statement, so the version, the snapshot and the events after it come from one consistent state; the
      // snapshot's columns come as they are stored (re-encoding its large JSON into a row object costs more).
      const { rows } = await db.query<LoadRow>(
        `select s.version, x.version as snapshot_version, x.state, x.machine, x.recorded_at,
           (select jsonb_agg(to_jsonb(e) order by e.version) from ${t.events} as e
             where e.stream_id = s.stream_id and e.version > coalesce(x.version, 0)) as events
         from ${t.streams} as s left join ${t.snapshots} as x on x.stream_id = s.stream_id
         where s.stream_id = $1::text`,
        [streamId],
        named('load'),
      );
      const row = rows[0];
      if (!row) return undefined;
      const loaded = { events: (row.events ?? []).map(eventOf), version: Number(row.version) };
      if (row.snapshot_version === null || row.state === null || row.machine === null) return loaded;
      const { state, machine, recorded_at } = row;
      const snapshot = snapshotOf({ stream_id: streamId, version: row.snapshot_version, state, machine, recorded_at });
      return { ...loaded, snapshot };
    },

    readStream: (streamId, opts = {}) => readEvents(streamId, opts.afterVersion ?? 0, opts.limit),

    async getSummary(streamId) {
      const { rows } = await db.query<SummaryRow>(
        `select summary from ${t.streams} where stream_id = $1::text`,
        [streamId],
        named('getSummary'),
      );
      return rows[0]?.summary;
    },

    async queryStreams(query = {}): Promise<StreamSummary[]> {
      const { sql, params } = queryStreamsSql(t, query);
      return (await db.query<SummaryRow>(sql, params)).rows.map((r) => r.summary);
    },

    listDeadlines: (streamId) =>
      deadlineRows(`select entry from ${t.deadlines} where stream_id = $1::text order by due, deadline_id`, [streamId]),

    deadlinesDueBetween: (from, to, opts = {}) =>
      deadlineRows(
        `select d.entry from ${t.deadlines} as d where d.status = 'open' and d.due >= $1::text and d.due <= $2::text
           and not exists (select 1 from ${t.fired} as f where f.stream_id = d.stream_id
             and f.deadline_id = d.deadline_id and f.due = d.due)
         order by d.due, d.stream_id, d.deadline_id ${opts.limit === undefined ? '' : 'limit $3::int'}`,
        opts.limit === undefined ? [from, to] : [from, to, opts.limit],
      ),

    claimDueDeadlines: (now, opts) => claimDeadlines(db, t, now, opts),

    markDeadlinesFired: (keys, firedAt) => markFired(db, t, keys, firedAt),

    async hasFired(key) {
      const { rows } = await db.query(
        `select 1 as ok from ${t.fired} where stream_id = $1::text and deadline_id = $2::text and due = $3::text`,
        [key.streamId, key.deadlineId, key.due],
      );
      return rows.length > 0;
    },

    claimDueAlerts: (now, opts) => claimAlerts(db, t, now, opts),

    async markAlertsSent(keys: AlertRecord[], sentAt: number): Promise<AlertKey[]> {
      if (keys.length === 0) return [];
      const list = json(
        keys.map(({ streamId, deadlineId, due, alertId, notification }) =>
          notification === undefined
            ? { streamId, deadlineId, due, alertId }
            : { streamId, deadlineId, due, alertId, notification },
        ),
      );
      const each = `from jsonb_array_elements($1::jsonb) as k`;
      // Sent alerts leave the pending table so the claim query only ever scans work still to do.
      return db.transaction(async (tx) => {
        // `returning` lists only the rows this statement inserted: a key another worker recorded first is not ours.
        const { rows } = await tx.query<{ stream_id: string; deadline_id: string; due: string; alert_id: string }>(
          `insert into ${t.sent} (stream_id, deadline_id, due, alert_id, sent_at, notification)
           select distinct on (k->>'streamId', k->>'deadlineId', k->>'due', k->>'alertId')
             k->>'streamId', k->>'deadlineId', k->>'due', k->>'alertId', $2::double precision,
             case when jsonb_typeof(k->'notification') = 'object' then k->'notification' end ${each}
           on conflict do nothing returning stream_id, deadline_id, due, alert_id`,
          [list, sentAt],
        );
        await tx.query(
          `delete from ${t.alerts} as a using jsonb_array_elements($1::jsonb) as k where a.stream_id = k->>'streamId'
             and a.deadline_id = k->>'deadlineId' and a.due = k->>'due' and a.alert_id = k->>'alertId'`,
          [list],
        );
        return rows.map((r) => ({ streamId: r.stream_id, deadlineId: r.deadline_id, due: r.due, alertId: r.alert_id }));
      });
    },

    async listSentAlerts(streamId): Promise<SentAlert[]> {
      const { rows } = await db.query<{ deadline_id: string; due: string; alert_id: string; sent_at: number }>(
        `select deadline_id, due, alert_id, sent_at from ${t.sent} where stream_id = $1::text
         order by deadline_id, due, alert_id`,
        [streamId],
      );
      return rows.map((r) => ({
        streamId,
        deadlineId: r.deadline_id,
        due: r.due,
        alertId: r.alert_id,
        sentAt: Number(r.sent_at),
      }));
    },

    async getIdempotency(key): Promise<IdempotencyRecord | undefined> {
      const { rows } = await db.query<{ stream_id: string; version: number; fingerprint: string; result: never }>(
        `select stream_id, version, fingerprint, result from ${t.idempotency} where key = $1::text`,
        [key],
        named('getIdempotency'),
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        key,
        streamId: row.stream_id,
        version: Number(row.version),
        fingerprint: row.fingerprint,
        result: row.result,
      };
    },

    async saveCalendarYear(record: CalendarYearRecord): Promise<void> {
      const { rows } = await db.query<{ inserted: boolean }>(
        `insert into ${t.calendarYears} (calendar_id, version, based_on, year, data, source, saved_at)
         values ($1::text, $2::text, $3::text, $4::integer, $5::jsonb, $6::text, $7::bigint)
         on conflict (calendar_id, version) do nothing returning true as inserted`,
        [
          record.calendarId,
          record.version,
          record.basedOn,
          record.year,
          JSON.stringify(record.data),
          record.source,
          record.savedAt,
        ],
      );
      if (rows.length > 0) return;
      const { rows: same } = await db.query<{ same: boolean }>(
        `select (based_on = $3::text and year = $4::integer and data = $5::jsonb and source = $6::text) as same
         from ${t.calendarYears} where calendar_id = $1::text and version = $2::text`,
        [record.calendarId, record.version, record.basedOn, record.year, JSON.stringify(record.data), record.source],
      );
      if (same[0]?.same) return;
      throw new ConcurrencyConflictError({
        reason: 'calendarYear',
        streamId: `${record.calendarId}@${record.version}`,
        expectedVersion: 0,
      });
    },

    async listCalendarYears(calendarId: string): Promise<CalendarYearRecord[]> {
      const { rows } = await db.query<{
        version: string;
        based_on: string;
        year: number;
        data: JsonObject;
        source: string;
        saved_at: string;
      }>(
        `select version, based_on, year, data, source, saved_at from ${t.calendarYears}
         where calendar_id = $1::text order by seq`,
        [calendarId],
      );
      return rows.map((r) => ({
        calendarId,
        version: r.version,
        basedOn: r.based_on,
        year: Number(r.year),
        data: r.data,
        source: r.source,
        savedAt: Number(r.saved_at),
      }));
    },

    ...sqlOutbox(db, t),

    async close() {
      await appender.idle();
      await db.close();
    },
  };
}
