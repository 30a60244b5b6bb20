import type { AnyStateMachine } from 'xstate';
import type { CaseContext } from '../case/types.js';
import { type Deadline, isPending } from '../deadlines.js';
import { findLast } from '../internal/arrays.js';
import { rememberBounded } from '../internal/boundedMemo.js';
import { restoreLive } from '../internal/engine/liveSnapshots.js';
import { recordCopier } from '../internal/recordCopier.js';
import type { ProposalContext } from '../proposal/types.js';
import type { BanliTag } from '../tags.js';
import type { CaseSummary, HandlingState, HandlingSummary, PersistedMachineSnapshot } from './types.js';

/**
 * Every deadline of the proposal and its cases, each case deadline carrying its `caseId`.
 *
 * @example
 * ```ts
 * allDeadlines(state).filter((d) => d.kind === 'reply').map((d) => d.due); // ['2023-06-30']
 * ```
 */
export function allDeadlines(state: HandlingState): Deadline[] {
  const out = (state.proposal.context as ProposalContext).deadlines.slice();
  for (const caseId in state.cases) {
    const snap = state.cases[caseId] as PersistedMachineSnapshot;
    for (const d of caseDeadlines(caseId, (snap.context as CaseContext).deadlines)) out.push(d);
  }
  return out;
}

// A case's deadlines with its `caseId`, per deadline list of a case context. Contexts are immutable, so a list seen
// before gives the same deadlines again: a case an event did not touch keeps its deadline objects from state to state
// (shared and read-only, like the proposal's own deadlines) instead of being spread anew on every call. Only the last
// lists asked about are remembered (a command asks of its state before and after), oldest dropped first: never a
// WeakMap, because case contexts live in the store as long as it does, and a WeakMap keyed by their lists held one
// ephemeron and a copy of every deadline per stored case for every full collection to mark (issue 19, scaling).
const withCaseId = new Map<readonly Deadline[], { caseId: string; list: readonly Deadline[] }>();
const MAX_LISTS = 256;
// A case deadline with its `caseId` added: a copier, not `{ ...d, caseId }`, which gave every copy a hidden class of its
// own (see `recordCopier`), made again whenever the list above was forgotten (more cases in flight than it holds).
const withCase = recordCopier();

function caseDeadlines(caseId: string, deadlines: readonly Deadline[]): readonly Deadline[] {
  const hit = withCaseId.get(deadlines);
  if (hit !== undefined && hit.caseId === caseId) return hit.list;
  const list = deadlines.map((d) => withCase(d, { caseId }));
  rememberBounded(withCaseId, deadlines, { caseId, list }, MAX_LISTS, 'oldest');
  return list;
}

/** The deadlines whose step is still pending (open, or missed and not yet done), earliest first. */
export function openDeadlines(state: HandlingState): Deadline[] {
  return allDeadlines(state)
    .filter(isPending)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

// A machine's tags per state value. The value decides which state nodes are active, and so the tags: each distinct
// value is sorted once, not on every summary. Remembered by the value's JSON (a machine has a bounded set of values),
// and by identity for the last few value objects (the compiled engine hands out one frozen value object per
// configuration). Never a WeakMap keyed by value objects: values loaded from the store live as long as it does, and
// such a WeakMap held one ephemeron per stored proposal and case for every full collection to mark (issue 19).
interface TagMemo {
  byObject: Map<object, readonly BanliTag[]>;
  byJson: Map<string, readonly BanliTag[]>;
}
const tagMemos = new WeakMap<AnyStateMachine, TagMemo>();
const MAX_RECENT_VALUES = 256;
const MAX_VALUES = 10_000;

function tagsOf(machine: AnyStateMachine, persisted: PersistedMachineSnapshot): BanliTag[] {
  const value = persisted.value;
  if (typeof value !== 'object' || value === null) return sortedTags(machine, persisted);
  let memo = tagMemos.get(machine);
  if (memo === undefined) {
    memo = { byObject: new Map(), byJson: new Map() };
    tagMemos.set(machine, memo);
  }
  let tags = memo.byObject.get(value);
  if (tags === undefined) {
    const json = JSON.stringify(value);
    tags = memo.byJson.get(json);
    if (tags === undefined) {
      tags = rememberBounded(memo.byJson, json, sortedTags(machine, persisted), MAX_VALUES, 'all');
    }
    rememberBounded(memo.byObject, value, tags, MAX_RECENT_VALUES, 'all');
  }
  return tags.slice();
}

function sortedTags(machine: AnyStateMachine, persisted: PersistedMachineSnapshot): BanliTag[] {
  return [...restoreLive(machine, persisted).tags].sort() as BanliTag[];
}

/** One summary per case: unit, role, state, tags, the current letter and this round's feedback. */
export function caseSummaries(state: HandlingState, caseMachine: AnyStateMachine): CaseSummary[] {
  return Object.entries(state.cases).map(([caseId, snap]) => {
    const ctx = snap.context as CaseContext;
    const issued = findLast(ctx.letters, (l) => !l.followUp && l.mergedItemId === undefined);
    const summary: CaseSummary = {
      caseId,
      unitId: ctx.unit.id,
      unitName: ctx.unit.name,
      role: ctx.role,
      value: snap.value,
      tags: tagsOf(caseMachine, snap),
      round: ctx.round,
      feedback: ctx.feedback,
    };
    if (issued) {
      summary.letter = issued.letter;
      summary.class = issued.letter.class;
    }
    return summary;
  });
}

/**
 * The proposal's state and tags with every case's summary. The proposal's timeliness rolls up its cases': while any
 * case is overdue, the proposal is `timeliness: 'overdue'` and tagged `overdue`, never 未逾期 (on time).
 */
export function summarize(
  state: HandlingState,
  proposalMachine: AnyStateMachine,
  caseMachine: AnyStateMachine,
): HandlingSummary {
  const cases = caseSummaries(state, caseMachine);
  let value = state.proposal.value;
  let tags = tagsOf(proposalMachine, state.proposal);
  if (!tags.includes('overdue') && cases.some((c) => c.tags.includes('overdue'))) {
    if (value && typeof value === 'object' && 'timeliness' in value) value = { ...value, timeliness: 'overdue' };
    tags = [...tags, 'overdue' as BanliTag].sort();
  }
  return { proposalId: (state.proposal.context as ProposalContext).proposal.id, value, tags, cases };
}
