import type { HandlingState, PersistedMachineSnapshot, Policy } from '@banli/core';
import { isPolicyRef, policyHash, policyRef } from '@banli/core';
import type { ReplyLetter } from '@banli/schemas';
import type { StoredEvent } from '../store/port.js';
import type { HandlingSystemLike } from '../system.js';

/**
 * Where a letter was first written: the log entry of this stream at `version`, at `path` in its event (`['letter']`,
 * or `['mergedLetters', 2]`). A snapshot stores this instead of the letter, so the letter is written once, in its log
 * entry, however many commands and snapshots follow.
 */
export interface LetterRef {
  logLetter: { version: number; path: (string | number)[] };
}

// Letters as they came out of a logged event (parsed by a command, or read back from the log), mapped to that entry.
// Keyed by the object itself: a context that still holds the very object a log entry carries can point at the entry.
// A letter built anew (the supervisor's class restated) is not here and is stored whole.
const origins = new WeakMap<object, LetterRef['logLetter']>();

/** Records where the letters an event carries were written (its `letter` and `mergedLetters`), once it is logged at `version`. */
export function noteLetters(event: object, version: number): void {
  const { letter, mergedLetters: merged } = event as { letter?: unknown; mergedLetters?: unknown };
  if (typeof letter === 'object' && letter !== null) origins.set(letter, { version, path: ['letter'] });
  if (Array.isArray(merged)) {
    merged.forEach((m, i) => {
      if (typeof m === 'object' && m !== null) origins.set(m, { version, path: ['mergedLetters', i] });
    });
  }
}

const isLetterRef = (value: unknown): value is LetterRef =>
  typeof value === 'object' && value !== null && 'logLetter' in value && Object.keys(value).length === 1;

type CaseLike = { draft?: unknown; mergedDrafts?: unknown[]; letters?: { letter: unknown }[] };

function refOf(letter: unknown): unknown {
  if (typeof letter !== 'object' || letter === null) return letter;
  const origin = origins.get(letter);
  return origin === undefined ? letter : ({ logLetter: origin } satisfies LetterRef);
}

/** A context with its policy as a reference, when it holds one that `policies` can resolve again. */
function withPolicyRef(context: Record<string, unknown>, policies: Map<string, Policy>): Record<string, unknown> {
  const policy = context.policy as Policy | undefined;
  if (policy === undefined || isPolicyRef(policy) || !policies.has(policyHash(policy))) return context;
  return { ...context, policy: policyRef(policy) };
}

function compactCase(snapshot: PersistedMachineSnapshot, policies: Map<string, Policy>): PersistedMachineSnapshot {
  const context = withPolicyRef(snapshot.context as Record<string, unknown>, policies);
  const c = context as CaseLike;
  const out: Record<string, unknown> = context === snapshot.context ? { ...context } : context;
  if (c.draft !== undefined) out.draft = refOf(c.draft);
  if (Array.isArray(c.mergedDrafts)) out.mergedDrafts = c.mergedDrafts.map(refOf);
  if (Array.isArray(c.letters) && c.letters.length > 0) {
    out.letters = c.letters.map((l) => {
      const ref = refOf(l.letter);
      return ref === l.letter ? l : { ...l, letter: ref };
    });
  }
  return { ...snapshot, context: out };
}

/**
 * The state as a snapshot stores it: every context names its policy by id and hash (`PolicyRef`) instead of holding
 * it (when `policies`, the system's, can resolve it again), and every letter that a log entry of the stream carries is
 * a `LetterRef` to that entry. Shallow copies: the live state is untouched.
 */
export function compactHandling(state: HandlingState, policies: Map<string, Policy>): HandlingState {
  const cases: Record<string, PersistedMachineSnapshot> = {};
  for (const id in state.cases) cases[id] = compactCase(state.cases[id] as PersistedMachineSnapshot, policies);
  const context = withPolicyRef(state.proposal.context as Record<string, unknown>, policies);
  const proposal = { ...state.proposal, context };
  return { ...state, proposal, cases };
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

/** Reads the log entry at one version of the stream (upcast as every read is). */
export type EntryReader = (version: number) => Promise<StoredEvent | undefined>;

/**
 * The live state a snapshot stored by `compactHandling` stands for: policy references resolved from `policies`,
 * letter references read from the log. A snapshot written before references (whole policies and letters) is returned
 * as it is. Throws `UnresolvedRef` when a policy is not configured or a letter is not in its entry.
 */
export async function expandHandling(
  streamId: string,
  state: HandlingState,
  policies: Map<string, Policy>,
  read: EntryReader,
): Promise<HandlingState> {
  const entries = new Map<number, Promise<StoredEvent | undefined>>();
  const letter = async (value: unknown): Promise<unknown> => {
    if (!isLetterRef(value)) return value;
    const { version, path } = value.logLetter;
    let entry = entries.get(version);
    if (entry === undefined) {
      entry = read(version);
      entries.set(version, entry);
    }
    let found: unknown = (await entry)?.event;
    for (const key of path) found = (found as Record<string | number, unknown> | undefined)?.[key];
    if (typeof found !== 'object' || found === null)
      throw new UnresolvedRef(`letter ${streamId}@${version} ${path.join('.')}`);
    origins.set(found, value.logLetter);
    return found as ReplyLetter;
  };
  const policy = (context: Record<string, unknown>): Record<string, unknown> => {
    const ref = context.policy;
    if (!isPolicyRef(ref)) return context;
    const resolved = policies.get(ref.hash);
    if (resolved === undefined) throw new UnresolvedRef(`policy ${ref.id} ${ref.hash}`);
    return { ...context, policy: resolved };
  };
  const cases: Record<string, PersistedMachineSnapshot> = {};
  for (const id in state.cases) {
    const snapshot = state.cases[id] as PersistedMachineSnapshot;
    const context = policy(snapshot.context as Record<string, unknown>);
    const c = context as CaseLike;
    const out: Record<string, unknown> = context === snapshot.context ? { ...context } : context;
    if (c.draft !== undefined) out.draft = await letter(c.draft);
    if (Array.isArray(c.mergedDrafts)) out.mergedDrafts = await Promise.all(c.mergedDrafts.map(letter));
    if (Array.isArray(c.letters)) {
      out.letters = await Promise.all(
        c.letters.map(async (l) => (isLetterRef(l.letter) ? { ...l, letter: await letter(l.letter) } : l)),
      );
    }
    cases[id] = { ...snapshot, context: out };
  }
  const proposal = { ...state.proposal, context: policy(state.proposal.context as Record<string, unknown>) };
  return { ...state, proposal, cases };
}
