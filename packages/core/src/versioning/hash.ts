import type { AnyStateMachine } from 'xstate';

type Node = AnyStateMachine['root'];
type Transition = { eventType: string; target?: readonly { id: string }[] | undefined; guard?: unknown };

// Guards are named strings, `{ type, params }` objects or combinators (`and`, `or`, `not`) carrying `guards`.
function guardShape(guard: unknown): unknown {
  if (guard === undefined) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as { guards?: unknown[]; name?: string };
    return g.guards ? { combine: g.name ?? 'fn', of: g.guards.map(guardShape) } : (g.name ?? 'fn');
  }
  if (typeof guard === 'object' && guard && 'type' in guard) {
    const g = guard as { type: string; params?: unknown };
    return g.params === undefined || typeof g.params === 'function' ? g.type : { type: g.type, params: g.params };
  }
  return 'unknown';
}

function transitionShape(t: Transition): unknown {
  return { on: t.eventType, to: (t.target ?? []).map((s) => s.id), guard: guardShape(t.guard) };
}

function nodeShape(node: Node): unknown {
  const on = [...node.transitions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, list]) => (list as Transition[]).map(transitionShape));
  const always = ((node.always ?? []) as Transition[]).map(transitionShape);
  const children = Object.keys(node.states)
    .sort()
    .map((key) => nodeShape(node.states[key] as Node));
  const initial = node.initial?.target?.map((s: { id: string }) => s.id) ?? [];
  return { id: node.id, type: node.type, initial, tags: [...node.tags].sort(), on, always, children };
}

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A 64-bit content hash of a text (two FNV-1a passes), as 16 hex digits. */
export function contentHash(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193);
}

// FNV-1a, run twice with different offsets for 64 bits: stable across runtimes, no crypto dependency.
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const cache = new WeakMap<object, string>();

/**
 * A content hash of a machine's structure (states, types, initial states, tags, transitions with targets and guard
 * names); implementations swapped with `provide()` do not change it, an added state or edge does.
 *
 * @example
 * ```ts
 * structureHash(caseMachine) === structureHash(caseMachine.provide({ actions: {} })); // true
 * ```
 */
export function structureHash(machine: AnyStateMachine): string {
  const hit = cache.get(machine.root);
  if (hit) return hit;
  const text = JSON.stringify(nodeShape(machine.root));
  const hash = contentHash(text);
  cache.set(machine.root, hash);
  return hash;
}
