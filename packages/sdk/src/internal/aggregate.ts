import { NotFound } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { Store, StoredEvent } from '../store/port.js';
import type {
  HandlingStateLike,
  HandlingSystemLike,
  SystemDeadline,
  SystemNotification,
  SystemSummary,
} from '../system.js';
import { applyFacts, type CoverageFact, initialFacts, type ProposalFacts, withCurrentReplyDue } from './facts.js';
import { type DuePatch, patchDeadlines } from './patchDeadlines.js';
import { copyStateView, loggedStateView, type StateView } from './stateView.js';
import { upcastEntry } from './upcast.js';

/** A proposal loaded in memory: the coordinator's state plus the SDK's facts. */
export interface Aggregate {
  id: string;
  version: number;
  handling: HandlingStateLike;
  facts: ProposalFacts;
  lastSnapshotVersion: number;
}

/** The SDK-level log entry that creates a stream (the machines start from it). */
export const CREATE_EVENT = 'proposal.create';
/** The SDK-level log entry that records a calendar correction applied to open deadlines. */
export const CALENDAR_EVENT = 'calendar.corrected';

/** What is derived from one state, filled in as it is asked for. */
interface Derived {
  deadlines?: readonly SystemDeadline[];
  summary?: SystemSummary;
  view?: StateView;
}

/**
 * Reads deadlines, summaries and state views once per state object (states are immutable, so the cache never goes
 * stale), in one record per state. The logged view is shared: one command's `stateAfter` is the next command's
 * `stateBefore`, the same object. Weak: a state's record goes with the state. (A cache that forgets sooner was tried:
 * with many proposals in flight every command then re-derives its starting state, which costs more CPU and, through
 * unshared views, more memory than it saves.)
 */
export function createDerivations(system: HandlingSystemLike) {
  const records = new WeakMap<object, Derived>();
  const slot = (state: HandlingStateLike): Derived => {
    let hit = records.get(state);
    if (hit === undefined) {
      hit = {};
      records.set(state, hit);
    }
    return hit;
  };
  const summary = (state: HandlingStateLike): SystemSummary => {
    const d = slot(state);
    d.summary ??= system.summary(state);
    return d.summary;
  };
  /** The state view as logged; shared by every entry of this state, so callers must not mutate it. */
  const view = (state: HandlingStateLike): StateView => {
    const d = slot(state);
    d.view ??= loggedStateView(summary(state));
    return d.view;
  };
  return {
    deadlines(state: HandlingStateLike): readonly SystemDeadline[] {
      const d = slot(state);
      d.deadlines ??= system.deadlines(state);
      return d.deadlines;
    },
    summary,
    view,
    /** A fresh copy of the state view that the caller owns (results, errors). */
    viewCopy: (state: HandlingStateLike): StateView => copyStateView(view(state)),
  };
}

/** The cached derivations type. */
export type Derivations = ReturnType<typeof createDerivations>;

/** Starts an aggregate from the creation entry's proposal. */
export function startAggregate(
  system: HandlingSystemLike,
  id: string,
  proposal: JsonObject,
  at: string,
  coverage?: CoverageFact,
): Aggregate {
  const handling = system.start({ proposal, at });
  const facts = initialFacts(proposal as unknown as Parameters<typeof initialFacts>[0], at, coverage);
  return { id, version: 0, handling, facts, lastSnapshotVersion: 0 };
}

/** Folds the result of one machine event into the aggregate's facts. */
export function nextFacts(
  derive: Derivations,
  before: Aggregate,
  handling: HandlingStateLike,
  event: { type: string; at: string },
  emitted: readonly SystemNotification[],
): ProposalFacts {
  const folded = applyFacts(before.facts, event, emitted, derive.deadlines(before.handling));
  return withCurrentReplyDue(folded, derive.deadlines(handling));
}

/** Applies one logged entry to an aggregate, exactly as the command that wrote it did. */
export function replayEntry(
  system: HandlingSystemLike,
  derive: Derivations,
  agg: Aggregate,
  stored: StoredEvent,
): Aggregate {
  // Events written before a breaking change of their payload (the issue-15 letter renames) replay in today's shape.
  const entry = upcastEntry(stored);
  const event = entry.event as { type: string; at: string; [k: string]: unknown };
  if (entry.type === CREATE_EVENT) {
    const coverage = event.coverage as CoverageFact | undefined;
    return {
      ...startAggregate(system, agg.id, event.proposal as JsonObject, event.at, coverage),
      version: entry.version,
    };
  }
  if (entry.type === CALENDAR_EVENT) {
    const handling = patchDeadlines(agg.handling, event.patches as unknown as DuePatch[]);
    return {
      ...agg,
      version: entry.version,
      handling,
      facts: withCurrentReplyDue(agg.facts, derive.deadlines(handling)),
    };
  }
  const { state } = system.send(agg.handling, event);
  const facts = nextFacts(derive, agg, state, event, entry.emitted as unknown as SystemNotification[]);
  return { ...agg, version: entry.version, handling: state, facts };
}

/** Loads an aggregate: the latest snapshot plus a replay of the later events; throws `NotFound`. */
export async function loadAggregate(
  store: Store,
  system: HandlingSystemLike,
  derive: Derivations,
  id: string,
): Promise<Aggregate> {
  const loaded = await store.load(id);
  if (!loaded) throw new NotFound(id);
  let agg: Aggregate;
  if (loaded.snapshot) {
    const snap = loaded.snapshot.state as unknown as { handling: HandlingStateLike; facts: ProposalFacts };
    const version = loaded.snapshot.version;
    agg = { id, version, handling: snap.handling, facts: snap.facts, lastSnapshotVersion: version };
  } else {
    agg = {
      id,
      version: 0,
      handling: undefined as unknown as HandlingStateLike,
      facts: undefined as never,
      lastSnapshotVersion: 0,
    };
  }
  for (const entry of loaded.events) agg = replayEntry(system, derive, agg, entry);
  return agg;
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
