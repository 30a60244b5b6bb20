import { describe, expect, it } from 'vitest';
import {
  adjustmentReassigned,
  dissatisfiedThenSatisfied,
  extensionApproved,
  followUpClassB,
  mergedIntoAnother,
  missedCoOpinion,
  notRegistered,
  runScenario,
  seedCase132402,
  splitTwoReplies,
  withdrawnDuringHandling,
} from '../src/index.js';

const all = [
  notRegistered,
  mergedIntoAnother,
  withdrawnDuringHandling,
  splitTwoReplies,
  adjustmentReassigned,
  extensionApproved,
  missedCoOpinion,
  dissatisfiedThenSatisfied,
  followUpClassB,
];

describe('scenario fixtures', () => {
  it.each(all.map((s) => [s.name, s] as const))('should pass %s', async (_, scenario) => {
    const run = await runScenario(scenario);
    expect(run.failures).toEqual([]);
  });
});

describe('scenario titles', () => {
  it('should have a zh-CN and an en title on every fixture, with unique names', () => {
    for (const s of [seedCase132402, ...all]) {
      expect(s.title['zh-CN'].trim(), s.name).not.toBe('');
      expect(s.title.en.trim(), s.name).not.toBe('');
    }
    expect(new Set([seedCase132402, ...all].map((s) => s.name)).size).toBe(all.length + 1);
  });
});
