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
];

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
