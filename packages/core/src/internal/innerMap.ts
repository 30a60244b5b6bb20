/** What {@link innerMap} needs of the outer map: a `Map` or a `WeakMap`. */
interface OuterMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The inner map of a map of maps under `key`, made empty and added on first use. */
export function innerMap<K, K2, V>(outer: OuterMap<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}
