/** The last element that matches (ES2022 lacks Array.prototype.findLast). */
export function findLast<T>(list: readonly T[], match: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const x = list[i] as T;
    if (match(x)) return x;
  }
  return undefined;
}
