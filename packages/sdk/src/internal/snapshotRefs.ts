import type { HandlingState, PersistedMachineSnapshot, Policy } from '@banli/core';
import { isPolicyRef, policyHash, policyRef } from '@banli/core';
import type { StoredEvent } from '../store/port.js';
import type { HandlingSystemLike } from '../system.js';

/**
 * Where a value a context keeps was first written: the log entry of this stream at `version`, at `path` in its event
 * (`['letter']`, `['mergedLetters', 2]`, `['assignment', 'coUnits']`, `['proposal']`). A snapshot stores this instead
 * of the value, so a letter, an assignment or the proposal is written once, in its log entry, however many commands
 * and snapshots follow.
 */
interface LogRef {
  logRef: { version: number; path: (string | number)[] };
}

type Origin = LogRef['logRef'];
type Json = Record<string, unknown>;

// Values as they came out of a logged event (parsed by a command, or read back from the log), mapped to that entry.
// Keyed by the object itself: a context that still holds the very object a log entry carries can point at the entry.
// A value built anew (a letter with the supervisor's class restated) is not here and is stored whole.
const origins = new WeakMap<object, Origin>();

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
};

function note(value: unknown, version: number, path: (string | number)[]): void {
  if (isObject(value)) origins.set(value, { version, path });
}

/**
 * Records where the values an event carries that contexts keep were written (its `letter`, `mergedLetters`, and its
 * `assignment` with the units and unit lists in it), once it is logged at `version`.
 */
export function noteLogged(event: object, version: number): void {
  const e = event as Json;
  note(e.letter, version, ['letter']);
  if (Array.isArray(e.mergedLetters)) {
    for (let i = 0; i < e.mergedLetters.length; i++) note(e.mergedLetters[i], version, ['mergedLetters', i]);
  }
  const assignment = e.assignment;
  if (!isObject(assignment)) return;
  note(assignment, version, ['assignment']);
  for (const [key, value] of Object.entries(assignment)) {
    note(value, version, ['assignment', key]);
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) note(value[i], version, ['assignment', key, i]);
  }
}

/**
 * Records that a context's `proposal` equals the `proposal` of the creation entry at `version` (the coordinator keeps
 * its own copy of the proposal the entry logs).
 */
export function noteCreated(proposalInContext: unknown, version: number): void {
  note(proposalInContext, version, ['proposal']);
}

const isLogRef = (value: unknown): value is LogRef =>
  isObject(value) && 'logRef' in value && Object.keys(value).length === 1;

// Contexts keep logged values at most this deep (a case's `letters[i].letter`, the proposal's `cases[i].unit`).
const DEPTH = 3;

/** A value with every logged object in it, down to `depth` levels, replaced by its `LogRef`; the same value if none. */
function compactValue(value: unknown, depth: number): unknown {
  if (!isObject(value)) return value;
  const origin = origins.get(value);
  if (origin !== undefined) return { logRef: origin } satisfies LogRef;
  if (depth === 0 || !isPlain(value)) return value;
  let out: Json | unknown[] | undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const c = compactValue(value[i], depth - 1);
      if (c !== value[i]) {
        out ??= value.slice();
        (out as unknown[])[i] = c;
      }
    }
  } else {
    for (const key in value) {
      const v = (value as Json)[key];
      const c = compactValue(v, depth - 1);
      if (c !== v) {
        out ??= { ...value };
        (out as Json)[key] = c;
      }
    }
  }
  return out ?? value;
}

/** A context with its policy as a reference, when it holds one that `policies` can resolve again. */
function withPolicyRef(context: Json, policies: Map<string, Policy>): Json {
  const policy = context.policy as Policy | undefined;
  if (policy === undefined || isPolicyRef(policy) || !policies.has(policyHash(policy))) return context;
  return { ...context, policy: policyRef(policy) };
}

function compactSnapshot(snapshot: PersistedMachineSnapshot, policies: Map<string, Policy>): PersistedMachineSnapshot {
  const context = compactValue(withPolicyRef(snapshot.context as Json, policies), DEPTH);
  return context === snapshot.context ? snapshot : { ...snapshot, context };
}

/**
 * The state as a snapshot stores it: every context names its policy by id and hash (`PolicyRef`) instead of holding
 * it (when `policies`, the system's, can resolve it again), and every value a log entry of the stream carries (the
 * proposal, the assignment and its units, each reply letter) is a `LogRef` to that entry. Shallow copies: the live
 * state is untouched.
 */
export function compactHandling(state: HandlingState, policies: Map<string, Policy>): HandlingState {
  const cases: Record<string, PersistedMachineSnapshot> = {};
  for (const id in state.cases) cases[id] = compactSnapshot(state.cases[id] as PersistedMachineSnapshot, policies);
  return { ...state, proposal: compactSnapshot(state.proposal, policies), cases };
}

/**
 * A reference a snapshot holds that this instance cannot resolve: a policy it is not configured with, or a letter
 * whose log entry does not carry it. The snapshot is only a cache of the log, so the stream is rebuilt from the log.
 */
export class UnresolvedRef extends Error {
  constructor(readonly detail: string) {
    super(`Snapshot reference not resolved: ${detail}`);
    this.name = 'UnresolvedRef';
  }
}

const registries = new WeakMap<object, Map<string, Policy>>();

/**
 * The policies a system (or a registry of systems, `previousVersions` included) runs, by hash; the policy a
 * reference names is resolved here.
 */
export function policiesOf(system: HandlingSystemLike): Map<string, Policy> {
  let found = registries.get(system);
  if (found !== undefined) return found;
  found = new Map();
  const s = system as { policy?: Policy; systems?: readonly { policy?: Policy }[] };
  for (const one of [s, ...(s.systems ?? [])]) {
    if (one.policy !== undefined && !found.has(policyHash(one.policy))) found.set(policyHash(one.policy), one.policy);
  }
  registries.set(system, found);
  return found;
}

/** Reads the log entries of the stream from `from` to `to` (versions, inclusive; upcast as every read is). */
export type EntryReader = (from: number, to: number) => Promise<readonly StoredEvent[]>;

function collectVersions(value: unknown, depth: number, into: Set<number>): void {
  if (!isObject(value)) return;
  if (isLogRef(value)) {
    into.add(value.logRef.version);
    return;
  }
  if (depth === 0 || !isPlain(value)) return;
  for (const v of Array.isArray(value) ? value : Object.values(value)) collectVersions(v, depth - 1, into);
}

function resolveValue(value: unknown, depth: number, entries: Map<number, StoredEvent>, streamId: string): unknown {
  if (!isObject(value)) return value;
  if (isLogRef(value)) {
    const { version, path } = value.logRef;
    let found: unknown = entries.get(version)?.event;
    for (const key of path) found = isObject(found) ? (found as Json)[key] : undefined;
    if (!isObject(found)) throw new UnresolvedRef(`${streamId}@${version} ${path.join('.')}`);
    origins.set(found, value.logRef);
    return found;
  }
  if (depth === 0 || !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, depth - 1, entries, streamId));
  const out: Json = {};
  for (const key in value) out[key] = resolveValue((value as Json)[key], depth - 1, entries, streamId);
  return out;
}

/**
 * The live state a snapshot stored by `compactHandling` stands for: policy references resolved from `policies`,
 * log references read from the log (one read of the entries they name). A snapshot written before references (whole
 * policies, letters, assignment and proposal) is returned as it is. Throws `UnresolvedRef` when a policy is not
 * configured or a referenced value is not in its entry.
 */
export async function expandHandling(
  streamId: string,
  state: HandlingState,
  policies: Map<string, Policy>,
  read: EntryReader,
): Promise<HandlingState> {
  const policy = (context: Json): Json => {
    const ref = context.policy;
    if (!isPolicyRef(ref)) return context;
    const resolved = policies.get(ref.hash);
    if (resolved === undefined) throw new UnresolvedRef(`policy ${ref.id} ${ref.hash}`);
    return { ...context, policy: resolved };
  };
  const snapshots = [state.proposal, ...Object.values(state.cases)];
  const versions = new Set<number>();
  for (const s of snapshots) collectVersions(s.context, DEPTH, versions);
  const entries = new Map<number, StoredEvent>();
  if (versions.size > 0) {
    const from = Math.min(...versions);
    const to = Math.max(...versions);
    for (const e of await read(from, to)) if (versions.has(e.version)) entries.set(e.version, e);
  }
  const expand = (snapshot: PersistedMachineSnapshot): PersistedMachineSnapshot => {
    const context = policy(snapshot.context as Json);
    const resolved = versions.size === 0 ? context : resolveValue(context, DEPTH, entries, streamId);
    return resolved === snapshot.context ? snapshot : { ...snapshot, context: resolved };
  };
  const cases: Record<string, PersistedMachineSnapshot> = {};
  for (const id in state.cases) cases[id] = expand(state.cases[id] as PersistedMachineSnapshot);
  return { ...state, proposal: expand(state.proposal), cases };
}
