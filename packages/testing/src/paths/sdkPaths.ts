import { type Calendar, chinaMainland } from '@banli/calendar';
import {
  createHandlingSystem,
  type HandlingState,
  type HandlingSystem,
  type Policy,
  presets,
  type TakenTransition,
} from '@banli/core';
import type { Assignment, Proposal, ReplyLetter } from '@banli/schemas';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { soleSeedAssignment } from '../fixtures/steps.js';
import { mainPath } from '../internal/statePath.js';
import type { Expectation, Scenario, ScenarioStep } from '../scenario.js';
import { caseStateKey, proposalStateKey } from './banli.js';
import type { TransitionId } from './graph.js';
import { loggedTransitionId } from './historyCoverage.js';
import { type CommandContext, caseKeyOf } from './sdkCommands.js';
import { mergePartnerOf, nextMoves, type PathMoveOptions, pathStart } from './sdkMoves.js';

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
  /**
   * Moves tried beside the user commands (`PathMoveOptions`): `ticks` lets the scheduler run the day after the earliest
   * open deadline (deadline paths: misses, the feedback period ending, B/C follow-up); `merge` puts a second item on
   * file (its submission and review open every path) and tries 并案 both ways: this item merged into it, and it merged
   * into this item (then every draft carries a letter to its proposer, who rates the reply too); `draft` starts every
   * path with the item created as a draft, so its submission, and its withdrawal (or a co-signer's) before
   * submission, are paths too. @defaultValue all on
   */
  moves?: PathMoveOptions;
  /** The second item on file for 并案. @defaultValue a one-point item by another proposer (`mergePartnerOf`) */
  partner?: Proposal;
}

/** The shortest SDK-level paths of one item: one scenario per distinct state reached. */
export interface SdkPathSet {
  /** Every shortest path, one per distinct state (the state key of `caseStateKey` / `proposalStateKey`). */
  paths: Scenario[];
  /** The paths no other path extends: running them runs every path, since each step checks the states it reaches. */
  leaves: Scenario[];
  /**
   * A short suite taking every transition the exploration took: leaves, and edge paths (a path plus one move back to
   * a state already reached, e.g. a contact record or a disclosure on request, which no shortest path ends with),
   * chosen greedily by the transitions each adds.
   */
  covering: Scenario[];
  /**
   * Every transition the exploration took (paths and edges), per machine, as `transitionIds` writes them: what
   * `coverageFromHistory` should report for a run of `covering`.
   */
  transitions: { proposal: TransitionId[]; case: TransitionId[] };
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
  /** The transitions the node's last step took, as `machine:source|event|targets`. */
  taken: string[];
}

const takenIds = (ts: readonly TakenTransition[]): string[] => ts.map((t) => `${t.machine}:${loggedTransitionId(t)}`);

/**
 * A state's key: the proposal's and each case's guard-relevant context (`proposalStateKey`, `caseStateKey`), with
 * the signatures still on the item and the items merged into it (a withdrawn signature or a merged item changes who
 * rates the reply and which letters a draft needs, though no machine guard reads the counts).
 */
function keyOf(state: HandlingState): string {
  const cases = Object.entries(state.cases)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, s]) => [id, caseStateKey(s as never)]);
  const ctx = (state.proposal as { context?: { proposal?: Proposal; mergedItems?: unknown[] } }).context;
  const extra = [ctx?.proposal?.proposers.length ?? 0, ctx?.mergedItems?.length ?? 0];
  return JSON.stringify([proposalStateKey(state.proposal as never), cases, extra]);
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
 * SDK's user commands sent by the actors allowed to send them (`commandAlphabet`: drafts in every class, signature
 * withdrawal, publication), the scheduler's ticks and 并案 both ways (`moves`), and turns each into a runnable SDK
 * scenario: `runScenario` sends it through `createBanli`, and every step checks the proposal's and each case's state
 * the coordinator reached. A command is dated one working day after the step before it, so a deadline elapses only
 * where a path ticks: the tick runs the day after the earliest open deadline falls due, and fires every deadline due
 * before that day, as `banli.tick` does.
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
  const moves = options.moves ?? {};
  const partner = options.partner ?? mergePartnerOf(proposal);
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
  const begun = pathStart(system, proposal, partner, start, moves);
  const initial = begun.state;
  const initialExpect = expectationOf(system, initial, proposal.id);
  const root: Node = {
    state: initial,
    date: start,
    // 并案 needs the other item on file and under review (it does not change this item's state).
    steps: begun.steps.map((s) => ({ ...s, expect: initialExpect })),
    children: 0,
    taken: takenIds(begun.transitions),
  };
  const seen = new Set([keyOf(initial)]);
  // Transitions taken so far, and the moves to already-seen states that took one no node had taken then.
  const found = new Set(root.taken);
  const edges: { parent: Node; steps: ScenarioStep[]; taken: string[] }[] = [];
  const nodes: Node[] = [root];
  let truncated = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    if (node.steps.length >= maxSteps) {
      truncated = true;
      continue;
    }
    for (const next of nextMoves(system, calendar, node.state, node.date, ctx, partner, moves)) {
      const key = keyOf(next.state);
      if (seen.has(key)) {
        // A move back to a state already reached (a self-loop such as a contact record, or a shortcut): no path of
        // its own, but it may take a transition no path takes; kept as an edge for the covering suite.
        const taken = takenIds(next.transitions);
        if (taken.some((t) => !found.has(t))) {
          for (const t of taken) found.add(t);
          const step = { ...next.step, expect: expectationOf(system, next.state, proposal.id) };
          edges.push({ parent: node, steps: [...node.steps, step], taken });
        }
        continue;
      }
      if (seen.size >= maxStates) {
        truncated = true;
        break;
      }
      seen.add(key);
      node.children++;
      const step = { ...next.step, expect: expectationOf(system, next.state, proposal.id) };
      nodes.push({
        state: next.state,
        date: next.date,
        steps: [...node.steps, step],
        parent: node,
        children: 0,
        taken: takenIds(next.transitions),
      });
      for (const t of takenIds(next.transitions)) found.add(t);
    }
  }
  const describe = (steps: readonly ScenarioStep[]) =>
    steps
      .slice(1)
      .map((s) => ('send' in s ? s.send.type : 'tick' in s ? 'tick' : 'submit'))
      .join(' → ');
  const scenarioOf = (node: Pick<Node, 'steps'>, index: number): Scenario => ({
    name: `${name} ${index + 1}: ${describe(node.steps)}`,
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
  const leafIndexes = nodes.flatMap((n, i) => (n.children === 0 ? [i] : []));
  const pathTaken = (node: Node | undefined): Set<string> => {
    const set = new Set<string>();
    for (let n = node; n; n = n.parent) for (const t of n.taken) set.add(t);
    return set;
  };
  // Candidates for the covering suite: every leaf, and every edge path (its parent's path plus the edge's move).
  const candidates: { scenario: () => Scenario; taken: Set<string>; order: number }[] = [
    ...leafIndexes.map((i) => ({ scenario: () => paths[i] as Scenario, taken: pathTaken(nodes[i]), order: i })),
    ...edges.map((e, j) => ({
      scenario: () => ({
        ...scenarioOf({ ...e.parent, steps: e.steps }, nodes.length + j),
        name: `${name} edge ${j + 1}: ${describe(e.steps)}`,
      }),
      taken: new Set([...pathTaken(e.parent), ...e.taken]),
      order: nodes.length + j,
    })),
  ];
  const all = new Set(candidates.flatMap((c) => [...c.taken]));
  const chosen: typeof candidates = [];
  const left = new Set(all);
  while (left.size > 0) {
    let best: (typeof candidates)[number] | undefined;
    let gain = 0;
    for (const c of candidates) {
      let g = 0;
      for (const t of c.taken) if (left.has(t)) g++;
      if (g > gain) [best, gain] = [c, g];
    }
    if (!best) break;
    chosen.push(best);
    for (const t of best.taken) left.delete(t);
  }
  const covering = chosen.sort((a, b) => a.order - b.order).map((c) => c.scenario());
  const ofMachine = (m: string) =>
    [...all]
      .filter((t) => t.startsWith(`${m}:`))
      .map((t) => t.slice(m.length + 1))
      .sort();
  return {
    paths,
    leaves: leafIndexes.map((i) => paths[i] as Scenario),
    covering,
    transitions: { proposal: ofMachine('proposal'), case: ofMachine('case') },
    states: seen.size,
    truncated,
  };
}
