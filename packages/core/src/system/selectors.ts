import type { AnyStateMachine } from 'xstate';
import type { CaseContext } from '../case/types.js';
import { type Deadline, isPending } from '../deadlines.js';
import { findLast } from '../internal/arrays.js';
import { restoreLive } from '../internal/engine/liveSnapshots.js';
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
  const own = (state.proposal.context as ProposalContext).deadlines;
  const ofCases = Object.entries(state.cases).flatMap(([caseId, snap]) =>
    (snap.context as CaseContext).deadlines.map((d) => ({ ...d, caseId })),
  );
  return [...own, ...ofCases];
}

/** The deadlines whose step is still pending (open, or missed and not yet done), earliest first. */
export function openDeadlines(state: HandlingState): Deadline[] {
  return allDeadlines(state)
    .filter(isPending)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

function tagsOf(machine: AnyStateMachine, persisted: PersistedMachineSnapshot): BanliTag[] {
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
