import type { Calendar } from '@banli/calendar';
import {
  type HandlingState,
  type HandlingSystem,
  type MigrationPlan,
  migrateHandlingState,
  VersionMismatchError,
} from '@banli/core';
import { ConcurrencyConflictError } from '../errors.js';
import { type Aggregate, loadAggregate } from '../internal/aggregate.js';
import { appendOf, type Engine, entryOf, NO_TRANSITIONS } from '../internal/engine.js';
import { withCurrentReplyDue } from '../internal/facts.js';
import { asJson, asJsonList, type JsonObject } from '../json.js';
import { createSystemRegistry, type SystemRegistry, stateKeyOf } from './registry.js';
import { emptyCounts, type MigrationReport, type StreamMigration } from './report.js';
import { missingTarget } from './targetError.js';

/** The SDK-level log entry that records a migration to another definition version. */
export const MIGRATION_EVENT = 'workflow.migrated';

/** Options of `migrate`. */
export interface MigrateOptions {
  /** Report what would happen and write nothing. @defaultValue false */
  dryRun?: boolean;
  /** The business date recorded on the migration events. @defaultValue the clock's today */
  at?: string;
  /** Only these streams. @defaultValue every stream */
  streamIds?: readonly string[];
}

const SYSTEM_ACTOR = { role: 'system' as const, id: 'workflow-migration' };

/** The idempotency key of one stream's migration by one plan: a resumed run finds it and skips the stream. */
export const migrationKey = (planId: string, streamId: string) => `migrate:${planId}:${streamId}`;

async function* streamIds(engine: Engine, only?: readonly string[]): AsyncGenerator<string> {
  if (only) {
    yield* only;
    return;
  }
  for (let after: string | undefined; ; ) {
    const page = await engine.store.queryStreams({
      limit: 500,
      ...(after === undefined ? {} : { afterStreamId: after }),
    });
    for (const s of page) yield s.streamId;
    if (page.length < 500) return;
    after = page[page.length - 1]?.streamId;
  }
}

function registryOf(engine: Engine): SystemRegistry {
  const s = engine.system as Partial<SystemRegistry>;
  return s.find && s.systems ? (s as SystemRegistry) : createSystemRegistry([engine.system]);
}

async function applyOne(
  engine: Engine,
  plan: MigrationPlan,
  agg: Aggregate,
  state: HandlingState,
  at: string,
  row: StreamMigration,
): Promise<void> {
  const after: Aggregate = {
    ...agg,
    version: agg.version + 1,
    handling: state,
    facts: withCurrentReplyDue(agg.facts, engine.derive.deadlines(state)),
  };
  const event: JsonObject = {
    type: MIGRATION_EVENT,
    at,
    plan: plan.id,
    from: asJson(plan.from),
    to: asJson(plan.to),
    states: asJsonList(row.states),
    // The migrated state itself, so a replay of the log reproduces it without the plan's functions.
    handling: asJson(state),
  };
  const changes = row.deadlines
    .filter((d) => d.after !== d.before && d.after !== null)
    .map((d) => ({
      deadlineId: d.id,
      kind: d.kind,
      oldDue: d.before,
      newDue: d.after as string,
      ...(d.caseId ? { caseId: d.caseId } : {}),
    }));
  const entry = entryOf(engine, agg, after, event, SYSTEM_ACTOR, [], changes, NO_TRANSITIONS);
  const result: JsonObject = { plan: plan.id, streamId: agg.id, version: after.version };
  const idempotency = { key: migrationKey(plan.id, agg.id), fingerprint: plan.id, result };
  // One append per stream with its expected version: the event, a forced snapshot, the summary and deadline index.
  await engine.store.append(
    appendOf(engine, agg.lastSnapshotVersion, agg.version, after, [entry], { idempotency }, true),
  );
  engine.cache?.delete(agg.id);
  row.version = after.version;
}

async function migrateStream(
  engine: Engine,
  registry: SystemRegistry,
  target: HandlingSystem,
  calendar: Calendar,
  plan: MigrationPlan,
  id: string,
  options: { dryRun: boolean; at: string },
): Promise<StreamMigration> {
  for (let attempt = 0; ; attempt++) {
    const row: StreamMigration = { streamId: id, status: 'skipped', states: [], deadlines: [] };
    if (await engine.store.getIdempotency(migrationKey(plan.id, id))) return { ...row, status: 'alreadyMigrated' };
    let agg: Aggregate;
    try {
      agg = await loadAggregate(engine.store, registry, engine.derive, id);
    } catch (error) {
      // A stream of an unregistered version cannot even be loaded: report it and go on with the others.
      if (error instanceof VersionMismatchError) return { ...row, reason: error.messages };
      throw error;
    }
    const key = stateKeyOf(agg.handling);
    if (key.proposal !== plan.from.proposal || key.case !== plan.from.case) {
      const reason = {
        'zh-CN': `运行 ${key.proposal}/${key.case}，不是方案的源版本`,
        en: `Runs ${key.proposal}/${key.case}, not the plan's source`,
      };
      return { ...row, reason };
    }
    const r = migrateHandlingState(agg.handling, plan, {
      target,
      calendar,
      at: options.at,
    });
    row.states = r.states;
    if (!r.ok) return { ...row, status: 'refused', reason: r.reason };
    row.deadlines = r.deadlines;
    // The stream limit binds migrations too: nothing is written to a full stream (it stays on its version).
    if (agg.version >= engine.limits.streamEvents) {
      const max = engine.limits.streamEvents;
      const reason = {
        'zh-CN': `该提案的事件流已达上限（${max} 条事件），不能再写入迁移事件`,
        en: `The stream holds the maximum of ${max} events; the migration event cannot be written`,
      };
      return { ...row, status: 'full', reason };
    }
    if (options.dryRun) return { ...row, status: 'wouldMigrate' };
    try {
      await applyOne(engine, plan, agg, r.state, options.at, row);
      return { ...row, status: 'migrated' };
    } catch (error) {
      if (error instanceof ConcurrencyConflictError && error.reason === 'idempotencyKey') {
        return { ...row, status: 'alreadyMigrated' };
      }
      const raced = error instanceof ConcurrencyConflictError && error.reason === 'version';
      if (!raced || attempt >= engine.maxRetries) throw error;
    }
  }
}

/**
 * Moves every stream on the plan's source definition to its target (registered in the engine's systems), one append
 * per stream; resumable, since each stream's migration carries an idempotency key derived from the plan id.
 */
export async function migrateStreams(
  engine: Engine,
  calendar: Calendar,
  plan: MigrationPlan,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const registry = registryOf(engine);
  const target = registry.find(plan.to) as HandlingSystem | undefined;
  if (!target || !registry.find(plan.from)) throw missingTarget(plan, registry);
  const at = options.at ?? engine.today();
  const dryRun = options.dryRun ?? false;
  const report: MigrationReport = {
    planId: plan.id,
    from: plan.from,
    to: plan.to,
    dryRun,
    at,
    streams: [],
    counts: emptyCounts(),
  };
  for await (const id of streamIds(engine, options.streamIds)) {
    const row = await migrateStream(engine, registry, target, calendar, plan, id, { dryRun, at });
    report.streams.push(row);
    report.counts[row.status]++;
  }
  return report;
}
