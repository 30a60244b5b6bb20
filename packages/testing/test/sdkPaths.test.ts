import { caseMachine, presets, proposalMachine } from '@banli/core';
import { seedAssignment132402 } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import {
  coverageFromHistory,
  defineScenarioTests,
  runScenario,
  type Scenario,
  type ScenarioStep,
  type SdkPathSet,
  sdkPathScenarios,
} from '../src/index.js';

// Issue 17 item 7: enumerated paths as runnable SDK scenarios (every shortest path through createBanli).

const sole = sdkPathScenarios();
const joint = sdkPathScenarios({
  name: 'jointPath',
  assignment: { ...seedAssignment132402, coUnits: seedAssignment132402.coUnits.slice(0, 2) },
  policy: { ...presets.guangdongCity, id: 'test-countersign', requireCountersign: true, requireSupervisorReview: true },
});

const sendTypes = (set: SdkPathSet) =>
  new Set(set.paths.flatMap((p) => p.steps.flatMap((s) => ('send' in s ? [s.send.type] : []))));
const lastExpect = (s: Scenario) => s.steps.at(-1)?.expect;

describe('sdkPathScenarios', () => {
  it('should give one shortest path per state reached, each a prefix-closed tree whose leaves run them all', () => {
    for (const set of [sole, joint]) {
      expect(set.truncated).toBe(false);
      expect(set.paths).toHaveLength(set.states);
      // Every path but the first (the submission alone) extends a shorter one by exactly one step.
      const written = new Set(set.paths.map((p) => JSON.stringify(p.steps)));
      for (const p of set.paths.slice(1)) expect(written.has(JSON.stringify(p.steps.slice(0, -1)))).toBe(true);
      // Every path is the prefix of a leaf, so running the leaves runs every path.
      const leaves = set.leaves.map((l) => JSON.stringify(l.steps).slice(0, -1));
      for (const p of set.paths) {
        const prefix = JSON.stringify(p.steps).slice(0, -1);
        expect(leaves.some((l) => l.startsWith(prefix))).toBe(true);
      }
      // Steps are dated in order and every one states the proposal's state it reaches.
      for (const p of set.paths) {
        const dates = p.steps.map((s) => s.on);
        expect([...dates].sort()).toEqual(dates);
        for (const s of p.steps) expect(s.expect?.proposal).toEqual(expect.any(String));
      }
    }
  });

  it('should reach the ends of handling (archived, rejected, converted, withdrawn) and re-handling', () => {
    const ends = new Set(sole.paths.map((p) => lastExpect(p)?.proposal));
    for (const end of ['archived', 'rejected', 'converted', 'withdrawn']) expect(ends).toContain(end);
    const caseStates = new Set(sole.paths.flatMap((p) => Object.values(lastExpect(p)?.cases ?? {})));
    for (const s of ['adjustmentRequested', 'replied.dissatisfied', 'rehandling', 'closed', 'terminated'])
      expect(caseStates).toContain(s);
    // The joint configuration adds the co-units' opinions and countersignatures and the supervisor's review.
    for (const type of ['coUnit.submitOpinion', 'countersign.approve', 'supervisor.approve'])
      expect(sendTypes(joint)).toContain(type);
    expect(sendTypes(sole)).not.toContain('countersign.approve');
  });

  it('should cover more of the case machine through the SDK than the ten fixtures do', async () => {
    const runs = await Promise.all([...sole.leaves, ...joint.leaves].map((s) => runScenario(s)));
    expect(runs.flatMap((r) => r.failures)).toEqual([]);
    const histories = runs.map((r) => r.history);
    const kase = coverageFromHistory(caseMachine, 'case', histories);
    const proposal = coverageFromHistory(proposalMachine, 'proposal', histories);
    expect(kase.unknown).toEqual([]);
    // The ten fixtures take 27 of 76 case transitions and 16 of 34 proposal transitions (README).
    expect(kase.transitions.covered).toBeGreaterThan(27);
    for (const end of ['reject|proposal.lifecycle.rejected', 'convert|proposal.lifecycle.converted'])
      expect(proposal.transitions.missing).not.toContain(`proposal.lifecycle.review|review.${end}`);
  });
});

describe('every shortest SDK path, sole assignment (guangdongCity)', () => {
  defineScenarioTests(sole.leaves, { it });
});

describe('every shortest SDK path, joint assignment with countersignature and supervisor', () => {
  defineScenarioTests(joint.leaves, { it });
});

describe('defineScenarioTests', () => {
  it('should register one test per scenario that fails with the formatted failures', async () => {
    const registered: { name: string; fn: () => Promise<void> }[] = [];
    const [first] = sole.leaves;
    if (!first) throw new Error('no path');
    // A wrong expectation on the last step: the registered test must fail and name it.
    const wrong: Scenario = {
      ...first,
      steps: [
        ...first.steps.slice(0, -1),
        { ...(first.steps.at(-1) as ScenarioStep), expect: { proposal: 'archived' } },
      ],
    };
    defineScenarioTests([first, wrong], { it: (name, fn) => registered.push({ name, fn }) });
    expect(registered.map((r) => r.name)).toEqual([first.name, first.name]);
    await registered[0]?.fn();
    await expect(registered[1]?.fn()).rejects.toThrow(/archived/);
  });
});
