/**
 * A deep copy of plain data: arrays and plain objects (prototype `Object.prototype` or `null`, own and inherited
 * enumerable keys as `for…in` lists them) are copied, any other value is kept as it is (a class instance by
 * reference). Given `text`, the copy hands it each string it meets, in order, before taking it.
 *
 * The one definition of that copy: the SDK's `cloneData` is `dataCopier()` (its own copy of an input it takes as
 * parsed, and of what it hands to callers), and the benchmarks copy an event with it, with and without a reader of the
 * strings' text rules (a letter parse's floor, issue 15), so they copy as the SDK does.
 *
 * @example
 * ```ts
 * const copy = dataCopier();
 * const event = copy({ type: 'case.accept', at: '2023-03-16', caseId: 'c1' }); // equal, not the same object
 * ```
 */
export function dataCopier(text?: (value: string) => void): <T>(value: T) => T {
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) {
      if (text !== undefined && typeof value === 'string') text(value);
      return value;
    }
    if (Array.isArray(value)) {
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  };
  return copy as <T>(value: T) => T;
}
