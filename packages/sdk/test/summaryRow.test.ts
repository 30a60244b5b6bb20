import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { queryableStates, queryableStatesOf } from '../src/internal/stateView.js';
import { seedActors, seedBanli, seedId } from './support/seedBanli.js';

describe('queryable state names, remembered per state value', () => {
  const values = [
    'draft',
    { lifecycle: 'inHandling', timeliness: 'onTime' },
    { handling: { extension: 'pending' }, co: 'waiting' },
    { lifecycle: { review: 'checking' }, timeliness: 'overdue' },
  ];

  it('gives what queryableStates gives, the same read-only list for the same value', () => {
    for (const value of values) {
      const names = queryableStatesOf(value);
      expect(names).toEqual(queryableStates(value));
      expect(queryableStatesOf(value)).toBe(names);
      expect(Object.isFrozen(names)).toBe(true);
      expect(() => (names as string[]).push('x')).toThrow(TypeError);
    }
    // A string value is remembered by its text; an object by identity (an equal object is worked out again, equally).
    expect(queryableStatesOf(`dr${'aft'}`)).toBe(queryableStatesOf('draft'));
    const copy = { lifecycle: 'inHandling', timeliness: 'onTime' };
    expect(queryableStatesOf(copy)).toEqual(queryableStatesOf(values[1]));
  });
});

describe('the summary row each command writes', () => {
  it('holds lists of its own: changing one row changes no other row in the same states', async () => {
    // Not isolated: the store hands out the very rows it keeps, so a list shared between rows would show through.
    const store = createMemoryStore();
    const { banli } = seedBanli({ store });
    const other = `${seedId}-other`;
    const { proposer, committee, office, lead } = seedActors;
    for (const streamId of [seedId, other]) {
      await banli.submit({ ...seedProposal132402, id: streamId }, { actor: proposer, at: '2023-02-20' });
      await banli.send(streamId, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
      await banli.send(streamId, { type: 'review.register', at: '2023-03-01' }, { actor: committee });
      await banli.send(
        streamId,
        { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 },
        { actor: office },
      );
      const caseId = `${streamId}/zs-commerce`;
      await banli.send(streamId, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: lead });
    }
    const a = await store.getSummary(seedId);
    const b = await store.getSummary(other);
    if (!a || !b) throw new Error('summaries missing');
    expect(a.caseStates.length).toBeGreaterThan(0);
    expect(a.tags.length).toBeGreaterThan(0);
    expect(a.unitIds.length).toBeGreaterThan(1);
    expect({ caseStates: b.caseStates, tags: b.tags, unitIds: b.unitIds }).toEqual({
      caseStates: a.caseStates,
      tags: a.tags,
      unitIds: a.unitIds,
    });
    const before = { caseStates: [...b.caseStates], tags: [...b.tags], unitIds: [...b.unitIds] };
    a.caseStates.push('tampered');
    a.tags.push('tampered');
    a.unitIds.push('tampered');
    expect({ caseStates: b.caseStates, tags: b.tags, unitIds: b.unitIds }).toEqual(before);
    const inState = await banli.query({ caseState: before.caseStates[0] });
    expect(inState.map((r) => r.streamId).sort()).toEqual([seedId, other].sort());
  });
});
