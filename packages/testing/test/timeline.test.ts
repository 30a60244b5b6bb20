import { describe, expect, it } from 'vitest';
import { createTestHarness, runScenario, seedCase132402, timelineFromHistory } from '../src/index.js';

describe('timelineFromHistory', () => {
  it('should rebuild from the stored log the same lines the scenario run reported', async () => {
    await using h = createTestHarness({ start: '2023-02-20' });
    const run = await runScenario(seedCase132402, { harness: h });
    const stored = timelineFromHistory(await h.banli.history(seedCase132402.proposal.id));
    const pick = (e: (typeof stored)[number]) => [
      e.date,
      e.event,
      e.actor?.role,
      e.caseId,
      e.proposal,
      e.cases,
      e.deadlines,
    ];
    expect(stored.map(pick)).toEqual(run.timeline.filter((e) => e.event !== 'tick').map(pick));
  });
});
