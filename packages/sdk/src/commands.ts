import { coverageOf } from '@banli/core';
import { handOver } from '@banli/core/internal';
import type { BanliEvent, Proposal } from '@banli/schemas';
import type { Backdated } from './backdated.js';
import type { CommandResult } from './commandResult.js';
import {
  AlreadyExistsError,
  BanliError,
  ConcurrencyConflictError,
  IdempotencyMismatchError,
  NotCovered,
  PermissionError,
  TransitionRefusedError,
  ValidationError,
} from './errors.js';
import { type BoundaryEvent, datedEvent, eventAtBoundary, notAnObject, proposalAtBoundary } from './input/boundary.js';
import { checkSendArgs, checkSubmitArgs } from './input/calls.js';
import { issueOf } from './input/issues.js';
import {
  type Aggregate,
  beginAggregate,
  CREATE_EVENT,
  contextProposal,
  loadAggregate,
  nextFacts,
} from './internal/aggregate.js';
import { checkDateOrder } from './internal/dateOrder.js';
import { accessOf, appendOf, diffDeadlines, type Engine, entryOf, notificationsOf, viewOf } from './internal/engine.js';
import { coverageFact } from './internal/facts.js';
import { fingerprint } from './internal/fingerprint.js';
import { eventOf, unparsed } from './internal/measurement.js';
import { leaveOutUnchanged, noteWritten } from './internal/partialRow.js';
import { refusalReasonOf } from './internal/refusalReason.js';
import { noteCreated, noteLogged } from './internal/snapshotRefs.js';
import { submitEventOf, withCommandDate } from './internal/validate.js';
import { asJson, asJsonList, cloneData, fromJson, type JsonObject } from './json.js';
import { type MergeWrite, prepareMerge } from './merge.js';
import { authorize } from './roles/authorize.js';
import type { Actor } from './roles/roles.js';
import { checkSessionClose } from './sessionClose.js';
import type { AppendRequest, StoredEvent } from './store/port.js';

/** Options of `send`. */
export interface SendOptions {
  /** Who sends the event. */
  actor: Actor;
  /** Refuse with `ConcurrencyConflictError` unless the proposal is at this version (optimistic concurrency). */
  expectedVersion?: number;
  /** A retried command with the same key returns the first result and writes nothing. */
  idempotencyKey?: string;
  /**
   * Declares an act entered late (a paper form): the event may then be dated before the latest event of its case (or,
   * for a proposal-level event, of the proposal); it is logged with `meta.backdated`. Without it such an event is
   * refused with `BackdatingRefusedError`.
   */
  backdated?: Backdated;
}

/** Options of `submit`. */
export interface SubmitOptions {
  /** Who submits: one of the proposers, or the committee entering it on their behalf. */
  actor: Actor;
  /** The business date; defaults to the clock's today. */
  at?: string;
  /** Keep the proposal in `draft` instead of submitting it. @defaultValue false */
  draft?: boolean;
  /** A retried command with the same key returns the first result and writes nothing. */
  idempotencyKey?: string;
}

const isConflict = (e: unknown, reason?: string): e is ConcurrencyConflictError =>
  e instanceof ConcurrencyConflictError && (reason === undefined || e.reason === reason);

async function replayIdempotent(
  engine: Engine,
  key: string | undefined,
  fp: string,
): Promise<CommandResult | undefined> {
  if (key === undefined) return undefined;
  const record = await engine.store.getIdempotency(key);
  if (!record) return undefined;
  if (record.fingerprint !== fp) throw new IdempotencyMismatchError(key);
  return fromJson<CommandResult>(record.result);
}

async function commit(engine: Engine, request: AppendRequest, result: CommandResult, key?: string, fp?: string) {
  if (key !== undefined && fp !== undefined) {
    request.idempotency = { key, fingerprint: fp, result: asJson(result) };
  }
  await engine.store.append(request);
  return result;
}

async function publish(engine: Engine, request: AppendRequest): Promise<void> {
  if (engine.notifier.active) await engine.notifier.publish(notificationsOf(request.events));
}

/**
 * A command with an idempotency key that is about to fail (a refusal, a conflict, `AlreadyExistsError`) checks the key
 * once more: a concurrent retry of the same command may have committed meanwhile, and then both callers must get the
 * same result. Returns that result, or rethrows the error.
 */
async function replayOrThrow(
  engine: Engine,
  key: string | undefined,
  fp: string,
  error: unknown,
): Promise<CommandResult> {
  // Only refusals and conflicts: an infrastructure error (a lost connection) propagates as it is.
  if (key !== undefined && error instanceof BanliError && !(error instanceof IdempotencyMismatchError)) {
    const again = await replayIdempotent(engine, key, fp);
    if (again) return again;
  }
  throw error;
}

/** Refuses a command on a stream that already holds `limits.streamEvents` events. */
function refuseFullStream(engine: Engine, agg: Aggregate): void {
  if (agg.version < engine.limits.streamEvents) return;
  const label = { 'zh-CN': `提案 ${agg.id.slice(0, 40)}`, en: `proposal ${agg.id.slice(0, 40)}` };
  throw new ValidationError([issueOf(label, [], 'stream_full', { maximum: engine.limits.streamEvents })]);
}

/** The aggregate as the store will load it after this append (the snapshot, if one was written, is at its version). */
function committed(engine: Engine, after: Aggregate, request: AppendRequest): Aggregate {
  const agg = request.snapshot ? { ...after, lastSnapshotVersion: after.version } : after;
  noteWritten(engine.store.partialAppends, agg, request);
  return agg;
}

function resultOf(engine: Engine, after: Aggregate, entries: StoredEvent[]): CommandResult {
  // Copies: the caller owns its result, which must never alias a cached aggregate or the in-memory log.
  const emitted: JsonObject[] = [];
  const deadlineChanges: CommandResult['deadlineChanges'] = [];
  for (const e of entries) {
    for (const n of e.emitted) emitted.push(cloneData(n));
    const changes = fromJson<CommandResult['deadlineChanges'] | undefined>(e.meta?.deadlineChanges);
    if (changes) for (const c of changes) deadlineChanges.push({ ...c });
  }
  return {
    id: after.id,
    version: after.version,
    state: engine.derive.viewCopy(after),
    emitted,
    deadlineChanges,
  };
}

/** Applies one validated, authorised machine event to an aggregate and builds its log entry. */
export function step(engine: Engine, agg: Aggregate, event: BanliEvent, actor: Actor) {
  let sent: ReturnType<Engine['system']['send']>;
  try {
    // The coordinator's send checks `can` itself; asking first would restore the snapshot twice.
    sent = engine.system.send(agg.handling, event);
  } catch (error) {
    if (engine.system.can(agg.handling, event)) throw error;
    const view = viewOf(engine, agg);
    const stateValue = error instanceof TransitionRefusedError ? error.stateValue : undefined;
    throw new TransitionRefusedError(
      String(event.type),
      refusalReasonOf(error, String(event.type), view),
      view,
      stateValue,
    );
  }
  const { state, emitted, transitions } = sent;
  const after: Aggregate = {
    id: agg.id,
    version: agg.version + 1,
    handling: state,
    facts: agg.facts,
    lastSnapshotVersion: agg.lastSnapshotVersion,
    snapshotMemo: agg.snapshotMemo,
    pendingSnapshot: agg.pendingSnapshot,
    indexMemo: agg.indexMemo,
    derived: undefined,
  };
  after.facts = nextFacts(engine.derive, agg.facts, agg, after, event, emitted);
  const changes = diffDeadlines(engine.derive.deadlines(agg), engine.derive.deadlines(after));
  // What it carries that contexts keep is written once, in this entry; snapshots refer to it (see `compactHandling`).
  noteLogged(event, after.version);
  return {
    after,
    entry: entryOf(engine, agg, after, asJson(event), actor, asJsonList(emitted), changes, transitions),
  };
}

function refuseStaleVersion(engine: Engine, id: string, expectedVersion: number, agg: Aggregate): never {
  const details = { reason: 'version' as const, streamId: id, expectedVersion, actualVersion: agg.version };
  throw new ConcurrencyConflictError(details, viewOf(engine, agg));
}

/** Under the benchmarks' `skipValidation`: nothing parsed (still an object, or refused as before). */
function skippedValidation(input: unknown): undefined {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw notAnObject();
  return undefined;
}

/**
 * The event the boundary parsed (`eventAtBoundary`), refused here with the schema's issues if it failed: where the
 * command has always parsed it. Without `at`, the event takes today's date: if the day has changed since the boundary
 * dated it, the parsed event with the new date (`withCommandDate`: what parsing it again would give), without reading
 * the caller's event again.
 * Under the benchmarks' `skipValidation` (no `checked`), a copy of the input taken as parsed (`unparsed`).
 */
function eventFrom(engine: Engine, raw: Record<string, unknown>, checked: BoundaryEvent | undefined): BanliEvent {
  if (checked === undefined) return eventOf(engine.measurement, datedEvent(raw, engine.today));
  if (checked.issues) throw new ValidationError(checked.issues);
  if (raw.at !== undefined) return checked.event;
  const today = engine.today();
  return checked.event.at === today ? checked.event : withCommandDate(checked.event, today);
}

/** Everything a command computes before writing: refusals throw here, before anything is written. */
function prepareSend(
  engine: Engine,
  agg: Aggregate,
  id: string,
  raw: Record<string, unknown>,
  checked: BoundaryEvent | undefined,
  options: SendOptions,
) {
  if (options.expectedVersion !== undefined && options.expectedVersion !== agg.version) {
    refuseStaleVersion(engine, id, options.expectedVersion, agg);
  }
  let event: BanliEvent;
  try {
    event = eventFrom(engine, raw, checked);
    if (!engine.measurement?.skipAuthorization) authorize(options.actor, event as never, accessOf(engine, agg));
  } catch (error) {
    // Attach the state only on refusal: building the view on the happy path is wasted work.
    if (error instanceof ValidationError) throw new ValidationError(error.issues, viewOf(engine, agg));
    if (error instanceof PermissionError) throw new PermissionError(error.messages, viewOf(engine, agg));
    throw error;
  }
  const backdated = checkDateOrder(agg.facts, event, options.backdated, () => viewOf(engine, agg));
  const stepped = step(engine, agg, event, options.actor);
  const { after } = stepped;
  // Rare: a copy with the extra meta field is fine here (see `entryOf` on why entries are usually built whole).
  const entry = backdated
    ? { ...stepped.entry, meta: { ...stepped.entry.meta, backdated: asJson(backdated) } }
    : stepped.entry;
  // With the cache on, the snapshot is built when read or when the cache lets the aggregate go (`pendingSnapshot`).
  const lazy = engine.cache !== undefined;
  const whole = appendOf(engine, agg.lastSnapshotVersion, agg.version, after, [entry], {}, false, lazy);
  const request = leaveOutUnchanged(engine.store.partialAppends, agg, whole);
  return { after, entry, request };
}

/** Validates, authorises and applies an event to a proposal; see `Banli.send`. */
export async function sendCommand(
  engine: Engine,
  id: string,
  input: unknown,
  options: SendOptions,
): Promise<CommandResult> {
  // Arguments first, before the fingerprint: a cyclic, deep or BigInt payload must be a ValidationError. The event is
  // validated once, here: its shape and sizes by the payload walk, the rest by its schema (see `input/boundary.ts`).
  const skip = engine.measurement?.skipValidation === true;
  checkSendArgs(engine.limits, id, options);
  const checked = skip
    ? skippedValidation(input)
    : eventAtBoundary(engine.limits, input, engine.today, engine.measurement?.letterParse);
  const key = options.idempotencyKey;
  const fp =
    key === undefined
      ? ''
      : fingerprint({
          op: 'send',
          id,
          event: input,
          actor: options.actor,
          ...(options.backdated === undefined ? {} : { backdated: options.backdated }),
        });
  const raw = input as Record<string, unknown>;
  const cache = engine.cache;
  // Once a cached aggregate proved stale (or led to a refusal), this command reads only from the store.
  let fresh = cache === undefined;
  for (let attempt = 0; ; ) {
    if (key !== undefined) {
      const replayed = await replayIdempotent(engine, key, fp);
      if (replayed) return replayed;
    }
    const cached = fresh ? undefined : cache?.get(id);
    let prepared: ReturnType<typeof prepareSend>;
    let agg: Aggregate;
    try {
      agg = cached ?? (await loadAggregate(engine.store, engine.system, engine.derive, id, engine.onSnapshotRebuild));
      refuseFullStream(engine, agg);
      prepared = prepareSend(engine, agg, id, raw, checked, options);
    } catch (error) {
      // A refusal computed from a cached aggregate may be an artefact of staleness: decide it on a fresh load.
      if (cached === undefined) return replayOrThrow(engine, key, fp, error);
      cache?.delete(id);
      fresh = true;
      continue;
    }
    const { after, entry, request } = prepared;
    // 并案: the target takes the item in (its cases reply to the item's proposers) in the same write as the item ends.
    let merge: MergeWrite | undefined;
    if (entry.type === 'review.merge') {
      const event = fromJson<{ type: string; at: string; into: string }>(entry.event);
      try {
        merge = await prepareMerge(engine, agg, event, options.actor, options.backdated, step);
      } catch (error) {
        return replayOrThrow(engine, key, fp, error);
      }
    }
    const result = resultOf(engine, after, [entry]);
    if (key !== undefined) request.idempotency = { key, fingerprint: fp, result: asJson(result) };
    try {
      if (merge) await (engine.store.appendAll as NonNullable<typeof engine.store.appendAll>)([merge.request, request]);
      else await engine.store.append(request);
    } catch (error) {
      cache?.delete(id);
      if (merge) cache?.delete(merge.into);
      if (cached !== undefined && isConflict(error, 'version')) {
        // The cached aggregate was stale: another writer appended. Retry from the store, as if never cached.
        fresh = true;
        continue;
      }
      // The caller's expectedVersion is the item's: a target that moved on meanwhile is read again and retried.
      const targetMoved = merge !== undefined && isConflict(error, 'version') && error.streamId === merge.into;
      const retry =
        isConflict(error, 'idempotencyKey') ||
        targetMoved ||
        (isConflict(error, 'version') && options.expectedVersion === undefined);
      if (!retry || attempt >= engine.maxRetries) return replayOrThrow(engine, key, fp, error);
      attempt++;
      continue;
    }
    cache?.set(committed(engine, after, request));
    if (merge) {
      cache?.set(committed(engine, merge.after, merge.request));
      if (engine.notifier.active) await publish(engine, merge.request);
    }
    if (engine.notifier.active) await publish(engine, request);
    return result;
  }
}

/** Validates and stores a new proposal, submitting it unless `draft`; see `Banli.submit`. */
export async function submitCommand(engine: Engine, input: unknown, options: SubmitOptions): Promise<CommandResult> {
  // Arguments first, before the fingerprint: `at`, `draft`, the key, then the proposal (shape, sizes, schema) once.
  const skip = engine.measurement?.skipValidation === true;
  checkSubmitArgs(engine.limits, options);
  const proposal = skip ? unparsed<Proposal>(input) : proposalAtBoundary(engine.limits, input);
  // The policy covers the item's kind and channel, or the item is refused before anything is written.
  const covered = coverageOf(engine.policy.coverage, proposal);
  if (!covered) throw new NotCovered(engine.policy, proposal);
  // A reply period counted from the session's closing day needs that day (S13), or it would silently count from 交办.
  checkSessionClose(engine.policy, proposal);
  const at = options.at ?? engine.today();
  const key = options.idempotencyKey;
  const fp =
    key === undefined
      ? ''
      : fingerprint({ op: 'submit', proposal: input, at, draft: options.draft ?? false, actor: options.actor });
  const replayed = await replayIdempotent(engine, key, fp);
  if (replayed) return replayed;
  const proposerIds = proposal.proposers.map((p) => p.id);
  if (!engine.measurement?.skipAuthorization) {
    authorize(
      options.actor,
      { type: 'proposal.submit', by: options.actor.id },
      { proposerIds, cases: {}, kind: proposal.kind },
    );
  }
  // No read before the write: the append itself refuses an id that exists (expected version 0, a `version` conflict,
  // answered as `AlreadyExistsError` below), so a submit is one round trip to the store. A cached id exists for sure.
  if (engine.cache?.get(proposal.id)) return replayOrThrow(engine, key, fp, new AlreadyExistsError(proposal.id));
  // An item covered only by analogy (or inference) says so in its creation entry, and so in its facts.
  const coverage = covered.basis === 'sourced' ? undefined : coverageFact(engine.policy.id, covered);
  // The parsed proposal is the command's own copy: handed over, core starts from it without copying it again. Under the
  // benchmarks' `skipValidation` the proposal is the copy `unparsed` took, the command's own as well, and is handed over
  // alike: core copying it again would count a second copy as validation's absence (issue 19).
  const begun = beginAggregate(engine.system, proposal.id, handOver(proposal), at, coverage);
  const created: Aggregate = { ...begun.aggregate, version: 1 };
  noteCreated(contextProposal(created.handling), created.version);
  const createEntry = entryOf(
    engine,
    undefined,
    created,
    { type: CREATE_EVENT, at, proposal: asJson(proposal), ...(coverage ? { coverage: asJson(coverage) } : {}) },
    options.actor,
    [],
    [],
    begun.transitions,
  );
  let after = created;
  const entries = [createEntry];
  if (!options.draft) {
    const event = submitEventOf(at, proposal.channel);
    const next = step(engine, created, event, options.actor);
    after = next.after;
    entries.push(next.entry);
  }
  const request = appendOf(engine, 0, 0, after, entries, {}, false, engine.cache !== undefined);
  try {
    const result = await commit(engine, request, resultOf(engine, after, entries), key, fp);
    engine.cache?.set(committed(engine, after, request));
    await publish(engine, request);
    return result;
  } catch (error) {
    return replayOrThrow(engine, key, fp, isConflict(error, 'version') ? new AlreadyExistsError(proposal.id) : error);
  }
}
