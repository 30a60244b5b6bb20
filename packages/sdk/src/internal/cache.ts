import type { Aggregate } from './aggregate.js';
import { settleSnapshot } from './pendingSnapshot.js';

/**
 * The latest committed aggregates by proposal id, least recently used evicted first. An entry is only a hint: commands
 * that start from it append with its version as `expectedVersion`, so a stale entry (another process wrote meanwhile)
 * costs one retry from a fresh load, never a wrong write; refusals computed from it are re-checked the same way.
 */
export interface AggregateCache {
  get(id: string): Aggregate | undefined;
  set(aggregate: Aggregate): void;
  delete(id: string): void;
  clear(): void;
  readonly size: number;
  /** How many aggregates `set` declined to keep (a full cache and an id not asked for recently): for tests. */
  readonly declined: number;
}

/** The default number of aggregates `createBanli` keeps. */
const DEFAULT_CACHE_SIZE = 1000;

/**
 * Creates an LRU cache of at most `capacity` aggregates, or `undefined` when caching is off.
 *
 * Scan-resistant: once full, an aggregate whose lookup just missed is kept only if its id had also missed among the
 * last `capacity` misses (a "ghost" list of ids, no aggregates). When more proposals are in flight than the cache holds
 * and each comes round once per pass (a session's caseload advanced phase by phase), plain LRU evicts every entry
 * before its next use: each command then pays to insert an aggregate nobody reads, and that aggregate lives just long
 * enough to be promoted to the old generation and die there, which the major GC pays for in proportion to the whole
 * heap. Declining such one-pass ids keeps the entries already held (they still hit on the next pass) and lets the
 * aggregate die young. Ids that recur within `capacity` misses, updates of held entries, and aggregates set without a
 * preceding miss (a new proposal) are kept as plain LRU keeps them.
 */
export function createAggregateCache(capacity: number | false | undefined): AggregateCache | undefined {
  if (capacity === false) return undefined;
  const max = capacity === undefined ? DEFAULT_CACHE_SIZE : Math.floor(capacity);
  if (!(max >= 1)) return undefined;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Aggregate>();
  // Ids whose lookups missed, oldest first (at most `max`); `cold` holds those whose miss was their first in that window.
  const ghosts = new Set<string>();
  const cold = new Set<string>();
  let declined = 0;
  const missed = (id: string): void => {
    if (ghosts.has(id)) {
      // Missed again within the window: a recurring id, worth keeping.
      ghosts.delete(id);
      cold.delete(id);
    } else if (entries.size >= max) {
      cold.add(id);
    }
    ghosts.add(id);
    if (ghosts.size > max) {
      const oldest = ghosts.values().next();
      if (!oldest.done) {
        ghosts.delete(oldest.value);
        cold.delete(oldest.value);
      }
    }
  };
  return {
    get(id) {
      const hit = entries.get(id);
      if (hit !== undefined) {
        entries.delete(id);
        entries.set(id, hit);
      } else {
        missed(id);
      }
      return hit;
    },
    set(aggregate) {
      // Commands on one proposal may complete out of order (a slow store reply): never go back to an older version.
      const current = entries.get(aggregate.id);
      // An aggregate not kept has its snapshot built now (see `pendingSnapshot`), and so has one the cache lets go.
      if (current !== undefined && current.version > aggregate.version) return settleSnapshot(aggregate);
      if (current === undefined && entries.size >= max && cold.has(aggregate.id)) {
        cold.delete(aggregate.id);
        declined++;
        return settleSnapshot(aggregate);
      }
      cold.delete(aggregate.id);
      entries.delete(aggregate.id);
      entries.set(aggregate.id, aggregate);
      if (entries.size > max) {
        const oldest = entries.entries().next();
        if (!oldest.done) {
          entries.delete(oldest.value[0]);
          settleSnapshot(oldest.value[1]);
        }
      }
    },
    delete(id) {
      const gone = entries.get(id);
      if (gone === undefined) return;
      entries.delete(id);
      settleSnapshot(gone);
    },
    clear() {
      for (const gone of entries.values()) settleSnapshot(gone);
      entries.clear();
      ghosts.clear();
      cold.clear();
    },
    get size() {
      return entries.size;
    },
    get declined() {
      return declined;
    },
  };
}
