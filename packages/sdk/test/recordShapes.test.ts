// Issue 19 (scaling): Node 20's V8 gives an object made by a spread and then given a key the spread did not copy a
// hidden class of its own (see `recordCopier` in @banli/core/internal). The SDK's aggregates were such objects (a
// started or loaded aggregate had its memos added later), and so was a case's facts with its reply deadline filled in.
import v8 from 'node:v8';
import { chinaMainland } from '@banli/calendar';
import { createHandlingSystem, type Deadline, presets } from '@banli/core';
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { beginAggregate, createDerivations, loadAggregate } from '../src/internal/aggregate.js';
import { applyFacts, initialFacts, withCurrentReplyDue } from '../src/internal/facts.js';
import { seedBanli } from './support/seedBanli.js';

v8.setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** The facts of a new proposal `id`, and those after its assignment opened one case, `${id}/zs-commerce`. */
function assignedFacts(id: string) {
  const caseId = `${id}/zs-commerce`;
  const start = initialFacts({ id, number: 1, kind: 'proposal', title: 't', proposers: [] }, '2023-02-20');
  const opened = applyFacts(
    start,
    { type: 'assignment.assign', at: '2023-02-21' },
    [{ type: 'case.opened', caseId, unit: { id: 'zs-commerce' }, role: 'sole' }],
    [],
  );
  return { caseId, start, opened };
}

describe('records of one kind share one hidden class (issue 19)', () => {
  it('should give a started, a loaded and a stepped aggregate one class, memos set or not', async () => {
    const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    const store = createMemoryStore();
    const { banli } = seedBanli({ store, cache: false });
    const aggregates: object[] = [];
    for (let i = 0; i < 30; i++) {
      const id = `s${String(i).padStart(7, '0')}`;
      await banli.submit(
        { ...seedProposal132402, id },
        { actor: seedLifecycleActors132402.committee, at: '2023-02-20' },
      );
      const [[event, actor]] = seedLifecycle132402(id).slice(1, 2) as [[never, never]];
      await banli.send(id, event, { actor });
      const begun = beginAggregate(system, id, { ...seedProposal132402, id }, '2023-02-20').aggregate;
      const loaded = await loadAggregate(store, system, createDerivations(system), id);
      loaded.indexMemo = undefined;
      loaded.snapshotMemo = undefined;
      aggregates.push(begun, loaded);
    }
    // The shape `step` builds the next aggregate in.
    const stepped = {
      id: 'x',
      version: 1,
      handling: {},
      facts: {},
      lastSnapshotVersion: 0,
      snapshotMemo: undefined,
      pendingSnapshot: undefined,
      indexMemo: undefined,
      derived: undefined,
    };
    for (const agg of aggregates) expect(sameMap(agg, stepped)).toBe(true);
  });

  it("should give a case's facts with its reply deadline filled in one class", () => {
    const filled: object[] = [];
    for (let i = 0; i < 60; i++) {
      const { caseId, opened } = assignedFacts(`f${i}`);
      const due = { kind: 'reply', caseId, due: '2023-06-30', status: 'open', provisional: i % 2 === 0 };
      const withDue = withCurrentReplyDue(opened, [due as unknown as Deadline]);
      const c = withDue.cases[caseId] as object;
      const last = Object.keys(c).slice(i % 2 === 0 ? -2 : -1);
      expect(last).toEqual(i % 2 === 0 ? ['replyDue', 'replyDueProvisional'] : ['replyDue']);
      filled.push(c);
    }
    const even = filled.filter((_, i) => i % 2 === 0);
    const odd = filled.filter((_, i) => i % 2 === 1);
    for (const list of [even, odd]) for (const c of list) expect(sameMap(c, list[0] as object)).toBe(true);
  });

  it("should give the facts a fold copies, and a case's facts given its first reply, one class per shape", () => {
    const assigned: object[] = [];
    const replied: object[] = [];
    for (let i = 0; i < 60; i++) {
      const { caseId, start, opened } = assignedFacts(`g${i}`);
      // `assignedAt` is new to these facts: it comes last, after the fields they had.
      expect(Object.keys(opened)).toEqual([...Object.keys(start), 'assignedAt']);
      assigned.push(opened);
      const reply = { type: 'reply.issued', caseId, class: 'A', docNumber: `d${i}`, adoptions: ['adopted'] };
      const answered = applyFacts(opened, { type: 'reply.submit', at: '2023-06-29', caseId }, [reply], []);
      const c = answered.cases[caseId] as object;
      expect(Object.keys(c)).toEqual([
        ...Object.keys(opened.cases[caseId] as object),
        'firstReplyAt',
        'firstClass',
        'lastReplyAt',
        'lastClass',
        'adoptions',
        'docNumber',
      ]);
      replied.push(c);
    }
    for (const list of [assigned, replied]) for (const x of list) expect(sameMap(x, list[0] as object)).toBe(true);
  });
});
