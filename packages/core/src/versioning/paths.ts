import type { StateValue } from 'xstate';

/** The dotted paths of a state value's active leaves, e.g. `['lifecycle.replied.awaitingFeedback', 'timeliness.onTime']`. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [] : leafPaths(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** Rebuilds a state value from leaf paths; `undefined` when two paths disagree (e.g. two leaves of one region). */
export function valueOfPaths(paths: readonly string[]): StateValue | undefined {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i] as string;
      const next = node[key];
      if (typeof next === 'string') return undefined;
      node[key] = next ?? {};
      node = node[key] as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1] as string;
    if (leaf in node) return undefined;
    node[leaf] = null;
  }
  return collapse(root) as StateValue;
}

// `{ a: { b: null } }` → `{ a: 'b' }`: a compound node with one active leaf child is a string in xstate values.
function collapse(node: Record<string, unknown>): StateValue | string {
  const entries = Object.entries(node);
  if (entries.length === 1 && entries[0]?.[1] === null) return entries[0][0];
  const out: Record<string, StateValue> = {};
  for (const [key, child] of entries) {
    out[key] = child === null ? {} : (collapse(child as Record<string, unknown>) as StateValue);
  }
  return out;
}
