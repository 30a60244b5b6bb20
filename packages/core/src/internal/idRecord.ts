/**
 * Objects made by `new IdRecord()` are plain objects, their prototype `Object.prototype` as `{}`'s, but their hidden
 * classes grow from a root class of their own instead of from `{}`'s.
 */
function IdRecord(): void {}
IdRecord.prototype = Object.prototype;

/**
 * A new empty plain object (its prototype `Object.prototype`, as `{}`'s) for a record keyed by ids, such as a state's
 * cases by case id, whose hidden classes are kept apart from every other object's.
 *
 * V8 gives an object built key by key a hidden class per key sequence, each a transition from the class `{}` starts
 * from, which holds at most 1,536 of them. Keyed by case ids, every proposal's records add a key sequence no other
 * object shares: the transitions of `{}` filled up, and then any object built key by key whose sequence was not there
 * yet (a feedback record, an issued letter's entry) got a class of its own too, about 200 bytes and three more objects
 * for every full collection to mark, kept as long as the object (issue 19, scaling). The records themselves still get a
 * class each past that many cases (as before; a dictionary measured larger: 262 bytes a record).
 */
export function idRecord<T>(): Record<string, T> {
  return new (IdRecord as unknown as new () => Record<string, T>)();
}

/**
 * A copy of a record keyed by ids (`{ ...record }`, own enumerable string keys in the same order) that keeps its
 * hidden classes apart from `{}`'s as `idRecord` does: a spread builds its copy's class from `{}`'s root, whatever the
 * class of what it copies.
 */
export function copyIdRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out = idRecord<T>();
  for (const key of Object.keys(record)) out[key] = record[key] as T;
  return out;
}
