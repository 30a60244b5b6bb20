import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { assertScenario, defineScenario, notRegistered, runScenario } from '../src/index.js';

const wrong = defineScenario({
  name: 'wrongExpectations',
  title: { 'zh-CN': '错误的预期', en: 'Wrong expectations' },
  proposal: seedProposal132402,
  steps: [
    { on: '2023-02-20', by: 'proposer', submit: true, expect: { proposal: 'review' } },
    { on: '2023-02-21', by: 'committee', send: { type: 'proposal.archive' } },
  ],
  outcome: { proposal: 'archived' },
});

describe('runScenario', () => {
  it('should record a timeline line per step with actor, event and state', async () => {
    const run = await runScenario(notRegistered);
    expect(run.timeline.map((e) => [e.date, e.actor?.role, e.event, e.proposal])).toEqual([
      ['2023-02-20', 'proposer', 'proposal.submit', 'submitted'],
      ['2023-02-21', 'committee', 'review.start', 'review'],
      ['2023-02-24', 'committee', 'review.reject', 'rejected'],
      ['2023-03-01', 'assigningOffice', 'assignment.assign', 'rejected'],
    ]);
    expect(run.timeline[3]?.refused).toBe('TRANSITION_REFUSED');
  });

  it('should list every expectation that does not hold, including unexpected refusals', async () => {
    const run = await runScenario(wrong);
    expect(run.failures.map((f) => [f.check, f.at?.step, f.expected, f.actual])).toEqual([
      ['proposal', 1, 'review', 'submitted'],
      ['unexpectedRefusal', 2, 'accepted', 'TRANSITION_REFUSED'],
      ['proposal', undefined, 'archived', 'submitted'],
    ]);
  });
});

describe('assertScenario', () => {
  it('should throw a bilingual SCENARIO_FAILED error naming the scenario', async () => {
    await expect(assertScenario(wrong)).rejects.toMatchObject({
      code: 'SCENARIO_FAILED',
      messages: {
        'zh-CN': expect.stringContaining('场景 wrongExpectations 未通过'),
        en: expect.stringContaining(
          'Scenario wrongExpectations failed:\n✗ step 1 (written step 1, test/runScenario.test.ts:',
        ),
      },
    });
  });
});
