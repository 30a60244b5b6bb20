import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, seedCase132402 } from '../src/index.js';

const seedLetter = readFileSync(
  new URL('../../schemas/test/fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url),
  'utf8',
);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('seedCase132402', () => {
  it('should run from submission to archive and issue the seed letter', async () => {
    const run = await runScenario(seedCase132402);
    expect(run.failures).toEqual([]);
    const letter = Object.values(run.letters)[0];
    expect(squash(letter?.text ?? '')).toBe(squash(seedLetter));
    expect(run.statistics.totals).toMatchObject({ cases: 1, repliedOnTime: 1, onTimeRate: 1 });
    expect(run.timeline.at(-1)).toMatchObject({ event: 'proposal.archive', proposal: 'archived' });
  });
});
