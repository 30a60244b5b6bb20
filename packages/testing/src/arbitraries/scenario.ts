import { addWorkingDays, type Calendar, chinaMainland, isWorkingDay } from '@banli/calendar';
import { createHandlingSystem, type HandlingState, type Policy, presets } from '@banli/core';
import type { Assignment, Proposal, ReplyLetter } from '@banli/schemas';
import { seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { soleSeedAssignment } from '../fixtures/steps.js';
import { mainPath } from '../internal/statePath.js';
import { caseKeyOf, nextWorkingDay } from '../paths/sdkCommands.js';
import { mergePartnerOf, nextMoves, type PathMoveOptions, pathStart } from '../paths/sdkMoves.js';
import type { Expectation, Scenario, ScenarioStep } from '../scenario.js';

/** Options of `arbScenario`. */
export interface ArbScenarioOptions {
  proposal?: Proposal;
  assignment?: Assignment;
  letter?: ReplyLetter;
  policy?: Policy;
  calendar?: Calendar;
  /** The submission date. @defaultValue '2023-02-20' */
  start?: string;
  /** At most this many steps after the submission. @defaultValue 25 */
  maxSteps?: number;
  /**
   * Moves tried beside the user commands, as `sdkPathScenarios` tries them: the scheduler's ticks (deadlines elapse),
   * 并案 both ways with a second item on file, and a start as a draft (submitted, or withdrawn, by a later step).
   * @defaultValue all on
   */
  moves?: PathMoveOptions;
  /** The second item on file for 并案. @defaultValue `mergePartnerOf(proposal)` */
  partner?: Proposal;
}

/** One choice in this many may pick a move that ends the item (see `arbScenario`). */
const ENDING_ODDS = 5;

/**
 * Scenarios of events in a valid order: random walks through the coordinator over the SDK's user commands, the
 * scheduler's ticks and 并案 with a second item (`moves`), each step one the state accepts, sent by an actor allowed
 * to send it, dated one working day after the previous (a tick the day after the earliest open deadline), and checking
 * the proposal's and each case's state it reaches. Walks start with the item created as a draft unless
 * `moves.draft` is off. A move that ends the item (withdrawal, rejection, conversion, 并案 into the other item,
 * archiving) is open to one choice in five, so walks reach handling and replies. They shrink towards shorter walks and
 * earlier choices.
 *
 * @example
 * ```ts
 * await fc.assert(fc.asyncProperty(arbScenario(), async (s) => { await assertScenario(s); }), { numRuns: 20 });
 * ```
 */
export function arbScenario(options: ArbScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const proposal = options.proposal ?? seedProposal132402;
  const assignment = options.assignment ?? soleSeedAssignment;
  const policy = options.policy ?? presets.guangdongCity;
  const calendar = options.calendar ?? chinaMainland;
  const start = options.start ?? '2023-02-20';
  const moves = options.moves ?? {};
  const partner = options.partner ?? mergePartnerOf(proposal);
  const ctx = {
    proposal,
    assignment,
    letter: options.letter ?? seedReplyLetter132402,
    reassignTo: { id: 'arb-other-unit', name: '其他单位' },
  };
  const system = createHandlingSystem({ policy, calendar });
  const expectationOf = (state: HandlingState): Expectation => {
    const summary = system.summary(state);
    const cases = Object.fromEntries(summary.cases.map((c) => [caseKeyOf(proposal.id, c.caseId), mainPath(c.value)]));
    return { proposal: mainPath(summary.value), ...(summary.cases.length > 0 ? { cases } : {}) };
  };
  return fc.array(fc.nat(), { maxLength: options.maxSteps ?? 25, size: 'max' }).map((choices) => {
    const begun = pathStart(system, proposal, partner, start, moves);
    let state = begun.state;
    let date = start;
    const first = expectationOf(state);
    const steps: ScenarioStep[] = begun.steps.map((s) => ({ ...s, expect: first }));
    for (const choice of choices) {
      const next = nextMoves(system, calendar, state, date, ctx, partner, moves);
      // A move that ends the item (withdrawal, rejection, conversion, 并案 into the other item, archiving) is open to
      // one choice in ENDING_ODDS; otherwise, most walks would end within a few steps of the submission.
      const going = next.filter((m) => !system.summary(m.state).tags.includes('terminal'));
      const pool = going.length > 0 && choice % ENDING_ODDS !== ENDING_ODDS - 1 ? going : next;
      const picked = pool[Math.floor(choice / ENDING_ODDS) % Math.max(1, pool.length)];
      if (!picked) break;
      state = picked.state;
      date = picked.date;
      steps.push({ ...picked.step, expect: expectationOf(state) });
    }
    const label = (s: ScenarioStep) => ('send' in s ? s.send.type : 'tick' in s ? 'tick' : 'submit');
    return {
      name: `random walk: ${steps.map(label).join(' → ')}`,
      title: { 'zh-CN': `随机路径（${steps.length} 步）`, en: `Random walk (${steps.length} steps)` },
      proposal,
      policy,
      calendar,
      officeUnitId: assignment.assigningOffice.id,
      steps,
    };
  });
}

/**
 * Dates on a calendar: working days from `from` (inclusive) up to `days` working days later.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbWorkingDay(chinaMainland, '2024-01-02', 250), (d) => isWorkingDay(chinaMainland, d)));
 * ```
 */
export function arbWorkingDay(calendar: Calendar, from: string, days: number): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: days }).map((n) => nextWorkingDayAfter(calendar, from, n));
}

function nextWorkingDayAfter(calendar: Calendar, from: string, n: number): string {
  // The first working day on or after `from`, then n more.
  const first = isWorkingDay(calendar, from, { uncovered: 'statutory' }) ? from : nextWorkingDay(calendar, from);
  return n === 0 ? first : addWorkingDays(calendar, first, n, { uncovered: 'statutory' });
}
