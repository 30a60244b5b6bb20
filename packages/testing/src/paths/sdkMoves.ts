import { addCalendarDays, type Calendar } from '@banli/calendar';
import type { HandlingState, HandlingSystem, TakenTransition } from '@banli/core';
import type { MergedItem, Proposal } from '@banli/schemas';
import type { SendStep, SubmitStep, TickStep } from '../scenario.js';
import { acceptedCommands, type CommandContext, nextWorkingDay } from './sdkCommands.js';

// The moves of an SDK-level path beyond one user command on one item: the scheduler's tick (deadlines elapse) and
// 并案 with a second item on file (S20), both ways.

/** A move, the state it leads to and the transitions it took (every event's, in order). */
export interface PathMove<S = SendStep | TickStep> {
  step: S;
  state: HandlingState;
  transitions: TakenTransition[];
}

/**
 * The second item put on file for 并案: the item's kind, session and channel, another number, one point of its own
 * and one proposer of its own (a placeholder), so a merge into the item adds a proposer to rate its reply.
 *
 * @example
 * ```ts
 * mergePartnerOf(seedProposal132402).id; // 'zs-cppcc-13-2-132402-merge'
 * ```
 */
export function mergePartnerOf(proposal: Proposal): Proposal {
  const type = proposal.proposers[0]?.type ?? 'member';
  return {
    ...proposal,
    id: `${proposal.id}-merge`,
    ...(proposal.number !== undefined ? { number: proposal.number + 1 } : {}),
    title: `${proposal.title}（并案）`,
    suggestions: [{ id: 'merge-s1', title: '同题建议：加强统筹协调' }],
    proposers: [{ id: `${proposal.id}-merge-proposer`, type, name: '丙', first: true, placeholder: true }],
  } as Proposal;
}

/** The partner's submission (by its own proposer) and the committee's review of it, on the start date. */
export function partnerSetupSteps(partner: Proposal, on: string): (SubmitStep | SendStep)[] {
  const by = `proposer:${partner.proposers[0]?.id ?? 'proposer'}`;
  return [
    { on, by, submit: true, proposal: partner },
    { on, by: 'committee', proposalId: partner.id, send: { type: 'review.start' } },
  ];
}

/** The partner as the item's context records it when merged in (`proposal.addMergedItem`, as the SDK writes it). */
export function mergedItemOf(partner: Proposal, at: string): MergedItem {
  return {
    proposalId: partner.id,
    title: partner.title,
    proposers: partner.proposers.map((p) => ({ id: p.id, name: p.name })),
    suggestionIds: partner.suggestions.map((s) => s.id),
    mergedAt: at,
  };
}

const mergedIds = (state: HandlingState): string[] =>
  ((state.proposal as { context?: { mergedItems?: MergedItem[] } }).context?.mergedItems ?? []).map(
    (m) => m.proposalId,
  );

/**
 * 并案 moves on a date, each with the state it leads to: the committee merges the item into the partner
 * (`review.merge`, while the item is under review), or merges the partner into the item (sent to the partner; the
 * SDK writes `proposal.addMergedItem` into the item first, which is what this item's state sees). Once the partner is
 * merged into the item neither move is offered again (the partner has left review).
 */
export function mergeMoves(
  system: HandlingSystem,
  state: HandlingState,
  proposal: Proposal,
  partner: Proposal,
  on: string,
): PathMove<SendStep>[] {
  if (mergedIds(state).includes(partner.id)) return [];
  const out: PathMove<SendStep>[] = [];
  const tryEvent = (step: SendStep, event: Record<string, unknown>) => {
    if (!system.can(state, event as never)) return;
    try {
      const sent = system.send(state, event as never);
      out.push({ step, state: sent.state, transitions: sent.transitions });
    } catch {
      // Accepted by `can` but refused by `send`: not a move.
    }
  };
  tryEvent(
    { on, by: 'committee', send: { type: 'review.merge', into: partner.id } },
    { type: 'review.merge', at: on, into: partner.id },
  );
  tryEvent(
    { on, by: 'committee', proposalId: partner.id, send: { type: 'review.merge', into: proposal.id } },
    { type: 'proposal.addMergedItem', at: on, item: mergedItemOf(partner, on) },
  );
  return out;
}

/**
 * The scheduler's tick after the earliest open deadline: dated the day after it falls due (or `date`, when that is
 * later), it fires every open deadline due before that day, earliest first and again for deadlines the firings open,
 * dropping those the machine no longer accepts, as `banli.tick` does. `undefined` when no deadline is open.
 */
export function tickMove(
  system: HandlingSystem,
  state: HandlingState,
  date: string,
  addCalendarDays: (date: string, n: number) => string,
): (PathMove<TickStep> & { date: string }) | undefined {
  const open = (s: HandlingState) => system.deadlines(s).filter((d) => d.status === 'open' && d.closedAt === undefined);
  const first = open(state)
    .map((d) => d.due)
    .sort()[0];
  if (first === undefined) return undefined;
  const dayAfter = addCalendarDays(first, 1);
  const on = dayAfter > date ? dayAfter : date;
  let current = state;
  const transitions: TakenTransition[] = [];
  const tried = new Set<string>();
  for (;;) {
    const due = open(current)
      .filter((d) => d.due < on && !tried.has(`${d.id}@${d.due}`))
      .sort((a, b) => (a.due === b.due ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.due < b.due ? -1 : 1));
    if (due.length === 0) break;
    for (const claimed of due) {
      tried.add(`${claimed.id}@${claimed.due}`);
      // Another firing may have closed or moved it meanwhile: then the tick skips it.
      const d = open(current).find((x) => x.id === claimed.id && x.due === claimed.due);
      if (!d) continue;
      const event = { type: 'deadline.elapsed', at: on, deadlineId: d.id, ...(d.caseId ? { caseId: d.caseId } : {}) };
      if (!system.can(current, event as never)) continue;
      try {
        const sent = system.send(current, event as never);
        current = sent.state;
        transitions.push(...sent.transitions);
      } catch {
        // Refused on sending: the tick skips it.
      }
    }
  }
  return { step: { on, tick: true }, state: current, transitions, date: on };
}

/**
 * The moves beyond the user commands that the path generators (`sdkPathScenarios`, `arbScenario`) try; each on by
 * default.
 */
export interface PathMoveOptions {
  /** The scheduler runs the day after the earliest open deadline falls due (`tickMove`). */
  ticks?: boolean;
  /** 并案 both ways with a second item on file (`mergeMoves`; its submission and review open every path). */
  merge?: boolean;
  /**
   * Paths start with the item created as a draft (the SDK's `submit(…, { draft: true })`, S31): the proposer then
   * submits it, or withdraws it before submission, and a co-signer may withdraw their signature while it is a draft.
   * Off, paths start with the item submitted.
   */
  draft?: boolean;
}

/** Where every path of an item starts: the state, the steps that reach it (without expectations) and their transitions. */
export interface PathStart {
  state: HandlingState;
  steps: (SubmitStep | SendStep)[];
  transitions: TakenTransition[];
}

/**
 * The start of every path: the item created on `start`, submitted unless `moves.draft` keeps it a draft, and with
 * `moves.merge` the partner item submitted and put under review the same day (which does not change this item's state).
 */
export function pathStart(
  system: HandlingSystem,
  proposal: Proposal,
  partner: Proposal,
  start: string,
  moves: PathMoveOptions = {},
): PathStart {
  const draft = moves.draft ?? true;
  const begun = system.begin({ proposal, at: start });
  const submitted = draft
    ? undefined
    : system.send(begun.state, { type: 'proposal.submit', at: start, channel: proposal.channel } as never);
  return {
    state: submitted?.state ?? begun.state,
    steps: [
      { on: start, by: 'proposer', submit: true, ...(draft ? { draft: true } : {}) },
      ...((moves.merge ?? true) ? partnerSetupSteps(partner, start) : []),
    ],
    transitions: [...begun.transitions, ...(submitted?.transitions ?? [])],
  };
}

/**
 * Every move a path may make from a state reached on `date`: the user commands the state accepts (dated the next
 * working day), 并案 both ways when `moves.merge` is on, and the scheduler's tick when `moves.ticks` is on and a
 * deadline is open (dated the day after the earliest one falls due). Each with the state it leads to, the transitions
 * it took and its date.
 */
export function nextMoves(
  system: HandlingSystem,
  calendar: Calendar,
  state: HandlingState,
  date: string,
  ctx: CommandContext,
  partner: Proposal,
  moves: PathMoveOptions = {},
): (PathMove & { date: string })[] {
  const on = nextWorkingDay(calendar, date);
  const out: (PathMove & { date: string })[] = acceptedCommands(system, state, ctx, on).map((m) => ({
    ...m,
    date: on,
  }));
  if (moves.merge ?? true)
    out.push(...mergeMoves(system, state, ctx.proposal, partner, on).map((m) => ({ ...m, date: on })));
  const tick = (moves.ticks ?? true) ? tickMove(system, state, date, addCalendarDays) : undefined;
  if (tick) out.push(tick);
  return out;
}
