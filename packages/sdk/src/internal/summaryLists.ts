import type { HandlingSummary } from '@banli/core';
import type { StateView } from '../stateView.js';
import { PROVISIONAL_TAG } from './provisional.js';
import { queryableStatesOf } from './stateView.js';

/** The summary row's lists of strings that `appendOf` works out from a proposal's summary and logged view. */
export interface SummaryLists {
  caseStates: string[];
  tags: string[];
  unitIds: string[];
}

/**
 * The summary row's case states, tags and unit ids, each in first-seen order as a set would give, each an exact-size
 * array: a list grown by `push` keeps 17 slots for its first entry, and a store such as the in-memory one keeps the
 * summary until the stream's next command, long enough to be promoted and marked (issue 19, scaling).
 * `provisional`: the proposal has a provisional deadline (`PROVISIONAL_TAG`); `coUnitIds`: the lead case's co-units.
 */
export function summaryLists(
  summary: HandlingSummary,
  view: StateView,
  provisional: boolean,
  coUnitIds: readonly string[],
): SummaryLists {
  // Plain arrays (a proposal has a case or a few: linear checks are cheaper than sets), copied at their size.
  const caseStates: string[] = [];
  const tags: string[] = [];
  for (const t of summary.tags) addNew(tags, t);
  if (provisional) addNew(tags, PROVISIONAL_TAG);
  const unitIds: string[] = [];
  for (const c of summary.cases) {
    for (const p of queryableStatesOf(view.cases[c.caseId] ?? c.value)) addNew(caseStates, p);
    for (const t of c.tags) addNew(tags, t);
    addNew(unitIds, c.unitId);
    if (c.role === 'lead') for (const u of coUnitIds) addNew(unitIds, u);
  }
  return { caseStates: caseStates.slice(), tags: tags.slice(), unitIds: unitIds.slice() };
}

/** Appends `value` unless `list` holds it already (a set's insertion order, for short lists). */
function addNew(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
