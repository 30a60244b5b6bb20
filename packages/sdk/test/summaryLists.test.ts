import type { CaseSummary, HandlingSummary } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { summaryLists } from '../src/internal/summaryLists.js';
import { retainedBytesEach } from './support/retainedBytes.js';

// Issue 19, scaling: the summary row's lists were grown by `push`, 17 slots for a first entry (about 184 bytes for a
// list of one instead of 56), and the in-memory store keeps a stream's summary until its next command.

/** A summary of a proposal with a lead case at `unitId`, a proposal tag and a case tag. */
function summaryWith(unitId: string): HandlingSummary {
  const value = { lifecycle: 'handling', publication: 'pendingReply', timeliness: 'onTime' };
  const c = {
    caseId: 'p1/u',
    unitId,
    unitName: 'U',
    role: 'lead',
    value,
    tags: ['clock.running'],
    round: 1,
    feedback: [],
  };
  return {
    proposalId: 'p1',
    value: { lifecycle: 'inHandling', timeliness: 'onTime' },
    tags: ['awaitingUnit'],
    cases: [c as unknown as CaseSummary],
  };
}

describe('summary lists (issue 19, scaling)', () => {
  it('should list case states, tags and units in first-seen order without repeats', () => {
    const summary = summaryWith('u1');
    const lists = summaryLists(summary, { proposal: 'x', cases: {} }, true, ['u2', 'u1']);
    expect(lists.tags).toEqual(['awaitingUnit', 'provisional', 'clock.running']);
    expect(lists.unitIds).toEqual(['u1', 'u2']);
    expect(lists.caseStates.length).toBeGreaterThan(0);
    expect(new Set(lists.caseStates).size).toBe(lists.caseStates.length);
  });

  it('should keep each list at its size: a list of one takes about 56 bytes, not the 184 of one grown by push', () => {
    const summary = summaryWith('u1');
    const view = { proposal: 'x', cases: {} };
    for (const key of ['unitIds', 'tags', 'caseStates'] as const) {
      const length = summaryLists(summary, view, false, [])[key].length;
      const bytes = retainedBytesEach(() => summaryLists(summary, view, false, [])[key]);
      // An array (32 bytes) and its backing store (16 + 8 a slot); 24 bytes of slack for the measure.
      expect(bytes, `${key} of ${length}`).toBeLessThan(48 + 8 * length + 24);
    }
  });
});
