import { type Calendar, chinaMainland } from '@banli/calendar';
import { createHandlingSystem, type HandlingState, type HandlingSystem, type Policy, presets } from '@banli/core';
import {
  type Assignment,
  type Proposal,
  type ReplyLetter,
  seedAssignment132402,
  seedProposal132402,
  seedReplyLetter132402,
} from '@banli/schemas';
import { soleSeedAssignment } from '../fixtures/steps.js';
import { mainPath } from '../internal/statePath.js';
import type { Expectation, Scenario, ScenarioStep } from '../scenario.js';
import { caseStateKey, proposalStateKey } from './banli.js';
import { acceptedCommands, type CommandContext, caseKeyOf, nextWorkingDay } from './sdkCommands.js';

/** Options of `sdkPathScenarios`. */
export interface SdkPathOptions {
  /** The item handled. @defaultValue the seed proposal 132402 */
  proposal?: Proposal;
  /** The 交办 sent. @defaultValue the seed assignment with 市商务局 alone (`soleSeedAssignment`) */
  assignment?: Assignment;
  /** The reply letter drafted. @defaultValue the seed letter */
  letter?: ReplyLetter;
  /** @defaultValue the `guangdongCity` preset */
  policy?: Policy;
  /** @defaultValue `chinaMainland` */
  calendar?: Calendar;
  /** The submission date; each later step is dated the next working day. @defaultValue '2023-02-20' */
  start?: string;
  /** Paths stop growing at this many steps. @defaultValue 40 */
  maxSteps?: number;
  /** Exploration stops after this many distinct states. @defaultValue 5000 */
  maxStates?: number;
  /** Scenario names start with this. @defaultValue 'sdkPath' */
  name?: string;
}

/** The shortest SDK-level paths of one item: one scenario per distinct state reached. */
export interface SdkPathSet {
  /** Every shortest path, one per distinct state (the state key of `caseStateKey` / `proposalStateKey`). */
  paths: Scenario[];
  /** The paths no other path extends: running them runs every path, since each step checks the states it reaches. */
  leaves: Scenario[];
  /** Distinct states reached. */
  states: number;
  /** Whether `maxStates` or `maxSteps` cut the exploration short. */
  truncated: boolean;
}

interface Node {
  state: HandlingState;
  date: string;
  steps: ScenarioStep[];
  parent?: Node;
  children: number;
}

/** A state's key: the proposal's and each case's guard-relevant context (`proposalStateKey`, `caseStateKey`). */
function keyOf(state: HandlingState): string {
  const cases = Object.entries(state.cases)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, s]) => [id, caseStateKey(s as never)]);
  return JSON.stringify([proposalStateKey(state.proposal as never), cases]);
}

/** What a step checks: the proposal's and every case's main state after it (as the coordinator computed them). */
function expectationOf(system: HandlingSystem, state: HandlingState, proposalId: string): Expectation {
  const summary = system.summary(state);
  const cases: Record<string, string> = {};
  for (const c of summary.cases) cases[caseKeyOf(proposalId, c.caseId)] = mainPath(c.value);
  return { proposal: mainPath(summary.value), ...(summary.cases.length > 0 ? { cases } : {}) };
}

/**
 * Enumerates the shortest paths of one item through the whole coordinator (the proposal and its cases), over the
 * SDK's user commands sent by the actors allowed to send them (`commandAlphabet`), and turns each into a runnable
 * SDK scenario: `runScenario` sends it through `createBanli`, and every step checks the proposal's and each case's
 * state the coordinator reached. Steps are one working day apart, so deadlines do not elapse on these paths (the
 * scheduler's paths are the fixtures'); guards that read dates see them as a unit acting promptly would.
 *
 * @example
 * ```ts
 * const { leaves } = sdkPathScenarios({ policy: presets.nationalNpc });
 * describe('every shortest SDK path', () => defineScenarioTests(leaves, { it, expect }));
 * ```
 */
export function sdkPathScenarios(options: SdkPathOptions = {}): SdkPathSet {
  const proposal = options.proposal ?? seedProposal132402;
  const assignment = options.assignment ?? soleSeedAssignment;
  const policy = options.policy ?? presets.guangdongCity;
  const calendar = options.calendar ?? chinaMainland;
  const start = options.start ?? '2023-02-20';
  const maxSteps = options.maxSteps ?? 40;
  const maxStates = options.maxStates ?? 5000;
  const name = options.name ?? 'sdkPath';
  const system = createHandlingSystem({ policy, calendar });
  // A unit outside the assignment, for `adjustment.reassign` (a seed co-handler when free, else the seed lead).
  const taken = new Set([assignment.leadUnit?.id, ...assignment.coUnits.map((c) => c.id)]);
  const other = [...seedAssignment132402.coUnits, seedAssignment132402.leadUnit].find((u) => u && !taken.has(u.id));
  const ctx: CommandContext = {
    proposal,
    assignment,
    letter: options.letter ?? seedReplyLetter132402,
    reassignTo: other ?? { id: 'other-unit', name: '其他单位' },
  };
  const initial = system.send(system.start({ proposal, at: start }), {
    type: 'proposal.submit',
    at: start,
    channel: proposal.channel,
  } as never).state;
  const root: Node = {
    state: initial,
    date: start,
    steps: [{ on: start, by: 'proposer', submit: true, expect: expectationOf(system, initial, proposal.id) }],
    children: 0,
  };
  const seen = new Set([keyOf(initial)]);
  const nodes: Node[] = [root];
  let truncated = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    if (node.steps.length >= maxSteps) {
      truncated = true;
      continue;
    }
    const on = nextWorkingDay(calendar, node.date);
    for (const next of acceptedCommands(system, node.state, ctx, on)) {
      const key = keyOf(next.state);
      if (seen.has(key)) continue;
      if (seen.size >= maxStates) {
        truncated = true;
        break;
      }
      seen.add(key);
      node.children++;
      const step = { ...next.step, expect: expectationOf(system, next.state, proposal.id) };
      nodes.push({ state: next.state, date: on, steps: [...node.steps, step], parent: node, children: 0 });
    }
  }
  const scenarioOf = (node: Node, index: number): Scenario => ({
    name: `${name} ${index + 1}: ${node.steps
      .slice(1)
      .map((s) => ('send' in s ? s.send.type : 'tick'))
      .join(' → ')}`,
    title: {
      'zh-CN': `最短路径 ${index + 1}（${node.steps.length} 步）`,
      en: `Shortest path ${index + 1} (${node.steps.length} steps)`,
    },
    proposal,
    policy,
    calendar,
    officeUnitId: assignment.assigningOffice.id,
    steps: node.steps,
  });
  const paths = nodes.map(scenarioOf);
  return {
    paths,
    leaves: paths.filter((_, i) => (nodes[i] as Node).children === 0),
    states: seen.size,
    truncated,
  };
}
