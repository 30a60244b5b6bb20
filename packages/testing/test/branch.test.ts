import { describe, expect, it } from 'vitest';
import { branchScenario, runScenario, seedCase132402 } from '../src/index.js';

const lead = 'zs-commerce';

describe('branchScenario', () => {
  it('should run the base up to a step and then the branch, leaving the base unchanged', async () => {
    const length = seedCase132402.steps.length;
    const branch = branchScenario(seedCase132402, {
      name: 'seedAdjusted',
      title: { 'zh-CN': '改为申请调整', en: 'Asks for adjustment instead' },
      before: (s) => 'send' in s && s.send.type === 'case.accept',
      steps: [
        {
          on: '2023-03-16',
          by: `unit:${lead}`,
          case: lead,
          send: { type: 'case.requestAdjustment', reason: '不属本单位职能' },
          expect: { cases: { [lead]: 'adjustmentRequested' }, emitted: ['adjustment.requested'] },
        },
      ],
      outcome: { proposal: 'assigned' },
    });
    expect(seedCase132402.steps).toHaveLength(length);
    expect(branch.steps).toHaveLength(5);
    const run = await runScenario(branch);
    expect(run.failures).toEqual([]);
    expect(run.timeline.map((t) => t.event)).toEqual([
      'proposal.submit',
      'review.start',
      'review.register',
      'assignment.assign',
      'case.requestAdjustment',
    ]);
  });

  it('should branch before a step number and refuse a point the base does not have', () => {
    const early = branchScenario(seedCase132402, {
      name: 'b',
      title: { 'zh-CN': 'b', en: 'b' },
      before: 3,
      steps: [],
    });
    expect(early.steps.map((s) => s.on)).toEqual(['2023-02-20', '2023-02-21']);
    expect(early.outcome).toBeUndefined();
    expect(() =>
      branchScenario(seedCase132402, { name: 'x', title: { 'zh-CN': 'x', en: 'x' }, before: () => false, steps: [] }),
    ).toThrow(RangeError);
  });
});
