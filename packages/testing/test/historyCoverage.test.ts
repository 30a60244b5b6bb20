import { caseMachine, createHandlingSystem, proposalMachine } from '@banli/core';
import type { StoredEvent } from '@banli/sdk';
import { describe, expect, it } from 'vitest';
import {
  activeIdsOfValue,
  allScenarios,
  coverageFromHistory,
  createTestHarness,
  defineScenario,
  runScenario,
  type Scenario,
  seedCase132402,
  transitionIds,
} from '../src/index.js';
import { fixtureCoverageSentence, quotedLike } from './support/readmeFigures.js';

const lead = 'zs-commerce';
const tickAfterReply = seedCase132402.steps.findIndex((s) => 'tick' in s && s.tick === true);

/** The seed case up to its reply, then no feedback: the office closes the case once the feedback period is over. */
const closedWithoutFeedback = defineScenario({
  name: 'closedWithoutFeedback',
  title: {
    'zh-CN': '答复后未反馈，反馈期满后结案',
    en: 'No feedback after the reply: closed after the feedback period',
  },
  proposal: seedCase132402.proposal,
  officeUnitId: seedCase132402.officeUnitId,
  steps: [
    ...seedCase132402.steps.slice(0, tickAfterReply + 1),
    {
      on: '2023-10-09',
      by: 'office',
      case: lead,
      send: { type: 'case.close' },
      expect: { cases: { [lead]: 'closed' } },
    },
  ],
});

/** Runs a scenario on one engine and returns its stored log. */
async function historyOn(engine: 'compiled' | 'xstate', scenario: Scenario): Promise<StoredEvent[]> {
  const harness = createTestHarness({
    start: '2023-02-20',
    banli: { createSystem: ({ policy, calendar }) => createHandlingSystem({ policy, calendar, engine }) as never },
  });
  try {
    const run = await runScenario(scenario, { harness });
    expect(run.failures).toEqual([]);
    return run.history;
  } finally {
    await harness.dispose();
  }
}

const FEEDBACK_CLOSES = 'case.lifecycle.replied.awaitingFeedback|always|case.lifecycle.closed';
const OFFICE_CLOSES = 'case.lifecycle.replied.awaitingFeedback|case.close|case.lifecycle.closed';
const DUE_DATES = 'case|always|case';

describe('activeIdsOfValue', () => {
  it('should list the machine, every region and every active state of a value', () => {
    expect(activeIdsOfValue('case', { lifecycle: { replied: 'followUp' }, timeliness: 'onTime' })).toEqual([
      'case',
      'case.lifecycle',
      'case.lifecycle.replied',
      'case.lifecycle.replied.followUp',
      'case.timeliness',
      'case.timeliness.onTime',
    ]);
  });
});

describe('coverageFromHistory', () => {
  it('should credit the seed case with its own transitions and not with the ones it never took', async () => {
    const run = await runScenario(seedCase132402);
    const proposal = coverageFromHistory(proposalMachine, 'proposal', [run.history]);
    const missing = new Set(proposal.transitions.missing);
    expect(missing.has('proposal.lifecycle.review|review.register|proposal.lifecycle.registered')).toBe(false);
    expect(missing.has('proposal.lifecycle.assigned|case.accepted|proposal.lifecycle.inHandling')).toBe(false);
    expect(missing.has('proposal.lifecycle.review|review.reject|proposal.lifecycle.rejected')).toBe(true);
    const kase = coverageFromHistory(caseMachine, 'case', [run.history]);
    expect(kase.transitions.missing).toContain('case.lifecycle.handling|case.requestExtension|case.lifecycle.handling');
    expect(kase.transitions.missing).not.toContain('case.lifecycle.signOff|signOff.approve|case.lifecycle.replied');
  });

  it('should cover more with every fixture than with the seed case alone', async () => {
    const runs = await Promise.all(allScenarios.map((s) => runScenario(s)));
    const seedOnly = coverageFromHistory(caseMachine, 'case', [runs[0]?.history ?? []]);
    const all = coverageFromHistory(
      caseMachine,
      'case',
      runs.map((r) => r.history),
    );
    expect(all.transitions.covered).toBeGreaterThan(seedOnly.transitions.covered);
    expect(all.transitions.missing).not.toContain(
      'case.lifecycle.handling|case.requestExtension|case.lifecycle.handling',
    );
  });

  it('should be quoted in the README as the fixtures take it today (the figures fail here when they drift)', async () => {
    const histories = (await Promise.all(allScenarios.map((s) => runScenario(s)))).map((r) => r.history);
    const sentence = fixtureCoverageSentence(
      allScenarios.length,
      coverageFromHistory(caseMachine, 'case', histories),
      coverageFromHistory(proposalMachine, 'proposal', histories),
    );
    expect(quotedLike(sentence)).toBe(sentence);
  });
});

describe('coverageFromHistory reads the transitions the engine logged (issue 17 item 1)', () => {
  it('should name transitions as the machine defines them', () => {
    const ids = transitionIds(caseMachine);
    for (const id of [FEEDBACK_CLOSES, OFFICE_CLOSES, DUE_DATES]) expect(ids).toContain(id);
  });

  for (const engine of ['compiled', 'xstate'] as const) {
    it(`should not credit a case closed without feedback with the positive-feedback close (${engine})`, async () => {
      const report = coverageFromHistory(caseMachine, 'case', [await historyOn(engine, closedWithoutFeedback)]);
      // Closing needs every proposer's positive feedback on this path: none came, so it never ran.
      expect(report.transitions.missing).toContain(FEEDBACK_CLOSES);
      expect(report.transitions.missing).not.toContain(OFFICE_CLOSES);
      expect(report.unknown).toEqual([]);
    });

    it(`should credit the due-date computation every case runs on opening (${engine})`, async () => {
      const report = coverageFromHistory(caseMachine, 'case', [await historyOn(engine, seedCase132402)]);
      expect(report.transitions.missing).not.toContain(DUE_DATES);
      // The seed case's proposers all answered satisfied: there the positive-feedback close did run.
      expect(report.transitions.missing).not.toContain(FEEDBACK_CLOSES);
      expect(report.transitions.missing).toContain(OFFICE_CLOSES);
    });
  }

  it('should report the same coverage from a compiled-engine log as from an xstate log', async () => {
    for (const scenario of [seedCase132402, closedWithoutFeedback]) {
      const compiled = await historyOn('compiled', scenario);
      const xstate = await historyOn('xstate', scenario);
      expect(compiled.map((e) => e.transitions)).toEqual(xstate.map((e) => e.transitions));
      for (const [machine, kind] of [
        [caseMachine, 'case'],
        [proposalMachine, 'proposal'],
      ] as const)
        expect(coverageFromHistory(machine, kind, [compiled])).toEqual(coverageFromHistory(machine, kind, [xstate]));
    }
  });

  it('should report entries logged without transitions as unknown and credit nothing from them', async () => {
    const history = await historyOn('compiled', seedCase132402);
    // As an older release logged them: no `transitions` field.
    const old = history.map(({ transitions: _, ...entry }) => entry as StoredEvent);
    const report = coverageFromHistory(caseMachine, 'case', [old]);
    expect(report.unknown).toEqual(old.map((e) => ({ streamId: e.streamId, version: e.version, type: e.type })));
    expect(report.transitions.covered).toBe(0);
    // States are read from each entry's state after it, which old entries have.
    expect(report.states.covered).toBe(coverageFromHistory(caseMachine, 'case', [history]).states.covered);
    // A log mixing old and new entries credits only what the new ones recorded.
    const mixed = [...old.slice(0, 4), ...history.slice(4)];
    const partial = coverageFromHistory(caseMachine, 'case', [mixed]);
    expect(partial.unknown.map((u) => u.version)).toEqual([1, 2, 3, 4]);
    expect(partial.transitions.missing).not.toContain(DUE_DATES);
    const proposal = coverageFromHistory(proposalMachine, 'proposal', [mixed]);
    // Version 4 (review.register) is an old entry: its transition is not guessed from the states around it.
    expect(proposal.transitions.missing).toContain(
      'proposal.lifecycle.review|review.register|proposal.lifecycle.registered',
    );
    expect(proposal.transitions.missing).not.toContain(
      'proposal.lifecycle.registered|assignment.assign|proposal.lifecycle.assigned',
    );
  });
});
