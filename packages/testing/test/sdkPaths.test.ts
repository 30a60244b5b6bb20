import { caseMachine, createHandlingSystem, type Policy, presets, proposalMachine } from '@banli/core';
import { sampleSplitAssignment, seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import {
  coverageFromHistory,
  createTestHarness,
  defineScenarioTests,
  runScenario,
  type Scenario,
  type ScenarioRun,
  type ScenarioStep,
  type SdkPathSet,
  sdkPathScenarios,
  transitionIds,
} from '../src/index.js';
import { pathSetSentences, quotedLike } from './support/readmeFigures.js';

// Issue 17 item 7: enumerated paths as runnable SDK scenarios (through createBanli), with the scheduler's ticks, B and
// C letters and their follow-up, 并案 both ways and signature withdrawal in the alphabet.

const jointPolicy: Policy = {
  ...presets.guangdongCity,
  id: 'test-countersign',
  requireCountersign: true,
  requireSupervisorReview: true,
};
const sole = sdkPathScenarios();
const joint = sdkPathScenarios({
  name: 'jointPath',
  assignment: { ...seedAssignment132402, coUnits: seedAssignment132402.coUnits.slice(0, 2) },
  policy: jointPolicy,
});
// The alphabet before ticks and 并案 were added (user commands only).
const commandsOnly = sdkPathScenarios({ name: 'commandsOnly', moves: { ticks: false, merge: false } });

/** Runs scenarios on one engine (a fresh harness each) and returns the runs. */
async function runOn(engine: 'compiled' | 'xstate', scenarios: readonly Scenario[], policy?: Policy) {
  const runs: ScenarioRun[] = [];
  for (const scenario of scenarios) {
    const harness = createTestHarness({
      start: '2023-02-20',
      ...(policy ? { policy } : {}),
      banli: { createSystem: ({ policy, calendar }) => createHandlingSystem({ policy, calendar, engine }) as never },
    });
    try {
      runs.push(await runScenario(scenario, { harness }));
    } finally {
      await harness.dispose();
    }
  }
  return runs;
}

const sendTypes = (set: SdkPathSet) =>
  new Set(set.paths.flatMap((p) => p.steps.flatMap((s) => ('send' in s ? [s.send.type] : []))));
const lastExpect = (s: Scenario) => s.steps.at(-1)?.expect;

describe('sdkPathScenarios', () => {
  it('should be quoted in the README with the sole assignment’s figures as they are today', () => {
    for (const sentence of pathSetSentences(sole)) expect(quotedLike(sentence)).toBe(sentence);
  });

  it('should give one shortest path per state reached, each a prefix-closed tree whose leaves run them all', () => {
    for (const set of [sole, joint, commandsOnly]) {
      expect(set.truncated).toBe(false);
      expect(set.paths).toHaveLength(set.states);
      const written = new Set(set.paths.map((p) => JSON.stringify(p.steps)));
      const parents = new Set(set.paths.map((p) => JSON.stringify(p.steps.slice(0, -1))));
      const leaves = new Set(set.leaves.map((l) => JSON.stringify(l.steps)));
      // Every path but the first (the submissions alone) extends a shorter one by exactly one step.
      for (const p of set.paths.slice(1)) expect(written.has(JSON.stringify(p.steps.slice(0, -1)))).toBe(true);
      // A path is a leaf exactly when no path extends it, so running the leaves runs every path.
      for (const p of set.paths)
        expect(leaves.has(JSON.stringify(p.steps))).toBe(!parents.has(JSON.stringify(p.steps)));
      // Steps are dated in order (a tick may share its date with the step before) and state the proposal's state.
      for (const p of set.paths) {
        const dates = p.steps.map((s) => s.on);
        expect([...dates].sort()).toEqual(dates);
        for (const s of p.steps) expect(s.expect?.proposal).toEqual(expect.any(String));
      }
    }
  });

  it('should reach the ends of handling (archived, rejected, converted, withdrawn, merged) and re-handling', () => {
    const ends = new Set(sole.paths.map((p) => lastExpect(p)?.proposal));
    for (const end of ['archived', 'rejected', 'converted', 'withdrawn', 'merged']) expect(ends).toContain(end);
    const caseStates = new Set(sole.paths.flatMap((p) => Object.values(lastExpect(p)?.cases ?? {})));
    for (const s of ['adjustmentRequested', 'replied.dissatisfied', 'replied.followUp', 'rehandling', 'closed'])
      expect(caseStates).toContain(s);
    // The joint configuration adds the co-units' opinions and countersignatures and the supervisor's review.
    for (const type of ['coUnit.submitOpinion', 'countersign.approve', 'supervisor.approve'])
      expect(sendTypes(joint)).toContain(type);
    // A change the countersigner asks for goes back to a drafting state already reached: an edge, in the covering suite.
    const lastSent = (p: Scenario) => {
      const last = p.steps.at(-1);
      return last && 'send' in last ? last.send.type : undefined;
    };
    expect(joint.covering.map(lastSent)).toContain('countersign.requestChanges');
    expect(sendTypes(sole)).not.toContain('countersign.approve');
  });

  it('should leave ticks and 并案 out when the moves are switched off, and date each tick after a due date', () => {
    const steps = (set: SdkPathSet) => set.paths.flatMap((p) => p.steps);
    expect(steps(commandsOnly).some((s) => 'tick' in s)).toBe(false);
    expect(steps(commandsOnly).some((s) => 'proposal' in s || ('proposalId' in s && s.proposalId))).toBe(false);
    expect(sendTypes(commandsOnly)).not.toContain('review.merge');
    const ticked = sole.paths.filter((p) => p.steps.at(-1) && 'tick' in (p.steps.at(-1) as ScenarioStep));
    expect(ticked.length).toBeGreaterThan(0);
    // A tick jumps past a due date: it is dated after the step before it (a command is one working day later).
    for (const p of ticked)
      expect((p.steps.at(-1) as ScenarioStep).on > (p.steps.at(-2) as ScenarioStep).on).toBe(true);
    // Every path with 并案 on starts with the other item's submission and review, sent to that item.
    const partner = `${seedProposal132402.id}-merge`;
    for (const p of sole.paths.slice(0, 5)) {
      expect(p.steps[1]).toMatchObject({ submit: true, proposal: { id: partner } });
      expect(p.steps[2]).toMatchObject({ proposalId: partner, send: { type: 'review.start' } });
    }
  });

  it('should cover more of the case machine through the SDK than the ten fixtures do', async () => {
    const runs = await Promise.all(commandsOnly.covering.map((s) => runScenario(s)));
    expect(runs.flatMap((r) => r.failures)).toEqual([]);
    const histories = runs.map((r) => r.history);
    const kase = coverageFromHistory(caseMachine, 'case', histories);
    const proposal = coverageFromHistory(proposalMachine, 'proposal', histories);
    expect(kase.unknown).toEqual([]);
    // The ten fixtures take 27 of the case machine's transitions (README; historyCoverage checks the figure).
    expect(kase.transitions.covered).toBeGreaterThan(27);
    for (const end of ['reject|proposal.lifecycle.rejected', 'convert|proposal.lifecycle.converted'])
      expect(proposal.transitions.missing).not.toContain(`proposal.lifecycle.review|review.${end}`);
  });
});

// The transitions the alphabet's additions open, as `transitionIds` writes them.
const NEW_TRANSITIONS = {
  // The scheduler: a reply deadline missed (and the miss carried), a B commitment's feedback period ending.
  ticks: [
    'case.timeliness.onTime|deadline.elapsed|case.timeliness.overdue',
    'case.timeliness.overdue|deadline.elapsed|case.timeliness.overdue',
    'case.lifecycle.replied.awaitingFeedback|deadline.elapsed|case.lifecycle.replied.followUp',
  ],
  // B and C letters: the follow-up a B commitment owes and its second reply; the publication branches of the modes.
  letters: [
    'case.lifecycle.replied.awaitingFeedback|always|case.lifecycle.replied.followUp',
    'case.lifecycle.replied.dissatisfied|always|case.lifecycle.replied.followUp',
    'case.lifecycle.replied.followUp|followUp.reply|case.lifecycle.closed',
    'case.lifecycle.replied.followUp|case.overrideClose|case.lifecycle.closed',
    'case.publication.pendingReply|always|case.publication.onRequest',
    'case.publication.pendingReply|always|case.publication.withheld',
    'case.publication.onRequest|publication.disclose|case.publication.onRequest',
  ],
  // 并案 both ways: this item merged into the other, the other merged into this one (and into its case).
  merge: [
    'proposal.lifecycle.review|review.merge|proposal.lifecycle.merged',
    'proposal.lifecycle.review|proposal.addMergedItem|proposal.lifecycle.review',
    'proposal.lifecycle.inHandling|proposal.addMergedItem|proposal.lifecycle.inHandling',
    'case.lifecycle|case.addMergedItem|case.lifecycle',
  ],
  // A co-signer withdraws their signature, before and during handling (and the case drops them).
  signatures: [
    'proposal.lifecycle.review|proposal.withdrawSignature|proposal.lifecycle.review',
    'proposal.lifecycle.inHandling|proposal.withdrawSignature|proposal.lifecycle.inHandling',
    'case.lifecycle|case.dropProposer|case.lifecycle',
  ],
};

describe('the extended path alphabet, through the SDK', () => {
  it('should take the ticks, B/C letter, 并案 and signature-withdrawal transitions, as the xstate engine logs them', async () => {
    const runs = await runOn('xstate', sole.covering);
    expect(runs.flatMap((r) => r.failures)).toEqual([]);
    const histories = runs.map((r) => r.history);
    const covered = [
      ...transitionIds(proposalMachine).filter(
        (t) => !coverageFromHistory(proposalMachine, 'proposal', histories).transitions.missing.includes(t),
      ),
      ...transitionIds(caseMachine).filter(
        (t) => !coverageFromHistory(caseMachine, 'case', histories).transitions.missing.includes(t),
      ),
    ];
    for (const [group, ids] of Object.entries(NEW_TRANSITIONS))
      for (const id of ids) expect({ group, id, covered: covered.includes(id) }).toEqual({ group, id, covered: true });
    // The ticks and 并案 moves are what open theirs: the user commands alone take none of them.
    for (const id of [...NEW_TRANSITIONS.ticks, ...NEW_TRANSITIONS.merge])
      expect([...commandsOnly.transitions.proposal, ...commandsOnly.transitions.case]).not.toContain(id);
  });

  it('should report the coverage the exploration counted: the SDK log on the other engine agrees, transition for transition', async () => {
    for (const [set, policy] of [
      [sole, undefined],
      [joint, jointPolicy],
    ] as const) {
      // The exploration ran the compiled coordinator; the covering suite runs through createBanli on xstate.
      const runs = await runOn('xstate', set.covering, policy);
      expect(runs.flatMap((r) => r.failures)).toEqual([]);
      const histories = runs.map((r) => r.history);
      const kase = coverageFromHistory(caseMachine, 'case', histories);
      const proposal = coverageFromHistory(proposalMachine, 'proposal', histories);
      expect(kase.unknown).toEqual([]);
      const coveredOf = (all: string[], missing: string[]) => all.filter((t) => !missing.includes(t)).sort();
      expect(coveredOf(transitionIds(caseMachine), kase.transitions.missing)).toEqual(set.transitions.case);
      expect(coveredOf(transitionIds(proposalMachine), proposal.transitions.missing)).toEqual(set.transitions.proposal);
      expect(kase.transitions.covered).toBe(set.transitions.case.length);
      expect(proposal.transitions.covered).toBe(set.transitions.proposal.length);
    }
    // A short suite: far fewer scenarios than leaves. The extended alphabet takes more of both machines than the user
    // commands alone.
    for (const set of [sole, joint]) expect(set.covering.length * 10).toBeLessThan(set.leaves.length);
    expect(sole.transitions.case.length).toBeGreaterThan(commandsOnly.transitions.case.length);
    expect(sole.transitions.proposal.length).toBeGreaterThan(commandsOnly.transitions.proposal.length);
  });
});

// Issue 17 (the path alphabet's remainder): paths start at the item's creation as a draft, and case.terminate (a
// withdrawal ending the cases) is reached from every case state that has it.
const DRAFT_TRANSITIONS = [
  'proposal.lifecycle.draft|proposal.submit|proposal.lifecycle.submitted',
  'proposal.lifecycle.draft|proposal.withdraw|proposal.lifecycle.withdrawn',
  'proposal.lifecycle.draft|proposal.withdrawSignature|proposal.lifecycle.draft',
];
// The user commands alone, starting submitted (the alphabet before drafts): compared with `commandsOnly`.
const submittedStart = sdkPathScenarios({
  name: 'submittedStart',
  moves: { ticks: false, merge: false, draft: false },
});
// Two units that each reply (分办), one proposer: a withdrawal while one unit has replied and the other has not.
const splitOne = sdkPathScenarios({
  name: 'splitPath',
  proposal: { ...seedProposal132402, proposers: seedProposal132402.proposers.filter((p) => p.first) },
  assignment: sampleSplitAssignment,
  moves: { ticks: false, merge: false, draft: false },
  maxStates: 1500,
});
const terminates = (set: SdkPathSet) => set.transitions.case.filter((t) => t.includes('|case.terminate|'));
// The events sent to the item itself (not to the 并案 partner).
const sentTypes = (s: Scenario) => s.steps.flatMap((x) => ('send' in x && !x.proposalId ? [x.send.type] : []));

describe('draft and withdrawal paths', () => {
  it('should start every path with the item created as a draft, and submit, withdraw or drop a signature from there', () => {
    for (const p of sole.paths) expect(p.steps[0]).toMatchObject({ submit: true, draft: true });
    for (const t of DRAFT_TRANSITIONS) {
      expect(sole.transitions.proposal).toContain(t);
      expect(commandsOnly.transitions.proposal).toContain(t);
    }
    // Submitted at creation (the alphabet before): the draft's own transitions are never taken.
    for (const p of submittedStart.paths) expect(p.steps[0]).not.toHaveProperty('draft');
    for (const t of DRAFT_TRANSITIONS.slice(1)) expect(submittedStart.transitions.proposal).not.toContain(t);
    expect(commandsOnly.states).toBeGreaterThan(submittedStart.states);
    const withdrawnDraft = sole.paths.find((p) => sentTypes(p).join() === 'proposal.withdraw');
    expect(withdrawnDraft?.steps.at(-1)?.expect?.proposal).toBe('withdrawn');
  });

  it('should run the draft paths through the SDK and credit the draft transitions in its log', async () => {
    const drafts = sole.covering.filter((s) => sentTypes(s)[0] !== 'proposal.submit');
    expect(drafts.length).toBeGreaterThan(0);
    const runs = await runOn('xstate', drafts);
    expect(runs.flatMap((r) => r.failures)).toEqual([]);
    const report = coverageFromHistory(
      proposalMachine,
      'proposal',
      runs.map((r) => r.history),
    );
    for (const t of DRAFT_TRANSITIONS.slice(1)) expect(report.transitions.missing).not.toContain(t);
  });

  it('should reach case.terminate from every case state that has it: sole, joint and split assignments together', () => {
    const all = transitionIds(caseMachine).filter((t) => t.includes('|case.terminate|'));
    expect(all).toHaveLength(11);
    const reached = new Set([...terminates(sole), ...terminates(joint), ...terminates(splitOne)]);
    expect([...reached].sort()).toEqual([...all].sort());
    // The replied and re-handling ones need a second unit still handling (the proposal is not yet answered).
    for (const state of ['replied.awaitingFeedback', 'replied.dissatisfied', 'replied.followUp', 'rehandling'])
      expect(terminates(splitOne)).toContain(`case.lifecycle.${state}|case.terminate|case.lifecycle.terminated`);
    for (const state of ['countersigning', 'supervisorReview'])
      expect(terminates(joint)).toContain(`case.lifecycle.${state}|case.terminate|case.lifecycle.terminated`);
  });

  it('should terminate split cases through the SDK, as the exploration counted', async () => {
    const withdrawn = splitOne.covering.filter((s) => sentTypes(s).includes('proposal.withdraw'));
    const runs = await runOn('compiled', withdrawn);
    expect(runs.flatMap((r) => r.failures)).toEqual([]);
    const kase = coverageFromHistory(
      caseMachine,
      'case',
      runs.map((r) => r.history),
    );
    const covered = terminates(splitOne).filter((t) => !kase.transitions.missing.includes(t));
    expect(covered.sort()).toEqual(terminates(splitOne).sort());
  });
});

describe('the covering SDK paths, sole assignment (guangdongCity)', () => {
  defineScenarioTests(sole.covering, { it });
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
