/**
 * How a bounded memo makes room for a new key once it holds its maximum: `'oldest'` forgets the key added first (a
 * `Map` keeps insertion order, and a key set again keeps its place), `'all'` forgets every key.
 */
export type Eviction = 'oldest' | 'all';

/**
 * Remembers `key` → `value` in a memo bounded to `max` keys, and returns `value`. A key the memo holds already is
 * replaced in place; a new key first makes room, by `eviction`, when the memo holds `max` keys. Never a WeakMap: the
 * memos this serves are keyed by strings, or by objects the store keeps as long as it lives, whose WeakMap entries
 * were ephemerons for every full collection to mark (issue 19, scaling).
 */
export function rememberBounded<K, V>(memo: Map<K, V>, key: K, value: V, max: number, eviction: Eviction): V {
  if (memo.size >= max && !memo.has(key)) {
    if (eviction === 'all') memo.clear();
    else memo.delete(memo.keys().next().value as K);
  }
  memo.set(key, value);
  return value;
}
