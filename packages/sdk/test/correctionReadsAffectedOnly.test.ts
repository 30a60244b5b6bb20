import { chinaMainland, extendCalendar } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore, type Store } from '../src/index.js';
import { changedWindow } from '../src/recompute.js';
import { seedActors, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 14's open point: a calendar correction loaded every proposal in the store. It now asks the store for the
// proposals whose deadlines span a changed day (`deadlineSpanOverlaps`) and reads only those.

// A local closure on Friday 2023-06-30 pushes the seed case's 30 June reply date to Monday 2023-07-03.
const corrected = extendCalendar(chinaMainland, {
  id: 'cn-mainland+zs-closure',
  version: '2023.1',
  extraHolidays: [
    { name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2023-06-30', end: '2023-06-30' },
  ],
});

/** A store that records which streams were read (loaded, replayed or summarised one by one). */
function spying(inner: Store) {
  const reads: string[] = [];
  const store: Store = {
    ...inner,
    load: (id) => {
      reads.push(id);
      return inner.load(id);
    },
    readStream: (id, o) => {
      reads.push(id);
      return inner.readStream(id, o);
    },
    getSummary: (id) => {
      reads.push(id);
      return inner.getSummary(id);
    },
  };
  return { store, reads };
}

async function twoYears() {
  const { store, reads } = spying(createMemoryStore({ isolate: true }));
  const clock = createManualClock('2023-02-20');
  const banli = createBanli({ store, clock, policy: presets.guangdongCity, calendar: chinaMainland, cache: false });
  const { proposer, committee, office, lead } = seedActors;
  // The seed case, assigned 2023-03-15 (reply due 2023-06-30), and the same item filed a year later under another id.
  const run = async (id: string, year: number) => {
    const caseId = `${id}/zs-commerce`;
    await banli.submit({ ...seedProposal132402, id }, { actor: proposer, at: `${year}-02-20` });
    await banli.send(id, { type: 'review.start', at: `${year}-02-21` }, { actor: committee });
    await banli.send(id, { type: 'review.register', at: `${year}-03-01` }, { actor: committee });
    await banli.send(
      id,
      {
        type: 'assignment.assign',
        at: `${year}-03-15`,
        assignment: { ...seedAssignment132402, date: `${year}-03-15` },
      },
      { actor: office },
    );
    await banli.send(id, { type: 'case.accept', at: `${year}-03-18`, caseId }, { actor: lead });
  };
  await run(seedId, 2023);
  await run('later-2024', 2024);
  clock.set('2024-05-10');
  reads.length = 0;
  return { banli, store, reads };
}

describe('a calendar correction reads only the proposals it can affect', () => {
  it('should compute the changed window from the differing days and the years covered by one calendar only', () => {
    expect(changedWindow(chinaMainland, corrected)).toEqual({ from: '2023-06-30', to: '2023-06-30' });
    expect(changedWindow(chinaMainland, chinaMainland)).toBe(null);
  });

  it('should record each proposal deadline span (earliest start to latest due) in its summary', async () => {
    const { store } = await twoYears();
    const span = (await store.getSummary(seedId))?.deadlineSpan;
    expect(span?.from).toBe('2023-03-15');
    expect(span && span.to >= '2023-06-30' && span.to < '2024-01-01').toBe(true);
    expect((await store.getSummary('later-2024'))?.deadlineSpan?.from).toBe('2024-03-15');
  });

  it('should correct the affected proposal and never read the unaffected one', async () => {
    const { banli, reads } = await twoYears();
    const report = await banli.recomputeDeadlines(corrected);
    expect(report.examined).toBe(1);
    expect(report.moved.map((m) => [m.proposalId, m.caseId, m.oldDue, m.newDue])).toContainEqual([
      seedId,
      seedCaseId,
      '2023-06-30',
      '2023-07-03',
    ]);
    expect(reads).toContain(seedId);
    expect(reads).not.toContain('later-2024');
    expect((await banli.history('later-2024')).map((e) => e.type)).not.toContain('calendar.corrected');
  });

  it('should read nothing at all for a correction that changes no day', async () => {
    const { banli, reads } = await twoYears();
    const same = extendCalendar(chinaMainland, { id: chinaMainland.id, version: 'same-days', extraHolidays: [] });
    const report = await banli.recomputeDeadlines(same, { dryRun: true });
    expect(report.examined).toBe(0);
    expect(reads).toEqual([]);
  });
});
