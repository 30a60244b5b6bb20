import type { Aggregate } from './aggregate.js';

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
}

/** The default number of aggregates `createBanli` keeps. */
const DEFAULT_CACHE_SIZE = 1000;

/** Creates an LRU cache of at most `capacity` aggregates, or `undefined` when caching is off. */
export function createAggregateCache(capacity: number | false | undefined): AggregateCache | undefined {
  if (capacity === false) return undefined;
  const max = capacity === undefined ? DEFAULT_CACHE_SIZE : Math.floor(capacity);
  if (!(max >= 1)) return undefined;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Aggregate>();
  return {
    get(id) {
      const hit = entries.get(id);
      if (hit !== undefined) {
        entries.delete(id);
        entries.set(id, hit);
      }
      return hit;
    },
    set(aggregate) {
      // Commands on one proposal may complete out of order (a slow store reply): never go back to an older version.
      const current = entries.get(aggregate.id);
      if (current !== undefined && current.version > aggregate.version) return;
      entries.delete(aggregate.id);
      entries.set(aggregate.id, aggregate);
      if (entries.size > max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    delete(id) {
      entries.delete(id);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
