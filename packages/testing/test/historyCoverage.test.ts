import { caseMachine, proposalMachine } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { activeIdsOfValue, allScenarios, coverageFromHistory, runScenario, seedCase132402 } from '../src/index.js';

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
});
