/** Whether an object has no enumerable keys (snapshot `children`, `historyValue`), without building a key array. */
export function isEmpty(o: unknown): boolean {
  for (const _ in o as object) return false;
  return true;
}
