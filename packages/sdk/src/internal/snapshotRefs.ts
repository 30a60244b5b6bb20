import type { Deadline, HandlingState, PersistedMachineSnapshot, Policy } from '@banli/core';
import { isPolicyRef, policyHash, policyRef } from '@banli/core';
import { idRecord } from '@banli/core/internal';
import type { StoredEvent } from '../store/port.js';
import type { HandlingSystemLike } from '../system.js';
import { COMPACT, compactCase, expandCase, type FieldOf } from './snapshotCases.js';
import { compactDeadlines, type DeadlineScope, expandDeadlines } from './snapshotDeadlines.js';
import { compactEnvelope, expandEnvelope } from './snapshotEnvelope.js';
import { type ContextMemo, checkMemo, createSnapshotMemo, type SnapshotMemo } from './snapshotMemo.js';
import { CREATED_PROPOSAL, compactProposal, expandProposal, withCreatedProposal } from './snapshotProposal.js';
import { UnresolvedRef } from './unresolvedRef.js';

/**
 * Where a value a context keeps was first written: the log entry of this stream at `version`, at `path` in its event
 * (`['letter']`, `['mergedLetters', 2]`, `['assignment', 'coUnits']`, `['proposal']`). A snapshot stores this instead
 * of the value, so a letter, an assignment or the proposal is written once, in its log entry, however many commands
 * and snapshots follow. Written as `[version, ...path]`; the `{ version, path }` form of earlier snapshots is read too.
 */
interface LogRef {
  logRef: Origin | [number, ...(string | number)[]];
}

interface Origin {
  version: number;
  path: (string | number)[];
}

/**
 * An origin as noted: `seq` orders every note, and `prev` is the origin the value had before it was noted at another
 * entry, so a snapshot built later (`PendingSnapshot`) reads the origins as they were when its command ran
 * (`OriginsAt`).
 */
interface Noted extends Origin {
  seq: number;
  prev: Noted | undefined;
}
type Json = Record<string, unknown>;

// Values as they came out of a logged event (parsed by a command, or read back from the log), mapped to that entry.
// Keyed by the object itself: a context that still holds the very object a log entry carries can point at the entry.
// A value built anew (a letter with the supervisor's class restated) has none and is stored whole.
//
// The origin is kept on the value, under a symbol no copy takes (not enumerable: `for…in`, spreads, `cloneData`,
// `JSON.stringify` and `structuredClone` leave it behind, as a WeakMap keyed by the object would), so it lives and
// dies with the value. A WeakMap held one entry per logged value for as long as the log lived, and V8 marks such
// entries (ephemerons) apart from the rest of the heap, at a cost that grew with the number of proposals held (issue
// 19's scaling: the bench's 50,000 ÷ 10,000 per-proposal main-thread CPU, two runs a size, went from 1.32 to 1.11
// with this change and two others measured with it, docs/benchmarks.md §2). A value that cannot take a property
// (frozen) keeps its origin in the WeakMap.
const ORIGIN: unique symbol = Symbol('banli.logOrigin');
type Carrier = { [ORIGIN]?: Noted };
const frozenOrigins = new WeakMap<object, Noted>();

function notedOf(value: object): Noted | undefined {
  return (value as Carrier)[ORIGIN] ?? frozenOrigins.get(value);
}

function keepNoted(value: object, entry: Noted): void {
  if (Object.isExtensible(value)) {
    Object.defineProperty(value, ORIGIN, { value: entry, writable: true, configurable: true, enumerable: false });
  } else frozenOrigins.set(value, entry);
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
};

/**
 * Counts the times a value was noted again at another entry (a command retried after a conflict logs the same parsed
 * value at a later version): stored forms remembered before such a change are computed again (`checkMemo`).
 */
let moves = 0;
/** Counts every note: an origin noted after a point in time has a larger `seq` than `originsNow().seq` then. */
let notes = 0;

/** A point in the history of notes: what `compactHandling` reads the origins as of (`originsNow`). */
export interface OriginsAt {
  seq: number;
  moves: number;
}

/** The origins as they are now, for a snapshot built later to read them as of this moment. */
export function originsNow(): OriginsAt {
  return { seq: notes, moves };
}

/** Where a value's origins are read as of while `compactHandling` runs (all of them outside it). */
let asOf = Number.POSITIVE_INFINITY;

/** The origin a value had as of `asOf`. */
function originOfValue(value: object): Origin | undefined {
  let found = notedOf(value);
  while (found !== undefined && found.seq > asOf) found = found.prev;
  return found;
}

const samePath = (a: (string | number)[], b: (string | number)[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function setOrigin(value: object, origin: Origin): void {
  const known = notedOf(value);
  if (known !== undefined && known.version === origin.version && samePath(known.path, origin.path)) return;
  if (known !== undefined) moves++;
  keepNoted(value, { version: origin.version, path: origin.path, seq: ++notes, prev: known });
}

function note(value: unknown, version: number, path: (string | number)[]): void {
  if (isObject(value)) setOrigin(value, { version, path });
}

/**
 * Records where the values an event carries that contexts keep were written (its `letter`, `mergedLetters`, a
 * co-handler's `opinion`, and its `assignment` with the units and unit lists in it), once it is logged at `version`.
 */
export function noteLogged(event: object, version: number): void {
  const e = event as Json;
  note(e.letter, version, ['letter']);
  note(e.opinion, version, ['opinion']);
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

/**
 * The stored reference to the value logged at `origin`: `[version, ...path]` as an exact-size list (`concat`; a spread
 * into a literal keeps spare slots, about 120 bytes more), kept as long as the snapshot that holds it (issue 19).
 */
export function logRefTo(origin: Origin): LogRef {
  return { logRef: ([origin.version] as (string | number)[]).concat(origin.path) as LogRef['logRef'] };
}

/** The entry and path a stored reference names, in either form. */
function originOf(ref: LogRef): Origin {
  const r = ref.logRef;
  return Array.isArray(r) ? { version: r[0], path: r.slice(1) as (string | number)[] } : r;
}

// Contexts keep logged values at most this deep (a case's `letters[i].letter`, the proposal's `cases[i].unit`).
const DEPTH = 3;

/** A value with every logged object in it, down to `depth` levels, replaced by its `LogRef`; the same value if none. */
function compactValue(value: unknown, depth: number): unknown {
  if (!isObject(value)) return value;
  const origin = originOfValue(value);
  if (origin !== undefined) return logRefTo(origin);
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

/** The policy as a reference, when `policies` can resolve it again; anything else as it is. */
function policyRefOf(policy: unknown, policies: Map<string, Policy>): unknown {
  if (policy === undefined || isPolicyRef(policy) || !policies.has(policyHash(policy as Policy))) return policy;
  return policyRef(policy as Policy);
}

/** A context's previous stored form, from which unchanged fields are taken (`compactCase`, `compactProposal`). */
interface PreviousForm {
  context: Json;
  stored: Json;
}

/**
 * How a context's kept fields are stored: its deadlines in the stored form (`snapshotDeadlines`, with the owner,
 * calendar and policy the context has), its policy by reference, and every logged object in a field, down to `DEPTH`
 * levels from the context, as its `LogRef` (`compactValue`). With `prev` (the context's previous form, stored with the
 * same owner, calendar and policy), a changed deadline list keeps the stored form of each deadline it still holds.
 */
function storedFields(context: Json, owner: string, policies: Map<string, Policy>, prev?: PreviousForm): FieldOf {
  return (key, value) => {
    if (!isObject(value)) return value;
    let stored: unknown = value;
    if (key === 'deadlines' && Array.isArray(value) && value.length > 0) {
      const policy = isPolicyRef(context.policy) ? undefined : (context.policy as Policy | undefined);
      const calendar = context.calendar as DeadlineScope['calendar'];
      const before = prev === undefined ? undefined : previousDeadlines(prev);
      stored = compactDeadlines(value as Deadline[], { owner, calendar, policy }, before);
    } else if (key === 'policy') {
      stored = policyRefOf(value, policies);
    }
    return compactValue(stored, DEPTH - 1);
  };
}

/** The previous deadline list with its stored form (entry for entry), when it was stored compact. */
function previousDeadlines(prev: PreviousForm): { list: readonly unknown[]; stored: readonly unknown[] } | undefined {
  const list = prev.context.deadlines;
  const stored = prev.stored.deadlines;
  if (!Array.isArray(list) || !Array.isArray(stored) || list.length !== stored.length || list === stored) {
    return undefined;
  }
  return { list, stored };
}

/** The units each listed case of a proposal context holds (the proposal's stored form leaves out those it equals). */
function unitsOf(proposalCtx: Json, unitOf: (caseId: string) => unknown): unknown[] | undefined {
  if (!Array.isArray(proposalCtx.cases)) return undefined;
  const units: unknown[] = [];
  for (const c of proposalCtx.cases as Json[]) units.push(isObject(c) ? unitOf(String(c.caseId)) : c);
  return units;
}

/** Whether the listed cases of a proposal context still hold the units remembered. */
function sameUnits(units: unknown[] | undefined, proposalCtx: Json, unitOf: (caseId: string) => unknown): boolean {
  const list = proposalCtx.cases;
  if (!Array.isArray(list)) return units === undefined;
  if (units === undefined || units.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if ((isObject(c) ? unitOf(String((c as Json).caseId)) : c) !== units[i]) return false;
  }
  return true;
}

/** Whether two proposal contexts give a case the same defaults (`defaultOf` in snapshotCases reads these fields). */
const sameBasis = (a: Json | undefined, b: Json): boolean =>
  a === b ||
  (a !== undefined &&
    a.proposal === b.proposal &&
    a.registration === b.registration &&
    a.channel === b.channel &&
    a.policy === b.policy &&
    a.calendar === b.calendar);

/** Whether a changed case context's unchanged fields are stored as before: what they were read from is the same. */
const caseFieldsReusable = (prev: ContextMemo, context: Json): boolean =>
  COMPACT in prev.stored &&
  prev.context.unit === context.unit &&
  prev.context.assignedAt === context.assignedAt &&
  prev.context.calendar === context.calendar &&
  prev.context.policy === context.policy;

/** Whether a changed proposal context's unchanged fields are stored as before. */
const proposalFieldsReusable = (prev: ContextMemo, context: Json): boolean =>
  COMPACT in prev.stored &&
  prev.context.proposal === context.proposal &&
  prev.context.calendar === context.calendar &&
  prev.context.policy === context.policy;

/** The envelope of a stored context, the one built before when the machine snapshot and the stored form are. */
function envelopeOf(memo: ContextMemo, snapshot: PersistedMachineSnapshot): PersistedMachineSnapshot {
  if (memo.snapshot !== snapshot || (memo.envelope as PersistedMachineSnapshot).context !== memo.stored) {
    memo.snapshot = snapshot;
    memo.envelope = compactEnvelope(snapshot, memo.stored);
  }
  return memo.envelope as PersistedMachineSnapshot;
}

/**
 * The state as a snapshot stores it: every context names its policy by id and hash (`PolicyRef`) instead of holding
 * it (when `policies`, the system's, can resolve it again), every value a log entry of the stream carries (the
 * proposal, the assignment and its units, each reply letter) is a `LogRef` to that entry, deadlines are compact
 * (`snapshotDeadlines`) and a case leaves out what it starts with and what its proposal already says
 * (`snapshotCases`). Each context in one pass over its fields; with the stream's `memo` (see `SnapshotMemo`), an
 * unchanged context is not compacted again, and a changed one keeps the stored form of each unchanged field. The
 * live state is untouched; the stored forms are shared by the snapshots that hold them (read-only).
 */
export function compactHandling(
  state: HandlingState,
  policies: Map<string, Policy>,
  streamId: string,
  memo: SnapshotMemo = createSnapshotMemo(),
  at?: OriginsAt,
): HandlingState {
  const outer = asOf;
  asOf = at === undefined ? Number.POSITIVE_INFINITY : at.seq;
  try {
    return compactAsOf(state, policies, streamId, memo, at ?? originsNow());
  } finally {
    asOf = outer;
  }
}

function compactAsOf(
  state: HandlingState,
  policies: Map<string, Policy>,
  streamId: string,
  memo: SnapshotMemo,
  at: OriginsAt,
): HandlingState {
  checkMemo(memo, streamId, policies, at);
  const proposalCtx = state.proposal.context as Json;
  const proposalId = (proposalCtx.proposal as { id?: string } | undefined)?.id ?? streamId;
  const fromCreation = (value: unknown): boolean => {
    const origin = isObject(value) ? originOfValue(value) : undefined;
    return origin?.version === CREATED_PROPOSAL.logRef[0] && origin.path.length === 1 && origin.path[0] === 'proposal';
  };
  const unitOf = (caseId: string): unknown => (state.cases[caseId]?.context as Json | undefined)?.unit;
  // The proposal's stored form reads each listed case's unit from that case's context.
  let pm = memo.proposal;
  if (pm === undefined || pm.context !== proposalCtx || !sameUnits(pm.units, proposalCtx, unitOf)) {
    const units = unitsOf(proposalCtx, unitOf);
    const reusable =
      pm !== undefined && proposalFieldsReusable(pm, proposalCtx) && sameUnits(pm.units, proposalCtx, unitOf);
    const prev = reusable ? (pm as ContextMemo) : undefined;
    const stored = compactProposal(
      proposalCtx,
      fromCreation,
      unitOf,
      storedFields(proposalCtx, proposalId, policies, prev),
      prev,
    );
    pm = { context: proposalCtx, basis: undefined, units, stored, snapshot: state.proposal, envelope: {} };
    pm.envelope = compactEnvelope(state.proposal, stored);
    memo.proposal = pm;
  }
  const proposal = envelopeOf(pm, state.proposal);
  const ids = memo.caseIds;
  const envelopes = memo.caseEnvelopes;
  let same = memo.casesOut !== undefined;
  let n = 0;
  for (const id in state.cases) {
    const snapshot = state.cases[id] as PersistedMachineSnapshot;
    const context = snapshot.context as Json;
    let cm = memo.cases.get(id);
    if (cm === undefined || cm.context !== context || !sameBasis(cm.basis, proposalCtx)) {
      // What a case's left-out fields are read back from (`defaultOf` in snapshotCases).
      const basis = { caseId: id, streamId, proposal: proposalCtx };
      const prev =
        cm !== undefined && sameBasis(cm.basis, proposalCtx) && caseFieldsReusable(cm, context) ? cm : undefined;
      const stored = compactCase(context, basis, storedFields(context, id, policies, prev), prev);
      cm = { context, basis: proposalCtx, units: undefined, stored, snapshot, envelope: {} };
      cm.envelope = compactEnvelope(snapshot, stored);
      memo.cases.set(id, cm);
    }
    const envelope = envelopeOf(cm, snapshot);
    if (same && (ids[n] !== id || envelopes[n] !== envelope)) same = false;
    ids[n] = id;
    envelopes[n] = envelope;
    n++;
  }
  if (!same || ids.length !== n) {
    ids.length = n;
    envelopes.length = n;
    const cases = idRecord<PersistedMachineSnapshot>();
    for (let i = 0; i < n; i++) cases[ids[i] as string] = envelopes[i] as PersistedMachineSnapshot;
    memo.casesOut = cases;
    // Cases no longer in the state (none are removed today) are forgotten.
    if (memo.cases.size > n) for (const id of memo.cases.keys()) if (!(id in state.cases)) memo.cases.delete(id);
  }
  return { ...state, proposal, cases: memo.casesOut as Record<string, PersistedMachineSnapshot> };
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
    into.add(originOf(value).version);
    return;
  }
  if (depth === 0 || !isPlain(value)) return;
  for (const v of Array.isArray(value) ? value : Object.values(value)) collectVersions(v, depth - 1, into);
}

function resolveValue(value: unknown, depth: number, entries: Map<number, StoredEvent>, streamId: string): unknown {
  if (!isObject(value)) return value;
  if (isLogRef(value)) {
    const origin = originOf(value);
    const { version, path } = origin;
    let found: unknown = entries.get(version)?.event;
    for (const key of path) found = isObject(found) ? (found as Json)[key] : undefined;
    if (!isObject(found)) throw new UnresolvedRef('logEntry', `${streamId}@${version} ${path.join('.')}`);
    setOrigin(found, origin);
    return found;
  }
  if (depth === 0 || !isPlain(value)) return value;
  // Copied only where a reference was resolved: the rest (the policy the context names, above all) stays the object it
  // is, so what is remembered about it (its hash, its rule table) is found again.
  let out: Json | unknown[] | undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = resolveValue(value[i], depth - 1, entries, streamId);
      if (r !== value[i]) {
        out ??= value.slice();
        (out as unknown[])[i] = r;
      }
    }
  } else {
    for (const key in value) {
      const v = (value as Json)[key];
      const r = resolveValue(v, depth - 1, entries, streamId);
      if (r !== v) {
        out ??= { ...value };
        (out as Json)[key] = r;
      }
    }
  }
  return out ?? value;
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
  memo?: SnapshotMemo,
): Promise<HandlingState> {
  const policy = (context: Json): Json => {
    const ref = context.policy;
    if (!isPolicyRef(ref)) return context;
    const resolved = policies.get(ref.hash);
    if (resolved === undefined) throw new UnresolvedRef('policy', `policy ${ref.id} ${ref.hash}`);
    return { ...context, policy: resolved };
  };
  const storedProposal = withCreatedProposal(state.proposal.context as Json);
  const versions = new Set<number>();
  collectVersions(storedProposal, DEPTH, versions);
  for (const id in state.cases) collectVersions(state.cases[id]?.context, DEPTH, versions);
  const entries = new Map<number, StoredEvent>();
  if (versions.size > 0) {
    const from = Math.min(...versions);
    const to = Math.max(...versions);
    for (const e of await read(from, to)) if (versions.has(e.version)) entries.set(e.version, e);
  }
  const resolve = (context: Json): Json =>
    versions.size === 0 ? context : (resolveValue(context, DEPTH, entries, streamId) as Json);
  const deadlines = (context: Json, owner: string): Json => {
    const list = context.deadlines;
    if (!Array.isArray(list) || !list.some(Array.isArray)) return context;
    const scope = { owner, calendar: context.calendar as DeadlineScope['calendar'], policy: context.policy as Policy };
    return { ...context, deadlines: expandDeadlines(list, scope) };
  };
  const resolvedProposal = resolve(policy(storedProposal));
  const proposalId = (resolvedProposal.proposal as { id?: string } | undefined)?.id ?? streamId;
  // The cases read what they leave out from the proposal's context, whose case list reads its units from the cases.
  const basis = expandProposal(resolvedProposal, () => undefined);
  const cases = idRecord<PersistedMachineSnapshot>();
  for (const id in state.cases) {
    const snapshot = state.cases[id] as PersistedMachineSnapshot;
    const stored = resolve(policy(snapshot.context as Json));
    const context = deadlines(expandCase(stored, { caseId: id, streamId, proposal: basis }), id);
    cases[id] = expandEnvelope(snapshot, context);
  }
  const unitOf = (caseId: string): unknown => (cases[caseId]?.context as Json | undefined)?.unit;
  const proposalCtx = deadlines(expandProposal(resolvedProposal, unitOf), proposalId);
  const proposal = expandEnvelope(state.proposal, proposalCtx);
  if (memo !== undefined) seedContexts(memo, state, proposal, cases, unitOf);
  return { ...state, proposal, cases };
}

/**
 * Fills an empty memo (`seededMemo`: `stored` is a state this process compacted for the stream) with each context
 * `expandHandling` read back from `stored` and the stored form it was read from, as `compactHandling` would have
 * remembered them: the next snapshot then reuses the stored form (and envelope) of every context a command leaves
 * unchanged, so the objects read back die with the command instead of living on in the store's next snapshot.
 */
function seedContexts(
  memo: SnapshotMemo,
  stored: HandlingState,
  proposal: PersistedMachineSnapshot,
  cases: Record<string, PersistedMachineSnapshot>,
  unitOf: (caseId: string) => unknown,
): void {
  const proposalCtx = proposal.context as Json;
  memo.proposal = {
    context: proposalCtx,
    basis: undefined,
    units: unitsOf(proposalCtx, unitOf),
    stored: stored.proposal.context as Json,
    snapshot: proposal,
    envelope: stored.proposal,
  };
  for (const id in cases) {
    const snapshot = cases[id] as PersistedMachineSnapshot;
    const envelope = stored.cases[id] as PersistedMachineSnapshot;
    const context = snapshot.context as Json;
    memo.cases.set(id, {
      context,
      basis: proposalCtx,
      units: undefined,
      stored: envelope.context as Json,
      snapshot,
      envelope,
    });
    memo.caseIds.push(id);
    memo.caseEnvelopes.push(envelope);
  }
  memo.casesOut = stored.cases as Json;
}
