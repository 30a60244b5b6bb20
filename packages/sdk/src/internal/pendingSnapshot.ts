import type { Policy } from '@banli/core';
import { asJson, type JsonObject } from '../json.js';
import type { StoredSnapshot } from '../store/port.js';
import type { Aggregate } from './aggregate.js';
import { compactFacts } from './snapshotFacts.js';
import { createSnapshotMemo } from './snapshotMemo.js';
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
  return asJson({
    // The policy and the letters by reference: the policy lives in the system, each letter in its log entry; what the
    // logged proposal and assignment already say is left out (snapshotRefs, snapshotCases, snapshotFacts).
    handling: compactHandling(after.handling, policies, after.id, memo, at),
    facts: compactFacts(after.facts, after.handling, memo),
  });
}

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
  let source: Source | undefined = { after, policies, at: originsNow() };
  const settle = (value: JsonObject): JsonObject => {
    source = undefined;
    Object.defineProperty(snapshot, 'state', { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  // Fields in the order a snapshot has always been built in (stores and tests compare its JSON text).
  const snapshot: StoredSnapshot = {
    streamId: after.id,
    version: after.version,
    get state(): JsonObject {
      const s = source as Source;
      return settle(snapshotState(s.after, s.policies, s.at));
    },
    set state(value: JsonObject) {
      settle(value);
    },
    machine: after.handling.machine,
    recordedAt,
  };
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
