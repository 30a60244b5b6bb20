import type { Deadline } from '@banli/core';
import { idRecord } from '@banli/core/internal';
import type { Clock } from '../clock.js';
import type { DeadlineChange } from '../commandResult.js';
import type { PolicyLike } from '../defaults.js';
import { asJson, asJsonList, cloneData, type JsonObject } from '../json.js';
import type { SizeLimits } from '../limits.js';
import type { BanliNotification, Notifier } from '../notifications.js';
import type { AccessView } from '../roles/authorize.js';
import type { Actor } from '../roles/roles.js';
import type { SnapshotRebuild } from '../snapshotRebuild.js';
import type { StateView } from '../stateView.js';
import type { AppendRequest, DeadlineSpan, LoggedTransition, Store, StoredEvent } from '../store/port.js';
import type { HandlingSystemLike } from '../system.js';
import type { ActorTable } from './actorTable.js';
import type { Aggregate, Derivations } from './aggregate.js';
import type { AggregateCache } from './cache.js';
import type { AlertPlanner } from './deadlineIndex.js';
import type { Measurement } from './measurement.js';
import { pendingSnapshot, snapshotState } from './pendingSnapshot.js';
import { hasProvisional } from './provisional.js';
import { policiesOf } from './snapshotRefs.js';
import { topState } from './stateView.js';
import { summaryLists } from './summaryLists.js';
import type { TransitionTable } from './transitionTable.js';

/** Everything the commands, scheduler and queries share; swapped as a whole when the calendar changes. */
export interface Engine {
  store: Store;
  system: HandlingSystemLike;
  /** The policy in force (its coverage decides which items may be submitted). */
  policy: PolicyLike;
  derive: Derivations;
  planner: AlertPlanner;
  clock: Clock;
  notifier: Notifier;
  snapshotEvery: number;
  maxRetries: number;
  /** Size limits on ids, keys, text, payloads and streams. */
  limits: SizeLimits;
  /** The latest committed aggregates, when caching is on; a hint only (see `BanliOptions.cache`). */
  cache?: AggregateCache;
  /** This instance's table of logged actors (shared by its engines, never by two instances). */
  actors: ActorTable;
  /** This instance's table of logged transitions (shared by its engines, never by two instances). */
  transitions: TransitionTable;
  /** The calendar the engine computes with (named in provisional notes). */
  calendarRef?: { id: string; version: string };
  today(): string;
  /** Measurement switches (apps/bench only; see `internal/measurement.ts`): parts of a command left out. */
  measurement?: Measurement;
  /** Told when a stream is rebuilt from its log because its snapshot could not be read. */
  onSnapshotRebuild?: (rebuild: SnapshotRebuild) => void;
}

/** The state attached to errors and results: a copy the caller owns. */
export function viewOf(engine: Engine, agg: Aggregate): StateView & { version: number } {
  return { ...engine.derive.viewCopy(agg), version: agg.version };
}

/** Who may act on which case of this proposal. */
export function accessOf(engine: Engine, agg: Aggregate): AccessView {
  const cases = idRecord<{ unitId: string; coUnitIds: readonly string[] }>();
  for (const c of engine.derive.summary(agg).cases) {
    cases[c.caseId] = { unitId: c.unitId, coUnitIds: c.role === 'lead' ? agg.facts.coUnitIds : [] };
  }
  // 并案: a merged item's proposers rate their own letter on the target's stream (S20).
  const merged = (agg.handling as { proposal?: { context?: { mergedItems?: { proposers: { id: string }[] }[] } } })
    .proposal?.context?.mergedItems;
  if (!merged || merged.length === 0) return { proposerIds: agg.facts.proposerIds, cases, kind: agg.facts.kind };
  const proposerIds = [...agg.facts.proposerIds];
  for (const m of merged) for (const p of m.proposers) if (!proposerIds.includes(p.id)) proposerIds.push(p.id);
  return { proposerIds, cases, kind: agg.facts.kind };
}

const pending = (d: Deadline | undefined): boolean =>
  d !== undefined && d.closedAt === undefined && (d.status === 'open' || d.status === 'missed');

/**
 * Due dates that moved or appeared between two deadline lists; a new deadline that replaces a cancelled one of the
 * same kind, case and unit (an extension, a reassignment) reports the cancelled one's due date as `oldDue`.
 */
export function diffDeadlines(before: readonly Deadline[], after: readonly Deadline[]): DeadlineChange[] {
  if (before === after) return [];
  // Deadline lists are short (a handful per proposal): linear scans beat building maps on every command.
  let out: DeadlineChange[] | undefined;
  for (let i = 0; i < after.length; i++) {
    const d = after[i] as Deadline;
    if (d.due === '') continue;
    const prev = findById(before, d.id);
    if (prev?.due === d.due) continue;
    let oldDue = prev !== undefined && prev.due !== '' ? prev.due : undefined;
    let replaces: string | undefined;
    if (prev === undefined) {
      const replaced = before.find(
        (b) =>
          b.kind === d.kind &&
          b.caseId === d.caseId &&
          b.unitId === d.unitId &&
          pending(b) &&
          !pending(findById(after, b.id)),
      );
      if (replaced) {
        oldDue = replaced.due;
        replaces = replaced.id;
      }
    }
    out ??= [];
    out.push(changeOf(d, oldDue, replaces));
  }
  return out === undefined ? [] : out.slice();
}

/**
 * One change, built whole (fields in the logged order) rather than grown field by field: an object that grows past its
 * literal keeps the extra fields in a separate backing store, which the log would retain for every entry.
 */
function changeOf(d: Deadline, oldDue: string | undefined, replaces: string | undefined): DeadlineChange {
  const { id: deadlineId, kind, due: newDue, caseId } = d;
  if (caseId === undefined) {
    if (oldDue === undefined) return { deadlineId, kind, newDue };
    if (replaces === undefined) return { deadlineId, kind, newDue, oldDue };
    return { deadlineId, kind, newDue, oldDue, replaces };
  }
  if (oldDue === undefined) return { deadlineId, kind, newDue, caseId };
  if (replaces === undefined) return { deadlineId, kind, newDue, caseId, oldDue };
  return { deadlineId, kind, newDue, caseId, oldDue, replaces };
}

/** The last deadline with this id (as a map built from the list would hold). */
function findById(list: readonly Deadline[], id: string): Deadline | undefined {
  for (let i = list.length - 1; i >= 0; i--) if ((list[i] as Deadline).id === id) return list[i];
  return undefined;
}

/** Builds the log entry of one machine event. */
export function entryOf(
  engine: Engine,
  before: Aggregate | undefined,
  after: Aggregate,
  event: JsonObject,
  actor: Actor,
  emitted: readonly JsonObject[],
  changes: DeadlineChange[],
  taken: readonly LoggedTransition[] | undefined,
): StoredEvent {
  const streamId = after.id;
  const version = after.version;
  const type = event.type as string;
  const stored = engine.actors(actor);
  const recordedAt = engine.clock.now();
  const viewBefore = before ? engine.derive.view(before) : undefined;
  const stateBefore = viewBefore ? asJson(viewBefore) : null;
  // The view after is the view before, or shares its case record, when the command left those values as they were.
  const stateAfter = asJson(engine.derive.view(after, viewBefore));
  const machine = after.handling.machine;
  // An exact-size copy: the coordinator's array grew by pushes and would keep its spare capacity in the log.
  const logged = emitted.length === 0 ? [] : emitted.slice();
  // What the engine reported it ran, copied as plain data; absent (unknown) when the coordinator reported nothing.
  const transitions = taken === undefined ? undefined : taken.map(engine.transitions);
  // Built whole, `meta` included, so the log keeps no separate backing store per entry (see `changeOf`).
  if (changes.length === 0) {
    return {
      streamId,
      version,
      type,
      event,
      actor: stored,
      recordedAt,
      stateBefore,
      stateAfter,
      machine,
      emitted: logged,
      ...(transitions === undefined ? {} : { transitions }),
    };
  }
  const meta = { deadlineChanges: asJsonList(changes) };
  return {
    streamId,
    version,
    type,
    event,
    actor: stored,
    recordedAt,
    stateBefore,
    stateAfter,
    machine,
    emitted: logged,
    meta,
    ...(transitions === undefined ? {} : { transitions }),
  };
}

/** What an entry logs when no machine ran (a calendar correction, a migration): known to be no transition. */
export const NO_TRANSITIONS: readonly LoggedTransition[] = Object.freeze([]);

/**
 * Everything one command writes: entries plus snapshot, summary row and deadline index, in one append. `lazy`: the
 * snapshot is built when first read (`pendingSnapshot`), for an aggregate the caller hands to the aggregate cache.
 */
export function appendOf(
  engine: Engine,
  lastSnapshotVersion: number,
  expectedVersion: number,
  after: Aggregate,
  entries: StoredEvent[],
  extra: Pick<AppendRequest, 'idempotency' | 'firedDeadlines'> = {},
  forceSnapshot = false,
  lazy = false,
): AppendRequest {
  const summary = engine.derive.summary(after);
  // The logged view's state values are shared objects, so their queryable names are worked out once per value.
  const view = engine.derive.view(after);
  const deadlines = engine.derive.deadlines(after);
  const { caseStates, tags, unitIds } = summaryLists(summary, view, hasProvisional(deadlines), after.facts.coUnitIds);
  // Each deadline this stream's last index held keeps its entry (`IndexMemo`, passed on with the aggregate).
  const index = engine.planner.entries(after.id, deadlines, after.indexMemo);
  after.indexMemo = index.memo;
  const request: AppendRequest = {
    streamId: after.id,
    expectedVersion,
    events: entries,
    summary: {
      streamId: after.id,
      version: after.version,
      state: topState(summary.value),
      caseStates,
      tags,
      unitIds,
      proposerIds: after.facts.proposerIds,
      updatedAt: engine.clock.now(),
      facts: asJson(after.facts),
      deadlineSpan: deadlineSpanOf(deadlines),
    },
    deadlines: index.entries,
    ...extra,
  };
  if (forceSnapshot || after.version - lastSnapshotVersion >= engine.snapshotEvery) {
    const policies = policiesOf(engine.system);
    const recordedAt = engine.clock.now();
    // Built when first read (`pendingSnapshot`) when the aggregate goes to the cache, which builds it on letting go.
    request.snapshot = lazy
      ? pendingSnapshot(after, policies, recordedAt)
      : {
          streamId: after.id,
          version: after.version,
          state: snapshotState(after, policies),
          machine: after.handling.machine,
          recordedAt,
        };
  }
  return request;
}

/** From the earliest start to the latest due date of the deadlines a calendar correction re-examines; null for none. */
function deadlineSpanOf(deadlines: readonly Deadline[]): DeadlineSpan | null {
  let from: string | undefined;
  let to: string | undefined;
  for (const d of deadlines) {
    if (d.status === 'cancelled' || d.due === '') continue;
    const start = d.start !== '' && d.start < d.due ? d.start : d.due;
    if (from === undefined || start < from) from = start;
    if (to === undefined || d.due > to) to = d.due;
  }
  return from === undefined || to === undefined ? null : { from, to };
}

/** Turns committed entries' emitted notifications into subscriber notifications. */
export function notificationsOf(entries: readonly StoredEvent[]): BanliNotification[] {
  const out: BanliNotification[] = [];
  for (const e of entries) {
    e.emitted.forEach((payload, i) => {
      out.push({
        type: String(payload.type),
        proposalId: e.streamId,
        version: e.version,
        at: String(e.event.at),
        key: `${e.streamId}:${e.version}:${i}`,
        // A copy: listeners own what they receive, and it must never alias a logged entry or a cached aggregate.
        payload: cloneData(payload),
      });
    });
  }
  return out;
}
