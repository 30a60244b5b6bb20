// Issue 19 (scaling): Node 20's V8 gives an object made by a spread and then given a key the spread did not copy
// (`{ ...d, closedAt: at }`) a hidden class of its own once the site is warm, allocated in the old generation and kept
// as long as the object. Records copied with fields added (closed deadlines, a proposer's rating, a publication with
// the letter's mode, the machine's input) go through `recordCopier` instead: one class per shape, the same keys, order
// and values as the spread.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { recordFeedback } from '../src/case/actions/reply.js';
import type { CaseContext } from '../src/case/types.js';
import { cancelDeadlines, closeDeadlines, type Deadline, markMissed } from '../src/deadlines.js';
import { recordCopier } from '../src/internal/recordCopier.js';
import type { ProposalContext } from '../src/proposal/types.js';
import { allDeadlines } from '../src/system/selectors.js';
import type { HandlingState } from '../src/system/types.js';
import { Driver, intake, leadCaseId, seedSystem, soleAssignment } from './helpers/seed.js';

v8.setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** Whether every object of a list shares the first one's hidden class. */
const oneClass = (xs: readonly object[]): boolean => xs.every((x) => sameMap(x, xs[0] as object));

const open = (i: number): Deadline =>
  ({
    id: `d${i}`,
    kind: 'reply',
    due: '2023-06-30',
    start: '2023-03-16',
    rule: { unit: 'workingDays', count: 65 },
    calendarId: 'cn',
    calendarVersion: '2023',
    provisional: false,
    status: 'open',
    caseId: `p${i}/zs-commerce`,
  }) as unknown as Deadline;

describe('recordCopier (issue 19)', () => {
  it('should copy as a spread does: same keys, order and values, a plain object', () => {
    const copy = recordCopier();
    const bases: Record<string, unknown>[] = [
      {},
      { a: 1, b: undefined, c: 'x' },
      { 2: 'two', z: 1, 1: 'one', y: [1] },
      { status: 'open', due: '2023-01-01', closedAt: undefined },
    ];
    const fieldsList: Record<string, unknown>[] = [{}, { b: 2 }, { closedAt: '2023-02-01', status: 'met' }, { 0: 'z' }];
    for (const base of bases) {
      for (const fields of fieldsList) {
        const spread = { ...base, ...fields };
        const copied = copy(base, fields);
        expect(Object.keys(copied)).toEqual(Object.keys(spread));
        expect(JSON.stringify(copied)).toBe(JSON.stringify(spread));
        expect(copied).toStrictEqual(spread);
        expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
        expect(copied.constructor).toBe(Object);
      }
    }
  });

  it('should give every closed or cancelled deadline of one shape one hidden class', () => {
    const closed = Array.from({ length: 200 }, (_, i) => closeDeadlines([open(i)], '2023-06-01', () => true)[0]);
    const late = Array.from({ length: 200 }, (_, i) => closeDeadlines([open(i)], '2023-07-01', () => true)[0]);
    const cancelled = Array.from({ length: 200 }, (_, i) => cancelDeadlines([open(i)], '2023-06-01', () => true)[0]);
    for (const list of [closed, late, cancelled]) expect(oneClass(list as Deadline[])).toBe(true);
    expect(JSON.stringify(closed[7])).toBe(JSON.stringify({ ...open(7), status: 'met', closedAt: '2023-06-01' }));
    expect(JSON.stringify(late[7])).toBe(JSON.stringify({ ...open(7), status: 'missed', closedAt: '2023-07-01' }));
  });

  it("should give every proposer's rating one hidden class", () => {
    const ctx = { feedback: [], round: 1 } as unknown as CaseContext;
    const rated = Array.from({ length: 200 }, (_, i) => {
      const feedback = { proposerId: `m${i}`, level: 'satisfied', date: '2023-07-10' };
      const e = { type: 'feedback.submit', at: '2023-07-11', caseId: 'c', feedback } as never;
      return (recordFeedback(ctx, e).feedback as object[])[0] as object;
    });
    expect(oneClass(rated)).toBe(true);
    expect(JSON.stringify(rated[3])).toBe(
      '{"proposerId":"m3","level":"satisfied","date":"2023-07-10","round":1,"receivedAt":"2023-07-11"}',
    );
  });
});

describe("allDeadlines' case deadlines (issue 19)", () => {
  // A case context's deadlines carry no `caseId`; `allDeadlines` adds it. With more cases than its memo of lists holds,
  // every command copies them again: the copies must share one class (a spread gave each its own).
  const caseDeadline = (i: number, closed: boolean): Deadline => {
    const { caseId: _, ...d } = open(i) as Deadline & { caseId: string };
    return (closed ? { ...d, status: 'met', closedAt: '2023-06-29' } : d) as Deadline;
  };
  const stateOf = (i: number, closed: boolean): HandlingState =>
    ({
      proposal: { context: { deadlines: [] } },
      cases: { [`p${i}/zs-commerce`]: { context: { deadlines: [caseDeadline(i, closed)] } } },
    }) as unknown as HandlingState;

  it('should add the caseId as a spread does, last, the other fields as they were', () => {
    const state = stateOf(1, true);
    const [d] = allDeadlines(state);
    const base = (state.cases['p1/zs-commerce'] as { context: { deadlines: Deadline[] } }).context.deadlines[0];
    expect(Object.keys(d as object)).toEqual([...Object.keys(base as object), 'caseId']);
    expect(d).toEqual({ ...base, caseId: 'p1/zs-commerce' });
  });

  it('should give every copy of one shape one class, however many cases', () => {
    for (const closed of [false, true]) {
      const copies = Array.from({ length: 80 }, (_, i) => allDeadlines(stateOf(i, closed))[0] as object);
      expect(oneClass(copies)).toBe(true);
    }
  });
});

describe('listed cases and missed deadlines (issue 19)', () => {
  it("should give a proposal's listed case one class once accepted, keys in the order a spread gives them", () => {
    const listed: object[] = [];
    for (let i = 0; i < 40; i++) {
      const d = intake(new Driver(seedSystem()));
      d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
      const before = (d.state.proposal.context as ProposalContext).cases[0] as object;
      d.send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId });
      const after = (d.state.proposal.context as ProposalContext).cases[0] as object;
      expect(Object.keys(after)).toEqual([...Object.keys(before), 'acceptedAt']);
      listed.push(after);
    }
    // The last one, not the first: V8 may have moved the first to a newer class as its fields generalised.
    expect(listed.every((x) => sameMap(x, listed[listed.length - 1] as object))).toBe(true);
  });

  it('should give every missed deadline one class', () => {
    const missed = Array.from({ length: 60 }, (_, i) => markMissed([open(i)], `d${i}`, '2023-07-01')[0] as object);
    expect(Object.keys(missed[0] as object).slice(-1)).toEqual(['missedAt']);
    expect(missed[0]).toEqual({ ...open(0), status: 'missed', missedAt: '2023-07-01' });
    expect(oneClass(missed)).toBe(true);
  });
});
