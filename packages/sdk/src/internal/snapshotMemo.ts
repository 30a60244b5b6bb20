import type { Policy } from '@banli/core';

type Json = Record<string, unknown>;

/**
 * One context as the stream's last snapshot stored it: the live context, what else its stored form was read from
 * (`basis`: the proposal's context for a case, whose fields give a case's left-out defaults; `units`: each listed
 * case's unit, for the proposal's context) and the stored form, with the envelope built around it.
 */
export interface ContextMemo {
  context: Json;
  basis: Json | undefined;
  units: unknown[] | undefined;
  stored: Json;
  /** The machine snapshot the envelope was built from, and the envelope. */
  snapshot: object;
  envelope: object;
}

/** One case's facts as the last snapshot stored them, with what they were compared against. */
interface CaseFactsMemo {
  facts: object;
  /** The case context's feedback list and round, and the proposal context's list of cases. */
  feedback: unknown;
  round: unknown;
  listed: unknown;
  stored: Json;
  /** The facts' feedback list, and whether it equals the context's (`feedback`). */
  feedbackFacts: unknown;
  feedbackSame: boolean;
  /** What the state says of the case's starting facts (`caseFromState`), read from `listed` and `round`. */
  from: Json;
}

/**
 * What a stream's last snapshot was compacted from and to (issue 19 §1), kept with the stream's aggregate and passed
 * from each aggregate to the next (`Aggregate.snapshotMemo`). Contexts are immutable: a command replaces one or two
 * of them, and within a changed context a field or two, so the next snapshot reuses the stored form of every context
 * and field whose object is the one compacted before (compared by identity, with what the stored form was read from).
 * Kept here rather than in weak maps keyed by the state's objects: ordinary references cost the garbage collector
 * nothing special, where every weak-map entry is an ephemeron each major collection must work through.
 */
export interface SnapshotMemo {
  /** The stream, the policies and the log-reference generation (`moves`) the stored forms were computed with. */
  streamId: string | undefined;
  policies: Map<string, Policy> | undefined;
  moves: number;
  /**
   * The latest point in the history of log notes a snapshot was compacted as of with this memo (`OriginsAt.seq`): a
   * snapshot built as of an earlier point (built late, after a later one) must not reuse stored forms that may refer
   * to entries noted after it.
   */
  seq: number;
  proposal: ContextMemo | undefined;
  cases: Map<string, ContextMemo>;
  /** The case ids and stored machine snapshots of the last `cases` object, in order, and that object. */
  caseIds: string[];
  caseEnvelopes: object[];
  casesOut: Json | undefined;
  /** What the proposal and its assignment say of the facts, and from which objects. */
  derivedFrom: { proposal: unknown; assignment: unknown; from: Json } | undefined;
  facts: Map<string, CaseFactsMemo>;
}

/** An empty memo: the first snapshot compacts everything. */
export function createSnapshotMemo(): SnapshotMemo {
  return {
    streamId: undefined,
    policies: undefined,
    moves: -1,
    seq: 0,
    proposal: undefined,
    cases: new Map(),
    caseIds: [],
    caseEnvelopes: [],
    casesOut: undefined,
    derivedFrom: undefined,
    facts: new Map(),
  };
}

/**
 * Forgets everything a memo holds when it was filled for another stream, other policies or another generation, or as
 * of a later point in the history of log notes than `at` (`OriginsAt`).
 */
export function checkMemo(
  memo: SnapshotMemo,
  streamId: string,
  policies: Map<string, Policy>,
  at: { seq: number; moves: number },
): SnapshotMemo {
  const seq = memo.seq;
  memo.seq = at.seq;
  if (memo.streamId === streamId && memo.policies === policies && memo.moves === at.moves && seq <= at.seq) return memo;
  memo.streamId = streamId;
  memo.policies = policies;
  memo.moves = at.moves;
  memo.proposal = undefined;
  memo.cases.clear();
  memo.caseIds = [];
  memo.caseEnvelopes = [];
  memo.casesOut = undefined;
  memo.derivedFrom = undefined;
  memo.facts.clear();
  return memo;
}

/** What a snapshot's stored state was compacted with: the policies and the generation of log references (`moves`). */
interface CompactedWith {
  policies: Map<string, Policy>;
  moves: number;
}

/** Where a stored state keeps what it was compacted with: a symbol, so not in its keys, its JSON or a clone. */
const COMPACTED_WITH = Symbol('banli.snapshotMemo.compactedWith');

/** One mark per policies (and generation), shared by every state compacted with them: nothing allocated per snapshot. */
const marks = new WeakMap<Map<string, Policy>, CompactedWith>();

/**
 * Marks a snapshot's stored state as compacted in this process with `memo` (a non-enumerable property, so equality
 * checks and serialisation do not see it): a load of this very object may seed the next memo from it (`seededMemo`).
 * A state a store copies (JSON, a database) has no mark and is compacted anew, as before.
 */
export function markCompacted(state: object, memo: SnapshotMemo): void {
  const policies = memo.policies;
  if (policies === undefined) return;
  let mark = marks.get(policies);
  if (mark === undefined || mark.moves !== memo.moves) {
    mark = { policies, moves: memo.moves };
    marks.set(policies, mark);
  }
  Object.defineProperty(state, COMPACTED_WITH, { value: mark });
}

/**
 * An empty memo for the stream `streamId` to seed while its stored `state` is read back (`expandHandling`,
 * `expandFacts`), when that state is the very object this process compacted (`markCompacted`) with the same
 * `policies` and in the same generation of log references (`at.moves`; nothing noted since has moved): every stored
 * form in it is then what compacting its read-back context anew gives, so the next snapshot reuses those of the
 * contexts and fields a command leaves unchanged instead of building equal ones. `undefined` for any other state (a
 * copy, older snapshots, other policies, a reference moved since). `at`: the origins now (`originsNow`).
 */
export function seededMemo(
  state: object,
  streamId: string,
  policies: Map<string, Policy>,
  at: { seq: number; moves: number },
): SnapshotMemo | undefined {
  const mark = (state as { [COMPACTED_WITH]?: CompactedWith })[COMPACTED_WITH];
  if (mark === undefined || mark.policies !== policies || mark.moves !== at.moves) return undefined;
  const memo = createSnapshotMemo();
  memo.streamId = streamId;
  memo.policies = policies;
  memo.moves = at.moves;
  memo.seq = at.seq;
  return memo;
}
