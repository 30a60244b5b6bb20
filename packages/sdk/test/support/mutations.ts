import fc from 'fast-check';
import { DEFAULT_LIMITS, type SizeLimits } from '../../src/index.js';

// Valid inputs broken in one to three places: a character that breaks the text rules put into a string or a key, a
// value replaced by one of another type, a string made too long, an unknown key added, a field deleted. Shared by the
// tests that compare two ways of validating (validateOnce, onePass).

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A place in a JSON value. */
type Path = (string | number)[];
/** Every place in a JSON value: its path and the value there. */
export function places(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) for (const [i, v] of value.entries()) places(v, [...path, i], out);
  else if (isObject(value)) for (const [k, v] of Object.entries(value as object)) places(v, [...path, k], out);
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let at: unknown = root;
  for (const k of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[k];
  return at as Record<string | number, unknown> | undefined;
}

/** Limits small enough that generated strings and payloads reach them (the size refusals get exercised). */
export const SMALL_LIMITS: SizeLimits = {
  ...DEFAULT_LIMITS,
  textLength: 60,
  idLength: 20,
  letterLength: 3_000,
  payloadLength: 6_000,
};

/** Characters that break the text rules. */
export const BREAKING = ['\u0000', '\uD800', '\uDC00', '\uFEFF'];

export type Mutation =
  | { kind: 'break'; pick: number; char: string; at: number; lead: boolean }
  | { kind: 'breakKey'; pick: number; key: number; char: string }
  | { kind: 'replace'; pick: number; with: unknown }
  | { kind: 'long'; pick: number; length: number }
  | { kind: 'addKey'; pick: number; key: string; value: unknown }
  | { kind: 'delete'; pick: number };

/** Values that replace a field's. */
const replacement = fc.constantFrom<unknown>(
  42,
  null,
  true,
  '',
  '   ',
  [],
  {},
  'x',
  '2023-02-30',
  ['\u0000'],
  { note: 'a\u0000' },
  1.5,
  -1,
);
/** One break of a valid input. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('break' as const),
    pick: fc.nat(),
    char: fc.constantFrom(...BREAKING),
    at: fc.nat(),
    lead: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('breakKey' as const),
    pick: fc.nat(),
    key: fc.nat(),
    char: fc.constantFrom(...BREAKING),
  }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), with: replacement }),
  fc.record({ kind: fc.constant('long' as const), pick: fc.nat(), length: fc.constantFrom(21, 61, 3_001, 7_000) }),
  fc.record({
    kind: fc.constant('addKey' as const),
    pick: fc.nat(),
    key: fc.constantFrom('junk', 'id', 'a\u0000', '\uFEFFk', 'note'),
    value: fc.oneof(replacement, fc.constantFrom('text', 'b\uD800')),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

/** A deep copy of `base` with the mutations applied (each picks its place among the current ones). */
export function mutate(base: unknown, mutations: Mutation[]): unknown {
  const root = { v: structuredClone(base) };
  for (const m of mutations) {
    const all = places(root.v).map((p) => ({ ...p, path: ['v', ...p.path] }));
    const strings = all.filter((p) => typeof p.value === 'string');
    const objects = all.filter((p) => isObject(p.value));
    const inner = all.filter((p) => p.path.length > 1);
    const pick = <T>(list: T[], n: number) => list[n % list.length];
    if (m.kind === 'break' || m.kind === 'long') {
      const s = pick(strings, m.pick);
      if (!s) continue;
      const text = s.value as string;
      const parent = parentOf(root, s.path) as Record<string | number, unknown>;
      const key = s.path[s.path.length - 1] as string | number;
      if (m.kind === 'long') parent[key] = '字'.repeat(m.length);
      else if (m.lead) parent[key] = (m.char === '\uFEFF' && m.at % 2 === 1 ? ' ' : '') + m.char + text;
      else {
        const at = m.at % (text.length + 1);
        parent[key] = text.slice(0, at) + m.char + text.slice(at);
      }
    } else if (m.kind === 'breakKey' || m.kind === 'addKey') {
      const o = pick(objects, m.pick);
      if (!o) continue;
      const obj = o.value as Record<string, unknown>;
      const keys = Object.keys(obj);
      // A copy: fast-check hands out the same constant each time, which a later mutation must not change.
      if (m.kind === 'addKey') obj[m.key] = structuredClone(m.value);
      else if (keys.length > 0) {
        const k = keys[m.key % keys.length] as string;
        obj[`${m.char}${k}`] = obj[k];
        delete obj[k];
      }
    } else {
      const p = pick(inner, m.pick);
      if (!p) continue;
      const parent = parentOf(root, p.path) as Record<string | number, unknown>;
      const key = p.path[p.path.length - 1] as string | number;
      if (m.kind === 'delete' && !Array.isArray(parent)) delete parent[key];
      else parent[key] = m.kind === 'replace' ? structuredClone(m.with) : undefined;
    }
  }
  return root.v;
}
