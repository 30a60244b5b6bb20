import type { HandlingSummary } from '@banli/core';
import { idRecord, rememberBounded } from '@banli/core/internal';
import type { JsonValue } from '../json.js';
import type { StateView } from '../stateView.js';

/** A machine state value as dotted paths, e.g. `{ handling: 'extension' }` → `['handling.extension']`; parallel regions give several. */
export function statePaths(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const children = statePaths(child);
    if (children.length === 0) out.push(key);
    for (const c of children) out.push(`${key}.${c}`);
  }
  return out;
}

/** The main region of a parallel machine (@banli/core names it `lifecycle`), or the value itself. */
function primary(value: unknown): unknown {
  return value && typeof value === 'object' && 'lifecycle' in value
    ? (value as { lifecycle: unknown }).lifecycle
    : value;
}

/** The top-level state key of the main region, e.g. `inHandling` for `{ lifecycle: 'inHandling', timeliness: 'onTime' }`. */
export function topState(value: unknown): string {
  const main = primary(value);
  if (typeof main === 'string') return main;
  if (main && typeof main === 'object') return Object.keys(main)[0] ?? '';
  return '';
}

/** Every name a state can be queried by: the main region's top key and paths, and every full dotted path. */
export function queryableStates(value: unknown): string[] {
  const names = new Set<string>([topState(value), ...statePaths(primary(value)), ...statePaths(value)]);
  names.delete('');
  return [...names];
}

// `queryableStates` of state value objects already seen: logged state values are shared (see `createValueTable`),
// so a machine's few distinct values are each worked out once, not on every command. Weak: a value goes with its view.
const queryableByValue = new WeakMap<object, readonly string[]>();
const queryableByName = new Map<string, readonly string[]>();
const MAX_NAMES = 1_000;

/**
 * `queryableStates`, remembered per state value (an object by identity, a string by content): read-only, shared by
 * every caller that asks for the same value, so copy before handing it out.
 */
export function queryableStatesOf(value: unknown): readonly string[] {
  if (typeof value === 'string') {
    return (
      queryableByName.get(value) ??
      rememberBounded(queryableByName, value, Object.freeze(queryableStates(value)), MAX_NAMES, 'all')
    );
  }
  if (typeof value !== 'object' || value === null) return queryableStates(value);
  let hit = queryableByValue.get(value);
  if (hit === undefined) {
    hit = Object.freeze(queryableStates(value));
    queryableByValue.set(value, hit);
  }
  return hit;
}

/** Builds the logged state view from the coordinator's summary. */
export function stateView(summary: HandlingSummary): StateView {
  const cases = idRecord<JsonValue>();
  for (const c of summary.cases) cases[c.caseId] = c.value as JsonValue;
  return { proposal: summary.value as JsonValue, cases };
}

const MAX_VALUES = 10_000;
const MAX_RECENT = 256;

/** Maps a state value to the one shared object equal to it (values that are not JSON are kept as they are). */
export type ValueTable = (value: JsonValue) => JsonValue;

/**
 * A new table of state values, owned by one `createBanli` instance (never shared between instances). State values are
 * few (a machine has a fixed set of states), so logged views share one object per distinct value.
 */
export function createValueTable(): ValueTable {
  const values = new Map<string, JsonValue>();
  // Value objects looked up lately, by identity: a state's untouched regions keep their value objects from state to
  // state. Bounded and strong, never a WeakMap: value objects loaded from the store live as long as the store, and a
  // WeakMap keyed by them held one ephemeron per stored proposal for every full collection to mark (issue 19).
  const recent = new Map<object, JsonValue>();
  return (value) => {
    if (typeof value !== 'object' || value === null) return value;
    const seen = recent.get(value);
    if (seen !== undefined) return seen;
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) return value;
    const hit = values.get(json) ?? rememberBounded(values, json, value, MAX_VALUES, 'all');
    return rememberBounded(recent, value, hit, MAX_RECENT, 'all');
  };
}

/** A copy of a state view the caller owns: state values are strings and plain objects of them. */
export function copyStateView(view: StateView): StateView {
  const cases = idRecord<JsonValue>();
  for (const id in view.cases) cases[id] = copyValue(view.cases[id] as JsonValue);
  return { proposal: copyValue(view.proposal), cases };
}

function copyValue(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyValue);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, JsonValue> = {};
  for (const key in value) out[key] = copyValue(value[key] as JsonValue);
  return out;
}

/**
 * The logged state view: like `stateView`, but equal state values are one shared object across views and proposals,
 * so a log of many proposals keeps each distinct value once. Read-only: hand callers a copy.
 *
 * `like` is a logged view this one may equal (the view before the command, or the stream's last logged `stateAfter`):
 * when its values are the very objects the table gives this state's, it is returned itself, and when only the
 * proposal's value differs its `cases` record is reused, so a stream's log keeps a view and a case record per change
 * of state rather than per entry (issue 19, scaling: two views and two case records an entry, each case record with a
 * hidden class of its own once `idRecord`'s root is full). Values compared by identity: a view read back from a store
 * as JSON is never reused, and a fresh view is built as before.
 */
export function loggedStateView(summary: HandlingSummary, shared: ValueTable, like?: StateView): StateView {
  const proposal = shared(summary.value as JsonValue);
  if (like !== undefined && sameCases(like.cases, summary, shared)) {
    return like.proposal === proposal ? like : { proposal, cases: like.cases };
  }
  // Keyed by case ids: hidden classes kept apart from `{}`'s (see `idRecord`).
  const cases = idRecord<JsonValue>();
  for (const c of summary.cases) cases[c.caseId] = shared(c.value as JsonValue);
  return { proposal, cases };
}

/** Whether a logged case record holds exactly the summary's cases, in order, each value the table's own object. */
function sameCases(cases: unknown, summary: HandlingSummary, shared: ValueTable): boolean {
  if (typeof cases !== 'object' || cases === null || Array.isArray(cases)) return false;
  const record = cases as Record<string, JsonValue>;
  const list = summary.cases;
  let i = 0;
  for (const id in record) {
    const c = list[i++];
    if (c === undefined || c.caseId !== id || record[id] !== shared(c.value as JsonValue)) return false;
  }
  return i === list.length;
}
