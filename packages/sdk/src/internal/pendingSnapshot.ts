import type { Policy } from '@banli/core';
import { asJson, type JsonObject } from '../json.js';
import type { StoredSnapshot } from '../store/port.js';
import type { Aggregate } from './aggregate.js';
import { compactFacts } from './snapshotFacts.js';
import { createSnapshotMemo, markCompacted } from './snapshotMemo.js';
import { compactHandling, type OriginsAt, originsNow } from './snapshotRefs.js';

/** What a snapshot not built yet is built from: the aggregate's state, as of the command that made it. */
interface Source {
  after: Aggregate;
  policies: Map<string, Policy>;
  at: OriginsAt;
}

/** The stored state of a snapshot: the handling state and the facts as `compactHandling` and `compactFacts` store them. */
export function snapshotState(
  after: Aggregate,
  policies: Map<string, Policy>,
  at: OriginsAt | undefined = undefined,
): JsonObject {
  // The stream's memo goes on from aggregate to aggregate (see `SnapshotMemo`).
  after.snapshotMemo ??= createSnapshotMemo();
  const memo = after.snapshotMemo;
  const state = asJson({
    // The policy and the letters by reference: the policy lives in the system, each letter in its log entry; what the
    // logged proposal and assignment already say is left out (snapshotRefs, snapshotCases, snapshotFacts).
    handling: compactHandling(after.handling, policies, after.id, memo, at),
    facts: compactFacts(after.facts, after.handling, memo),
  });
  // A load of this very state seeds the next aggregate's memo from it (`seededMemo`).
  markCompacted(state, memo);
  return state;
}

/** Where a pending snapshot keeps what it is built from (a symbol: not in its keys, its JSON or a structured clone). */
const SOURCE = Symbol('banli.pendingSnapshot.source');

/** A snapshot not built yet: its `state` is the shared accessor below, and `SOURCE` what it is built from. */
type Pending = StoredSnapshot & { [SOURCE]: Source | undefined };

/** Turns `state` into a plain data property holding `value`, and lets go of what it was built from. */
function settle(snapshot: Pending, value: JsonObject): JsonObject {
  snapshot[SOURCE] = undefined;
  Object.defineProperty(snapshot, 'state', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * The `state` accessor of every pending snapshot: one getter and one setter for all of them. An object literal with
 * its own `get state()` / `set state()` closures (session 9) made every snapshot's accessors fresh functions, and V8
 * then keeps each snapshot's closures, and through them the aggregate and everything its command built, alive
 * across young-generation collections until the next full one: measured, about 2.2 KB of old-generation garbage per
 * command more than eager snapshots, and GC pauses per command up by about a third (issue 19). Shared functions let
 * every pending snapshot follow one hidden-class transition and keep nothing but its own fields.
 */
const STATE: PropertyDescriptor = {
  get(this: Pending): JsonObject {
    const s = this[SOURCE] as Source;
    return settle(this, snapshotState(s.after, s.policies, s.at));
  },
  set(this: Pending, value: JsonObject) {
    settle(this, value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A snapshot whose `state` is built when it is first read (issue 19: a command's snapshot costs more than any other
 * part of the SDK's own work, and a store that keeps it in memory reads it only when the stream is loaded without the
 * aggregate cache). Reading `state` (a store serialising the request, `JSON.stringify`, a load) builds it once, exactly
 * as building it during the command would have: the aggregate's state is immutable, and log references are read as
 * of the command (`originsNow`). Once built it is a plain data property, and what it was built from is let go.
 *
 * The aggregate keeps the snapshot (`Aggregate.pendingSnapshot`) so that the aggregate cache builds it when it lets the
 * aggregate go (`settleSnapshot`): a store never keeps a stream's live state longer than the cache does.
 */
export function pendingSnapshot(after: Aggregate, policies: Map<string, Policy>, recordedAt: number): StoredSnapshot {
  // Made now, not when built: the aggregates of the next commands take the memo on from this one.
  after.snapshotMemo ??= createSnapshotMemo();
  // Fields in the order a snapshot has always been built in (stores and tests compare its JSON text), added one by
  // one so that every pending snapshot shares one hidden class (see `STATE`).
  const snapshot = { streamId: after.id, version: after.version } as Pending;
  Object.defineProperty(snapshot, 'state', STATE);
  snapshot.machine = after.handling.machine;
  snapshot.recordedAt = recordedAt;
  snapshot[SOURCE] = { after, policies, at: originsNow() };
  after.pendingSnapshot = snapshot;
  return snapshot;
}

/** Builds the snapshot an aggregate made and has not had built yet, if any (the aggregate leaves the cache). */
export function settleSnapshot(agg: Aggregate): void {
  const snapshot = agg.pendingSnapshot;
  if (snapshot === undefined) return;
  agg.pendingSnapshot = undefined;
  if (Object.getOwnPropertyDescriptor(snapshot, 'state')?.get !== undefined) void snapshot.state;
}
