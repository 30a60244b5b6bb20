import type { Deadline, HandlingState, HandlingSummary } from '@banli/core';
import { isReplayedVersion, REPLAYED_VERSIONS } from '@banli/core';
import type { BanliEvent, Proposal } from '@banli/schemas';
import { NotFoundError } from '../errors.js';
import type { CoverageFact, ProposalFacts } from '../facts.js';
import { fromJson, type JsonObject } from '../json.js';
import { definitionKeyOf, stateKeyOf } from '../migrate/registry.js';
import type { SnapshotRebuild } from '../snapshotRebuild.js';
import type { StateView } from '../stateView.js';
import type { LoggedTransition, Store, StoredEvent, StoredSnapshot } from '../store/port.js';
import type { HandlingSystemLike } from '../system.js';
import type { IndexMemo } from './deadlineIndex.js';
import { applyFacts, initialFacts, type LoggedNotification, withCurrentReplyDue } from './facts.js';
import { type DuePatch, patchDeadlines } from './patchDeadlines.js';
import { expandFacts } from './snapshotFacts.js';
import { type SnapshotMemo, seededMemo } from './snapshotMemo.js';
import { expandHandling, noteCreated, noteLogged, originsNow, policiesOf } from './snapshotRefs.js';
import { copyStateView, createValueTable, loggedStateView, type ValueTable } from './stateView.js';
import { UnresolvedRef } from './unresolvedRef.js';
import { upcastEntry, upcastSnapshotState } from './upcast.js';

/** A proposal loaded in memory: the coordinator's state plus the SDK's facts. */
export interface Aggregate {
  id: string;
  version: number;
  handling: HandlingState;
  facts: ProposalFacts;
  lastSnapshotVersion: number;
  /**
   * What the stream's last snapshot was compacted from and to, passed on from aggregate to aggregate so the next
   * snapshot compacts only what changed (`SnapshotMemo`); absent until a snapshot is built from this line of states.
   */
  snapshotMemo?: SnapshotMemo;
  /**
   * The snapshot of this line of states the store may hold unbuilt (`pendingSnapshot`): the aggregate cache builds it
   * when it lets the aggregate go (`settleSnapshot`), so the store never keeps the live state instead.
   */
  pendingSnapshot?: StoredSnapshot;
  /** The deadline index this line of states was last appended with (`IndexMemo`), passed on to the next aggregate. */
  indexMemo?: IndexMemo;
  /** What has been derived from `handling` (`createDerivations`); a record for another state is replaced on use. */
  derived?: Derived;
}

/**
 * An aggregate with every field of its type present, the optional ones undefined, in the order `step` builds the next
 * aggregate in: later assignments (`snapshotMemo`, `pendingSnapshot`, `indexMemo`, `derived`) then replace a field
 * instead of adding one, so every aggregate shares one hidden class. (A field added to a copy made by a spread gave each
 * aggregate a class of its own: see `recordCopier` in @banli/core/internal.)
 */
function aggregateOf(
  id: string,
  version: number,
  handling: HandlingState,
  facts: ProposalFacts,
  lastSnapshotVersion: number,
): Aggregate {
  return {
    id,
    version,
    handling,
    facts,
    lastSnapshotVersion,
    snapshotMemo: undefined,
    pendingSnapshot: undefined,
    indexMemo: undefined,
    derived: undefined,
  };
}

/** The SDK-level log entry that creates a stream (the machines start from it). */
export const CREATE_EVENT = 'proposal.create';
/** The SDK-level log entry that records a calendar correction applied to open deadlines. */
export const CALENDAR_EVENT = 'calendar.corrected';

/**
 * What is derived from one state, filled in as it is asked for: kept on the aggregate that holds the state
 * (`Aggregate.derived`), or for a state asked about without its aggregate, in a weak map keyed by the state.
 */
export interface Derived {
  /** The state it was derived from (an aggregate's record is for its `handling` only while they are the same). */
  readonly state: HandlingState;
  deadlines: readonly Deadline[] | undefined;
  summary: HandlingSummary | undefined;
  view: StateView | undefined;
  /**
   * A logged view the state's view may equal, reused when it does (`loggedStateView`'s `like`): the stream's last
   * logged `stateAfter` for an aggregate loaded from a store that hands its last entry over (`LoadedStream.last`).
   * Dropped once the view is built.
   */
  like?: StateView | undefined;
}

/**
 * A derivation record of `state`, nothing derived yet (every field present, in one order, so every record shares one
 * hidden class); `like`: a logged view its view may equal (see {@link Derived.like}).
 */
function derivedOf(state: HandlingState, like?: StateView): Derived {
  return { state, deadlines: undefined, summary: undefined, view: undefined, like };
}

/** A state, or the aggregate holding it (whose record is then kept on it). */
type StateOf = HandlingState | Aggregate;

/**
 * Reads deadlines, summaries and state views once per state object (states are immutable, so a record never goes
 * stale), in one record per state. A command asks with the aggregate: the record is kept on it and goes on with it to
 * the cache, so the logged view is shared (one command's `stateAfter` is the next command's `stateBefore`, the same
 * object) without a weak-map entry per state, which every major collection would have to work through as an ephemeron.
 * A state asked about on its own (a correction, a tick, a migration) has its record in a weak map: the record goes with
 * the state. (A cache that forgets sooner was tried: with many proposals in flight every command then re-derives its
 * starting state, which costs more CPU and, through unshared views, more memory than it saves.)
 */
export function createDerivations(system: HandlingSystemLike, values: ValueTable = createValueTable()) {
  const records = new WeakMap<object, Derived>();
  const slot = (of: StateOf): Derived => {
    const agg = of as Partial<Aggregate>;
    if (agg.handling !== undefined) {
      let own = agg.derived;
      if (own === undefined || own.state !== agg.handling) {
        own = derivedOf(agg.handling);
        agg.derived = own;
      }
      return own;
    }
    const state = of as HandlingState;
    let hit = records.get(state);
    if (hit === undefined) {
      hit = derivedOf(state);
      records.set(state, hit);
    }
    return hit;
  };
  const summary = (of: StateOf): HandlingSummary => {
    const d = slot(of);
    d.summary ??= system.summary(d.state);
    return d.summary;
  };
  /**
   * The state view as logged; shared by every entry of this state, so callers must not mutate it. `like`: a logged
   * view it may equal, reused (or its case record) when it does (the view of the state before a command).
   */
  const view = (of: StateOf, like?: StateView): StateView => {
    const d = slot(of);
    if (d.view === undefined) {
      d.view = loggedStateView(summary(of), values, like ?? d.like);
      d.like = undefined;
    }
    return d.view;
  };
  return {
    deadlines(of: StateOf): readonly Deadline[] {
      const d = slot(of);
      d.deadlines ??= system.deadlines(d.state);
      return d.deadlines;
    },
    summary,
    view,
    /** A fresh copy of the state view that the caller owns (results, errors). */
    viewCopy: (of: StateOf): StateView => copyStateView(view(of)),
  };
}

/** The cached derivations type. */
export type Derivations = ReturnType<typeof createDerivations>;

/** Starts an aggregate from the creation entry's proposal. */
function startAggregate(
  system: HandlingSystemLike,
  id: string,
  proposal: Proposal,
  at: string,
  coverage?: CoverageFact,
): Aggregate {
  return beginAggregate(system, id, proposal, at, coverage).aggregate;
}

/**
 * Starts an aggregate like `startAggregate`, with the transitions the coordinator reports it took on starting
 * (`undefined` when it does not report them: a coordinator without `begin`, or a `begin` that leaves them out).
 */
export function beginAggregate(
  system: HandlingSystemLike,
  id: string,
  proposal: Proposal,
  at: string,
  coverage?: CoverageFact,
): { aggregate: Aggregate; transitions: readonly LoggedTransition[] | undefined } {
  const begun: { state: HandlingState; transitions?: readonly LoggedTransition[] } = system.begin
    ? system.begin({ proposal, at })
    : { state: system.start({ proposal, at }) };
  const facts = initialFacts(proposal, at, coverage);
  return {
    aggregate: aggregateOf(id, 0, begun.state, facts, 0),
    transitions: begun.transitions,
  };
}

/**
 * Folds the result of one machine event into the aggregate's facts: `facts` before it, the state before and the
 * state it led to (or the aggregates holding them, which then keep what is derived from them; see `createDerivations`).
 */
export function nextFacts(
  derive: Derivations,
  facts: ProposalFacts,
  before: StateOf,
  after: StateOf,
  event: { type: string; at: string },
  emitted: readonly LoggedNotification[],
): ProposalFacts {
  return applyFacts(facts, event, emitted, derive.deadlines(before), derive.deadlines(after));
}

/** The aggregate a stream's creation entry starts (`proposal.create`: the proposal, its date and coverage). */
function createdAggregate(system: HandlingSystemLike, id: string, entry: StoredEvent): Aggregate {
  const { proposal, at, coverage } = entry.event;
  const created = startAggregate(
    system,
    id,
    fromJson<Proposal>(proposal),
    String(at),
    fromJson<CoverageFact | undefined>(coverage),
  );
  // The context's proposal is the coordinator's copy of the one this entry logs: snapshots refer to the entry.
  noteCreated(contextProposal(created.handling), entry.version);
  return { ...created, version: entry.version };
}

/** The proposal a proposal context holds (@banli/core's coordinator keeps it as `context.proposal`). */
export function contextProposal(handling: HandlingState): unknown {
  return (handling.proposal?.context as { proposal?: unknown } | undefined)?.proposal;
}

/** Applies one logged entry to an aggregate, exactly as the command that wrote it did. */
function replayEntry(system: HandlingSystemLike, derive: Derivations, agg: Aggregate, stored: StoredEvent): Aggregate {
  // Events written before a breaking change of their payload (the issue-15 letter renames) replay in today's shape.
  const entry = upcastEntry(stored);
  if (entry.type === CREATE_EVENT) return createdAggregate(system, agg.id, entry);
  if (entry.type === CALENDAR_EVENT) {
    const handling = patchDeadlines(agg.handling, fromJson<DuePatch[]>(entry.event.patches));
    return {
      ...agg,
      version: entry.version,
      handling,
      facts: withCurrentReplyDue(agg.facts, derive.deadlines(handling)),
    };
  }
  // An entry written under an earlier built-in machine version replays under the rules of its time: the event says
  // which version wrote it, and the guards whose rule changed since do not refuse it again (core's
  // `writtenUnderEarlierVersion`). The field is in no schema, so no command can carry it.
  // (An entry names the proposal machine's version; the case machine's moved with it.)
  const v = entry.machine?.version;
  const earlier = v !== undefined && REPLAYED_VERSIONS.proposal.includes(v);
  const event = fromJson<BanliEvent>(earlier ? { ...entry.event, writtenUnder: v } : entry.event);
  const { state } = system.send(agg.handling, event);
  noteLogged(entry.event, entry.version);
  // Asked with the states: a replayed aggregate keeps no derivations of its own (only commands attach them).
  const facts = nextFacts(derive, agg.facts, agg.handling, state, event, entry.emitted);
  return { ...agg, version: entry.version, handling: state, facts };
}

/**
 * Whether a snapshot was written by an earlier version of the built-in machines that the current ones replace
 * (`isReplayedVersion`); such state is rebuilt from the log instead of refused.
 */
function writtenByReplayedVersion(system: HandlingSystemLike, state: unknown): boolean {
  const current = definitionKeyOf((system as { current?: HandlingSystemLike }).current ?? system);
  const handling = (state as { handling?: HandlingState }).handling;
  if (!current || !handling?.machine) return false;
  return isReplayedVersion(stateKeyOf(handling), current);
}

/** Whether the system (or one system of a registry) runs the machine versions a persisted state names. */
function servesVersion(system: HandlingSystemLike, state: HandlingState): boolean {
  const key = stateKeyOf(state);
  const registry = system as { find?: (k: typeof key) => unknown };
  if (registry.find) return registry.find(key) !== undefined;
  const own = definitionKeyOf(system);
  return own === undefined || (own.proposal === key.proposal && own.case === key.case);
}

/**
 * Loads an aggregate: the latest snapshot plus a replay of the later events; a snapshot of an earlier built-in
 * machine version is ignored and the whole log replayed, and so is a snapshot that cannot be read (`onRebuild` is
 * told why). Throws `NotFoundError`.
 */
export async function loadAggregate(
  store: Store,
  system: HandlingSystemLike,
  derive: Derivations,
  id: string,
  onRebuild?: (rebuild: SnapshotRebuild) => void,
): Promise<Aggregate> {
  const loaded = await store.load(id);
  if (!loaded) throw new NotFoundError(id);
  let agg: Aggregate | undefined;
  // Upcast by replay: a snapshot of an earlier built-in version is a stale cache; the whole log rebuilds the state.
  const replayed = loaded.snapshot !== undefined && writtenByReplayedVersion(system, loaded.snapshot.state);
  let events = replayed ? await store.readStream(id) : loaded.events;
  if (loaded.snapshot && !replayed) {
    // Upcast at the load boundary: letters a snapshot embeds in the shape before issue 15 read in the current one.
    const snap = fromJson<{ handling: HandlingState; facts: ProposalFacts }>(
      upcastSnapshotState(loaded.snapshot.state),
    );
    const version = loaded.snapshot.version;
    const read = async (from: number, to: number) =>
      (await store.readStream(id, { afterVersion: from - 1, limit: to - from + 1 })).map(upcastEntry);
    try {
      const policies = policiesOf(system);
      // A state this process compacted for this stream seeds the memo the next snapshot is compacted with.
      const memo = loaded.snapshot.streamId === id ? seededMemo(snap, id, policies, originsNow()) : undefined;
      const handling = await expandHandling(id, snap.handling, policies, read, memo);
      const facts = fromJson<ProposalFacts>(expandFacts({ ...snap.facts }, handling, memo) as JsonObject);
      agg = aggregateOf(id, version, handling, facts, version);
      agg.snapshotMemo = memo;
    } catch (error) {
      if (!(error instanceof UnresolvedRef)) throw error;
      if (servesVersion(system, snap.handling)) {
        // A policy this instance is not configured with (or a letter missing from its entry): rebuild from the log.
        events = await store.readStream(id);
        onRebuild?.({ streamId: id, snapshotVersion: version, reason: error.reason, detail: error.detail });
      } else {
        // State of a definition this instance does not run: its first use refuses it (`VersionMismatchError`).
        agg = aggregateOf(id, version, snap.handling, snap.facts, version);
      }
    }
  }
  if (agg === undefined) {
    // Without a snapshot the log starts with the stream's creation entry.
    const [first, ...rest] = events;
    if (first === undefined) throw new NotFoundError(id);
    agg = createdAggregate(system, id, upcastEntry(first));
    events = rest;
  }
  for (const entry of events) agg = replayEntry(system, derive, agg, entry);
  // The view this state was logged with, when the store hands it over: the next entry's `stateBefore` is then that
  // same object, not a copy of it (see `Derived.like`).
  const last = events.length > 0 ? events[events.length - 1] : loaded.last;
  const like = last?.version === agg.version ? loggedView(last.stateAfter) : undefined;
  if (like !== undefined) agg.derived = derivedOf(agg.handling, like);
  return agg;
}

/** A logged `stateAfter` as a state view, or undefined when it is not one (no `cases` record). */
function loggedView(value: unknown): StateView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const cases = (value as { cases?: unknown }).cases;
  return typeof cases === 'object' && cases !== null ? (value as StateView) : undefined;
}

/** The coordinator and derivations to use with one calendar (`undefined`: the first calendar of the log). */
export type ReplayResolver = (calendar: { id: string; version: string } | undefined) => {
  system: HandlingSystemLike;
  derive: Derivations;
};

/**
 * Rebuilds an aggregate from its full log, ignoring snapshots (for audits and tests); switches calendars at each
 * `calendar.corrected` entry so every event is replayed with the calendar it was first applied with.
 */
export function replayAll(resolve: ReplayResolver, id: string, events: readonly StoredEvent[]): Aggregate {
  const firstCorrection = events.find((e) => e.type === CALENDAR_EVENT)?.event.calendar as
    | { from: { id: string; version: string } }
    | undefined;
  let ctx = resolve(firstCorrection?.from);
  let agg = { id, version: 0, lastSnapshotVersion: 0 } as Aggregate;
  for (const entry of events) {
    if (entry.type === CALENDAR_EVENT)
      ctx = resolve((entry.event.calendar as { to: { id: string; version: string } }).to);
    agg = replayEntry(ctx.system, ctx.derive, agg, entry);
  }
  return agg;
}
