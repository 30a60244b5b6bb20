import { StoreSetupError } from './errors.js';
import type { SqlExecutor } from './executor.js';
import type { Tables } from './tables.js';

/** One schema version: statements run once, in order, in the migrating transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: (t: Tables) => string[];
}

const C = 'collate "C"';

/** Every migration, oldest first; released ones are never edited, only appended to. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, snapshots, summaries, deadline index, alerts, idempotency keys',
    statements: (t) => [
      `create table ${t.streams} (
        stream_id text ${C} primary key, version integer not null check (version > 0), state text not null,
        case_states text[] not null, tags text[] not null, unit_ids text[] not null, proposer_ids text[] not null,
        updated_at double precision not null, summary jsonb not null)`,
      `create index streams_state_idx on ${t.streams} (state)`,
      `create index streams_case_states_idx on ${t.streams} using gin (case_states)`,
      `create index streams_tags_idx on ${t.streams} using gin (tags)`,
      `create index streams_unit_ids_idx on ${t.streams} using gin (unit_ids)`,
      `create index streams_proposer_ids_idx on ${t.streams} using gin (proposer_ids)`,
      // The primary key is the database-enforced unique stream version of optimistic concurrency.
      `create table ${t.events} (
        stream_id text ${C} not null, version integer not null check (version > 0), type text not null,
        event jsonb not null, actor jsonb not null, recorded_at double precision not null, state_before jsonb,
        state_after jsonb, machine jsonb not null, emitted jsonb not null, meta jsonb,
        primary key (stream_id, version))`,
      `create table ${t.snapshots} (
        stream_id text ${C} primary key, version integer not null, state jsonb not null, machine jsonb not null,
        recorded_at double precision not null)`,
      `create table ${t.deadlines} (
        stream_id text ${C} not null, deadline_id text ${C} not null, due text ${C} not null, kind text not null,
        status text not null check (status in ('open', 'missed')), entry jsonb not null,
        claimed_by text, claim_expires double precision, primary key (stream_id, deadline_id, due))`,
      // Serves tick's claim and the due-between window: only open entries, in due order.
      `create index deadlines_open_due_idx on ${t.deadlines} (due, stream_id, deadline_id) where status = 'open'`,
      `create table ${t.fired} (
        stream_id text ${C} not null, deadline_id text ${C} not null, due text ${C} not null,
        fired_at double precision not null, primary key (stream_id, deadline_id, due))`,
      `create table ${t.alerts} (
        stream_id text ${C} not null, deadline_id text ${C} not null, due text ${C} not null,
        alert_id text ${C} not null, at text ${C} not null, claimed_by text, claim_expires double precision,
        primary key (stream_id, deadline_id, due, alert_id),
        foreign key (stream_id, deadline_id, due) references ${t.deadlines} on delete cascade)`,
      `create index alerts_at_idx on ${t.alerts} (at)`,
      `create table ${t.sent} (
        stream_id text ${C} not null, deadline_id text ${C} not null, due text ${C} not null,
        alert_id text ${C} not null, sent_at double precision not null,
        primary key (stream_id, deadline_id, due, alert_id))`,
      `create table ${t.idempotency} (
        key text primary key, stream_id text ${C} not null, version integer not null, fingerprint text not null,
        result jsonb not null)`,
    ],
  },
  {
    version: 2,
    name: 'append_batch: group commit of many appends in one statement',
    statements: (t) => [
      appendBatchFunction(t, { transitions: false }),
      // Room for HOT updates: a summary update that leaves the indexed columns alone rewrites no index entry.
      `alter table ${t.streams} set (fillfactor = 70)`,
      // lz4 compresses large JSON (snapshots) several times faster than the default pglz, where the server has it.
      `do $lz4$ begin
        if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
          alter table ${t.snapshots} alter column state set compression lz4;
          alter table ${t.events} alter column event set compression lz4;
          alter table ${t.streams} alter column summary set compression lz4;
        end if;
      end $lz4$`,
    ],
  },
  {
    version: 3,
    name: 'calendar_years: holiday-notice years added at run time',
    statements: (t) => [
      `create table ${t.calendarYears} (
        calendar_id text ${C} not null, version text ${C} not null, based_on text not null, year integer not null,
        data jsonb not null, source text not null, saved_at bigint not null, seq bigserial not null,
        primary key (calendar_id, version))`,
    ],
  },
  {
    version: 4,
    name: 'events.transitions: the transitions the machines took, per entry (null in entries logged before)',
    statements: (t) => [
      `alter table ${t.events} add column transitions jsonb`,
      appendBatchFunction(t, { transitions: true }),
    ],
  },
  {
    version: 5,
    name: 'outbox: log entries and recorded alerts in commit order, consumer cursors',
    statements: (t) => {
      const seq = `${t.schema}.outbox_seq`;
      // Each row carries its transaction id and a sequence number: the outbox shows a row only once every older
      // transaction has finished (`outbox_tx < xmin` of the reader's snapshot), so readers never skip a late commit.
      const columns = `add column outbox_tx xid8 not null default pg_current_xact_id(),
        add column outbox_seq bigint not null default nextval('${seq}'::regclass)`;
      return [
        `create sequence ${seq}`,
        `alter table ${t.events} ${columns}`,
        `create index events_outbox_idx on ${t.events} (outbox_tx, outbox_seq) where emitted <> '[]'::jsonb`,
        `alter table ${t.sent} add column notification jsonb, ${columns}`,
        `create index sent_alerts_outbox_idx on ${t.sent} (outbox_tx, outbox_seq) where notification is not null`,
        `create table ${t.consumers} (
          name text ${C} primary key, cursor text not null, claimed_by text, claim_expires double precision)`,
      ];
    },
  },
  {
    version: 6,
    name: 'outbox: failed-delivery counts and dead letters per consumer, the pruned mark',
    statements: (t) => [
      `alter table ${t.consumers} add column failing_position text, add column failing_attempts integer not null default 0`,
      `create table ${t.deadLetters} (
        consumer text ${C} not null, position text not null, key text not null, notification jsonb not null,
        attempts integer not null, error text not null, dead_at double precision not null, seq bigserial not null,
        primary key (consumer, position))`,
      // One row at most: the outbox position up to which every consumer had passed when it was last pruned.
      `create table ${t.outboxPruned} (
        only_row boolean primary key default true check (only_row), tx xid8 not null, seq bigint not null)`,
    ],
  },
  {
    version: 7,
    name: 'outbox: dead letters put back for delivery (requeued)',
    statements: (t) => [
      `alter table ${t.deadLetters} add column requeued boolean not null default false`,
      // Serves the look-up of a consumer's letters by notification key when some are put back.
      `create index outbox_dead_letters_key_idx on ${t.deadLetters} (consumer, key)`,
    ],
  },
  {
    version: 8,
    name: 'streams.kind: the item kind (summary.facts.kind) as an indexed column for the kind filter',
    statements: (t) => [
      // A column of its own, not an index on the summary expression: the summary changes on every append, and an
      // index on it would make every summary update rewrite every index of the row (no HOT update); the kind never
      // changes, so this index leaves HOT updates as they were.
      `alter table ${t.streams} add column kind text`,
      `update ${t.streams} set kind = summary->'facts'->>'kind' where summary->'facts'->>'kind' is not null`,
      // Serves `queryStreams({ kind })`: the rows of one kind in stream order, so a keyset page reads only its rows.
      `create index streams_kind_idx on ${t.streams} (kind, stream_id)`,
      appendBatchFunction(t, { transitions: true, kind: true }),
    ],
  },
  {
    version: 9,
    name: 'append_batch: partial appends (summaryChanges instead of the whole summary; an unchanged deadline set left out)',
    statements: (t) => [appendBatchFunction(t, { transitions: true, kind: true, partial: true })],
  },
  {
    version: 10,
    name: 'append_batch: partial appends change the facts by key (summaryChanges.factChanges)',
    statements: (t) => [appendBatchFunction(t, { transitions: true, kind: true, partial: true, factChanges: true })],
  },
  {
    version: 11,
    name: 'append_batch: a partial append merges its changes into the stored summary once, not once per column',
    statements: (t) => [appendBatchFunction(t, { ...PARTIAL_COLUMNS, mergeOnce: true })],
  },
];

/** The `append_batch` columns of migration 10 on (partial appends with fact keys). */
const PARTIAL_COLUMNS = { transitions: true, kind: true, partial: true, factChanges: true } as const;

/** What a partial append's summary update reads: the changes and the stream's key, version and next version. */
interface PartialUpdateValues {
  changes: string;
  streamId: string;
  expected: string;
  next: string;
}

/** The values as `append_batch` names them: its loop's variables. */
const LOOP_VALUES: PartialUpdateValues = {
  changes: "(r->'summaryChanges')",
  streamId: 'sid',
  expected: 'expected',
  next: 'next_version',
};

/**
 * The update a partial append makes to its stream row in `append_batch` (migrations 9–11): the stored summary with
 * the changed fields replaced (from migration 10 on, the facts' changed keys too), and every indexed column recomputed
 * from the result, read and written in the one locking update. Migrations 9 and 10 wrote the merge in a subquery the
 * planner pulls up, so it was computed once for every column read from it (eight times per append, each a
 * decode and re-encode of the stored summary); from migration 11 on (`mergeOnce`) an `offset 0` keeps the subquery
 * apart, and the merge is computed once. `values` names what the statement reads (`append_batch`'s variables;
 * literals in a test).
 */
export function partialSummaryUpdate(
  t: Tables,
  columns: { factChanges?: boolean; mergeOnce?: boolean },
  values: PartialUpdateValues = LOOP_VALUES,
): string {
  const ch = values.changes;
  const changed = columns.factChanges
    ? `s.summary || (${ch} - 'factChanges') || (case when ${ch} ? 'factChanges'
          then jsonb_build_object('facts', coalesce(s.summary->'facts', '{}'::jsonb) || (${ch}->'factChanges'))
          else '{}'::jsonb end)`
    : `s.summary || ${ch}`;
  return `update ${t.streams} as s set (${STREAM_COLUMNS}, kind) = (select ${values.next}, ${summaryOf('m', true)}
          from (select ${changed} as m${columns.mergeOnce ? ' offset 0' : ''}) as x)
        where stream_id = ${values.streamId} and version = ${values.expected} returning s.summary`;
}

const arrayOf = (path: string) => `array(select jsonb_array_elements_text(${path}))`;

/** The stream row's columns every append sets, `kind` aside (migration 8 on). */
const STREAM_COLUMNS = 'version, state, case_states, tags, unit_ids, proposer_ids, updated_at, summary';

/** The values of the stream row's columns taken from the summary `sm` (a JSON expression), `kind` last if asked. */
const summaryOf = (sm: string, kind: boolean | undefined) =>
  `${sm}->>'state', ${arrayOf(`${sm}->'caseStates'`)}, ${arrayOf(`${sm}->'tags'`)}, ${arrayOf(`${sm}->'unitIds'`)},
        ${arrayOf(`${sm}->'proposerIds'`)}, (${sm}->>'updatedAt')::double precision, ${sm}${kind ? `, ${sm}->'facts'->>'kind'` : ''}`;

/**
 * The function behind every append: writes a batch of appends (a JSON array, in order) in the caller's transaction,
 * each in its own subtransaction, so a conflict or error rolls back only that append. Returns one outcome per append:
 * `{ version }`, `{ conflict, actual }` (reason and the stream's version after the batch so far) or `{ error }`
 * (SQLSTATE and message). Rows that did not change (deadlines, alerts) are not rewritten. From migration 4 on it also
 * writes each entry's `transitions` (migration 2's version, kept as released, did not have the column yet); from
 * migration 8 on the stream row's `kind` (the summary's `facts.kind`); from migration 9 on partial appends
 * (`Store.partialAppends`): `summaryChanges` replaces the given fields of the stored summary, and an append without
 * `deadlines` leaves the deadline set, its claims and alerts as they are; from migration 10 on `factChanges` replaces
 * the given keys of the stored facts; from migration 11 on the merge is computed once (`partialSummaryUpdate`).
 */
function appendBatchFunction(
  t: Tables,
  columns: { transitions: boolean; kind?: boolean; partial?: boolean; factChanges?: boolean; mergeOnce?: boolean },
): string {
  const transitionsColumn = columns.transitions ? ', transitions' : '';
  const transitionsValue = columns.transitions ? ", e->'transitions'" : '';
  const kindColumn = columns.kind ? ', kind' : '';
  const summary = summaryOf('sm', columns.kind);
  // A partial append (migration 9 on; partial appends always have the kind column).
  const partialUpdate = columns.partial
    ? `elsif not r ? 'summary' then
        ${partialSummaryUpdate(t, columns)} into sm;
      `
    : '';
  const alerts = `from input, jsonb_array_elements(e->'alerts') as a`;
  return `create or replace function ${t.schema}.append_batch(batch jsonb) returns jsonb language plpgsql as $fn$
#variable_conflict use_column
declare
  r jsonb;
  sm jsonb;
  sid text;
  expected integer;
  next_version integer;
  n integer;
  reason text;
  failure jsonb;
  outcomes jsonb[] := '{}';
begin
  for r in select value from jsonb_array_elements(batch) loop
    sid := r->>'streamId';
    expected := (r->>'expectedVersion')::integer;
    next_version := (r->>'version')::integer;
    sm := r->'summary';
    reason := null;
    failure := null;
    begin
      -- The stream row is the lock: a concurrent writer waits here, then finds the version moved on.
      if expected = 0 then
        insert into ${t.streams} (stream_id, version, state, case_states, tags, unit_ids, proposer_ids, updated_at,
          summary${kindColumn}) values (sid, next_version, ${summary}) on conflict (stream_id) do nothing;
      ${partialUpdate}else
        update ${t.streams} set (version, state, case_states, tags, unit_ids, proposer_ids, updated_at,
          summary${kindColumn}) = (next_version, ${summary}) where stream_id = sid and version = expected;
      end if;
      get diagnostics n = row_count;
      if n = 0 then raise sqlstate 'BLV01'; end if;
      insert into ${t.events} (stream_id, version, type, event, actor, recorded_at, state_before, state_after, machine,
        emitted, meta${transitionsColumn})
      select sid, (e->>'version')::integer, e->>'type', e->'event', e->'actor', (e->>'recordedAt')::double precision,
        e->'stateBefore', e->'stateAfter', e->'machine', e->'emitted', e->'meta'${transitionsValue}
      from jsonb_array_elements(r->'events') as e;
      if r ? 'idempotency' then
        insert into ${t.idempotency} (key, stream_id, version, fingerprint, result)
        values (r->'idempotency'->>'key', sid, next_version, r->'idempotency'->>'fingerprint', r->'idempotency'->'result')
        on conflict (key) do nothing;
        get diagnostics n = row_count;
        if n = 0 then raise sqlstate 'BLI01'; end if;
      end if;
      if r ? 'fired' then
        insert into ${t.fired} (stream_id, deadline_id, due, fired_at)
        select k->>'streamId', k->>'deadlineId', k->>'due', (sm->>'updatedAt')::double precision
        from jsonb_array_elements(r->'fired') as k on conflict do nothing;
        get diagnostics n = row_count;
        if n <> jsonb_array_length(r->'fired') then raise sqlstate 'BLF01'; end if;
      end if;
      if r ? 'snapshot' then
        insert into ${t.snapshots} (stream_id, version, state, machine, recorded_at)
        values (sid, (r->'snapshot'->>'version')::integer, r->'snapshot'->'state', r->'snapshot'->'machine',
          (r->'snapshot'->>'recordedAt')::double precision)
        on conflict (stream_id) do update set version = excluded.version, state = excluded.state,
          machine = excluded.machine, recorded_at = excluded.recorded_at;
      end if;
      -- Replaces the deadline set and pending alerts, keeping claims of entries that stay; an unchanged set (most
      -- appends) is only read, and unchanged rows of a changed set are not rewritten.
      if ${columns.partial ? "r ? 'deadlines' and (" : ''}exists (select 1 from jsonb_array_elements(r->'deadlines') as e where not exists (select 1
          from ${t.deadlines} as d where d.stream_id = sid and d.deadline_id = e->>'deadlineId' and d.due = e->>'due'
            and d.entry = e))
        or exists (select 1 from ${t.deadlines} as d where d.stream_id = sid and not exists (select 1
          from jsonb_array_elements(r->'deadlines') as e where d.deadline_id = e->>'deadlineId' and d.due = e->>'due'))${columns.partial ? ')' : ''}
      then
      with input as (select e from jsonb_array_elements(r->'deadlines') as e),
      gone as (delete from ${t.deadlines} as d where d.stream_id = sid and not exists (select 1 from input
        where e->>'deadlineId' = d.deadline_id and e->>'due' = d.due)),
      kept as (
        insert into ${t.deadlines} as d (stream_id, deadline_id, due, kind, status, entry)
        select sid, e->>'deadlineId', e->>'due', e->>'kind', e->>'status', e from input
        on conflict (stream_id, deadline_id, due) do update set kind = excluded.kind, status = excluded.status,
          entry = excluded.entry where d.entry is distinct from excluded.entry),
      dropped as (delete from ${t.alerts} as p where p.stream_id = sid and not exists (select 1 ${alerts}
        where e->>'deadlineId' = p.deadline_id and e->>'due' = p.due and a->>'id' = p.alert_id))
      insert into ${t.alerts} as p (stream_id, deadline_id, due, alert_id, at)
      select sid, e->>'deadlineId', e->>'due', a->>'id', a->>'at' ${alerts}
      where not exists (select 1 from ${t.sent} as s where s.stream_id = sid and s.deadline_id = e->>'deadlineId'
        and s.due = e->>'due' and s.alert_id = a->>'id')
      on conflict (stream_id, deadline_id, due, alert_id) do update set at = excluded.at
        where p.at is distinct from excluded.at;
      end if;
      outcomes := outcomes || jsonb_build_object('version', next_version);
    exception
      when sqlstate 'BLV01' or unique_violation then reason := 'version';
      when sqlstate 'BLI01' then reason := 'idempotencyKey';
      when sqlstate 'BLF01' then reason := 'deadlineFired';
      when others then failure := jsonb_build_object('code', sqlstate, 'message', sqlerrm);
    end;
    if reason is not null then
      outcomes := outcomes || jsonb_build_object('conflict', reason,
        'actual', coalesce((select version from ${t.streams} where stream_id = sid), 0));
    elsif failure is not null then
      outcomes := outcomes || jsonb_build_object('error', failure);
    end if;
  end loop;
  return to_jsonb(outcomes);
end
$fn$`;
}

/**
 * Applies the migrations this database lacks, in one transaction under an advisory lock so that processes starting
 * together migrate once; returns the versions applied now.
 */
export async function migrate(executor: SqlExecutor, t: Tables, all: readonly Migration[] = migrations) {
  return executor.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`banli-migrate:${t.schema}`]);
    await tx.query(`create schema if not exists ${t.schema}`);
    await tx.query(
      `create table if not exists ${t.migrations} (version integer primary key, name text not null,
        applied_at timestamptz not null default now())`,
    );
    const { rows } = await tx.query<{ version: number }>(`select version from ${t.migrations}`);
    const done = new Set(rows.map((r) => Number(r.version)));
    const unknown = [...done].filter((v) => !all.some((m) => m.version === v));
    if (unknown.length > 0) {
      // Running older code on a newer schema could write rows the newer code cannot read: refuse to start instead.
      throw new StoreSetupError('STORE_MIGRATION', {
        'zh-CN': `数据库模式 ${t.schema} 已由更新版本迁移（版本 ${unknown.join('、')}），请升级 @banli/store-postgres`,
        en: `Schema ${t.schema} was migrated by a newer release (version ${unknown.join(', ')}); upgrade @banli/store-postgres`,
      });
    }
    const applied: number[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements(t)) await tx.query(statement);
      await tx.query(`insert into ${t.migrations} (version, name) values ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
