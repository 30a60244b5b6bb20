import { addWorkingDays, type Calendar } from '@banli/calendar';
import type { CaseSummary, Deadline } from '@banli/core';
import type { Bilingual } from '@banli/schemas';
import type { ProposalFacts } from './facts.js';
import type { Aggregate } from './internal/aggregate.js';
import type { Engine } from './internal/engine.js';
import { explainDeadline } from './internal/explain.js';
import { hasProvisional, PROVISIONAL_TAG, type ProvisionalNote, provisionalNote } from './internal/provisional.js';
import { stateView } from './internal/stateView.js';
import type { StateView } from './stateView.js';
import type { StreamQuery, StreamSummary } from './store/port.js';

/** Filters of `query`; all given filters must match. */
export interface ProposalQuery {
  /** The proposal machine's top-level state, e.g. `inHandling`. */
  state?: string | string[];
  /** Some case is in this state (top-level key or dotted path). */
  caseState?: string | string[];
  /** A unit that holds a case or co-handles one. */
  unitId?: string;
  /** A proposer (any co-signer). */
  proposerId?: string;
  /** Every one of these tags, e.g. `overdue`. */
  tag?: string | string[];
  /** Only items of this kind: `proposal` (政协提案) or `suggestion` (人大代表建议). */
  kind?: 'proposal' | 'suggestion';
  /**
   * Only proposals with a deadline now outstanding: missed with its step still pending, or open past its due date
   * today. A deadline met late no longer counts (the statistics still count the late reply).
   */
  overdue?: boolean;
  /**
   * Only proposals with a pending deadline whose due date rests on an estimate (a year without its holiday notice):
   * the `provisional` tag.
   */
  provisional?: boolean;
  /** Only proposals with an open deadline due between today and N working days from today. */
  dueWithinWorkingDays?: number;
  /** At most this many rows. */
  limit?: number;
  /** Keyset pagination: only ids after this one. */
  after?: string;
}

/** A proposal as seen through the SDK. */
export interface ProposalView {
  id: string;
  version: number;
  state: StateView;
  tags: readonly string[];
  cases: readonly CaseSummary[];
  facts: ProposalFacts;
}

/** A deadline with its label and the explanation of its due date. */
export interface DeadlineView extends Deadline {
  /** What the deadline is for. */
  label: Bilingual;
  /** Why the due date is provisional (present exactly when `provisional` is true). */
  provisionalReason?: ProvisionalNote;
  /** How the due date was computed (rule, start, skipped holidays, make-up workdays), in zh-CN and en. */
  explanation: Bilingual;
}

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Builds the view of a loaded proposal. */
export function proposalView(engine: Engine, agg: Aggregate): ProposalView {
  const summary = engine.derive.summary(agg);
  const tags = hasProvisional(engine.derive.deadlines(agg)) ? [...summary.tags, PROVISIONAL_TAG] : summary.tags;
  return {
    id: agg.id,
    version: agg.version,
    state: stateView(summary),
    tags,
    cases: summary.cases,
    facts: agg.facts,
  };
}

/** Lists a proposal's deadlines with explanations. */
export function deadlineViews(engine: Engine, calendar: Calendar, agg: Aggregate): DeadlineView[] {
  const kind = agg.facts.kind;
  return engine.derive.deadlines(agg).map((d) => {
    const view: DeadlineView = { ...d, ...explainDeadline(calendar, d, kind) };
    if (d.provisional) view.provisionalReason = provisionalNote(d);
    return view;
  });
}

/** Runs a proposal query against the store's summary rows and deadline index. */
export function queryProposals(engine: Engine, calendar: Calendar, q: ProposalQuery): Promise<StreamSummary[]> {
  const today = engine.today();
  const query: StreamQuery = {};
  const states = list(q.state);
  const caseStates = list(q.caseState);
  const tags = q.provisional ? [...(list(q.tag) ?? []), PROVISIONAL_TAG] : list(q.tag);
  if (states) query.states = states;
  if (caseStates) query.caseStates = caseStates;
  if (tags) query.tags = tags;
  if (q.unitId !== undefined) query.unitId = q.unitId;
  if (q.proposerId !== undefined) query.proposerId = q.proposerId;
  if (q.kind !== undefined) query.kind = q.kind;
  if (q.overdue) query.overdueAt = today;
  if (q.dueWithinWorkingDays !== undefined) {
    query.dueBetween = {
      from: today,
      to: addWorkingDays(calendar, today, q.dueWithinWorkingDays, { uncovered: 'statutory' }),
    };
  }
  if (q.limit !== undefined) query.limit = q.limit;
  if (q.after !== undefined) query.afterStreamId = q.after;
  return engine.store.queryStreams(query);
}
