import { addWorkingDays, type Calendar, chinaMainland, isWorkingDay } from '@banli/calendar';
import { createHandlingSystem, type Policy, presets } from '@banli/core';
import type { Assignment, Proposal, ReplyLetter } from '@banli/schemas';
import { seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { soleSeedAssignment } from '../fixtures/steps.js';
import { mainPath } from '../internal/statePath.js';
import { acceptedCommands, caseKeyOf, nextWorkingDay } from '../paths/sdkCommands.js';
import type { Scenario, ScenarioStep } from '../scenario.js';

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
}

/**
 * Scenarios of events in a valid order: random walks through the coordinator over the SDK's user commands, each
 * step one the state accepts, sent by an actor allowed to send it, dated one working day after the previous, and
 * checking the proposal's and each case's state it reaches. They shrink towards shorter walks and earlier choices.
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
  const ctx = {
    proposal,
    assignment,
    letter: options.letter ?? seedReplyLetter132402,
    reassignTo: { id: 'arb-other-unit', name: '其他单位' },
  };
  const system = createHandlingSystem({ policy, calendar });
  return fc.array(fc.nat(), { maxLength: options.maxSteps ?? 25 }).map((choices) => {
    let state = system.send(system.start({ proposal, at: start }), {
      type: 'proposal.submit',
      at: start,
      channel: proposal.channel,
    } as never).state;
    let date = start;
    const steps: ScenarioStep[] = [{ on: start, by: 'proposer', submit: true }];
    for (const choice of choices) {
      const on = nextWorkingDay(calendar, date);
      const options = acceptedCommands(system, state, ctx, on);
      const picked = options[choice % Math.max(1, options.length)];
      if (!picked) break;
      state = picked.state;
      date = on;
      const summary = system.summary(state);
      const cases = Object.fromEntries(summary.cases.map((c) => [caseKeyOf(proposal.id, c.caseId), mainPath(c.value)]));
      steps.push({
        ...picked.step,
        expect: { proposal: mainPath(summary.value), ...(summary.cases.length > 0 ? { cases } : {}) },
      });
    }
    return {
      name: `random walk: ${steps.map((s) => ('send' in s ? s.send.type : 'submit')).join(' → ')}`,
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
