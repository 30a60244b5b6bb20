/** Whether an object has no enumerable keys (snapshot `children`, `historyValue`), without building a key array. */
export function isEmpty(o: unknown): boolean {
  for (const _ in o as object) return false;
  return true;
}

const NOT_PLAIN: unique symbol = Symbol('notPlain');

function copyPlain(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const c = copyPlain(value[i]);
      if (c === NOT_PLAIN) return NOT_PLAIN;
      out[i] = c;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const c = copyPlain(v);
    if (c === NOT_PLAIN) return NOT_PLAIN;
    out[key] = c;
  }
  return out;
}

/**
 * A deep copy of JSON data, equal to `JSON.parse(JSON.stringify(value))` (keys holding `undefined` dropped) without
 * building the text in between; a value JSON would change (a class instance, `undefined` in an array, a non-finite
 * number, a function) takes that round trip instead.
 */
export function copyJson<T>(value: T): T {
  const out = copyPlain(value);
  return (out === NOT_PLAIN ? JSON.parse(JSON.stringify(value)) : out) as T;
}
