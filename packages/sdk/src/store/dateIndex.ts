/** Keyed values bucketed by ISO date, iterated in date order without scanning unrelated buckets. */
export class DateIndex<T> {
  readonly #dates: string[] = [];
  readonly #buckets = new Map<string, Map<string, T>>();
  readonly #dateOf = new Map<string, string>();

  /** Adds or moves `key` to `date`. */
  add(date: string, key: string, value: T): void {
    this.delete(key);
    this.#dateOf.set(key, date);
    let bucket = this.#buckets.get(date);
    if (!bucket) {
      bucket = new Map();
      this.#buckets.set(date, bucket);
      this.#dates.splice(lowerBound(this.#dates, date), 0, date);
    }
    bucket.set(key, value);
  }

  /** Removes `key` wherever it is. */
  delete(key: string): void {
    const date = this.#dateOf.get(key);
    if (date === undefined) return;
    this.#dateOf.delete(key);
    const bucket = this.#buckets.get(date);
    if (!bucket) return;
    bucket.delete(key);
    if (bucket.size === 0) {
      this.#buckets.delete(date);
      this.#dates.splice(lowerBound(this.#dates, date), 1);
    }
  }

  /** Values with `from <= date < until` (or `<= until` when `inclusive`), in date order. */
  *range(from: string | undefined, until: string, inclusive: boolean): Generator<[string, T]> {
    const start = from === undefined ? 0 : lowerBound(this.#dates, from);
    for (let i = start; i < this.#dates.length; i++) {
      const date = this.#dates[i] as string;
      if (inclusive ? date > until : date >= until) return;
      // Live iteration (no copy, so a claim of the first 100 of 100,000 entries does not copy them all): Map iteration
      // stays valid when callers remove entries meanwhile; an emptied bucket's date is found again by index.
      const bucket = this.#buckets.get(date);
      if (!bucket) continue;
      for (const entry of bucket) yield entry;
      if (this.#dates[i] !== date) i = lowerBound(this.#dates, date) - 1;
    }
  }
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
