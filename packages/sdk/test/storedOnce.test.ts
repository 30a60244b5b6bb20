import { chinaMainland } from '@banli/calendar';
import { type CaseInput, caseMachine, type Deadline, presets, withCalendar } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createAlertPlanner } from '../src/internal/deadlineIndex.js';
import { compactCase } from '../src/internal/snapshotCases.js';
import { compactDeadline, compactDeadlines } from '../src/internal/snapshotDeadlines.js';
import { deadlineScope, replyDeadline } from './support/snapshots.js';

// Issue 19: what a command writes for a deadline it did not change is the object written the command before, not a
// new one (a deadline is immutable state: a change gives a new deadline object).

const policy = presets.guangdongCity;
const reply: Deadline = { ...replyDeadline(policy), caseId: 'p1/u1', unitId: 'u1' };
const followUp: Deadline = { ...reply, id: 'p1/u1:followUp:3', kind: 'followUp', due: '2023-09-29' };

describe('compact deadlines in a snapshot', () => {
  const scope = deadlineScope(policy);

  it('stores a deadline the list held before as the form stored before, equal to storing it afresh', () => {
    const first = compactDeadlines([reply, followUp], scope);
    const second = compactDeadlines([reply, followUp], scope, { list: [reply, followUp], stored: first });
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second).toEqual([compactDeadline(reply, scope), compactDeadline(followUp, scope)]);
    // A changed deadline is a new object: stored afresh. One that moved in the list keeps its stored form.
    const met = { ...reply, status: 'met' as const };
    const third = compactDeadlines([followUp, met], scope, { list: [reply, followUp], stored: first });
    expect(third[1]).toEqual(compactDeadline(met, scope));
    expect(third[1]).not.toEqual(first[0]);
    expect(third[0]).toBe(first[1]);
  });

  it('compacts exactly the ids `<owner>:<kind>:<digits>`, and stores a deadline of any other id whole', () => {
    const ids = [
      'p1/u1:reply:2',
      'p1/u1:reply:20',
      'p1/u1:reply:',
      'p1/u1:reply:2a',
      'p1/u1:reply:2/',
      'p1/u1:reply:2:',
      'p1/u1:reply:/',
      'p1/u1:reply:-2',
      'p1/u1:reply2',
      'p1/u1:replyx:2',
      'p1/u1reply:2',
      'p1/u2:reply:2',
      'p1/u1:reply:2\n',
      'p1/u1:reply:\u0662',
      'p1:reply:2',
      'xp1/u1:reply:2',
      'p1/u1:followUp:3',
    ];
    const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    for (const id of ids) {
      const d = { ...reply, id };
      // What the format calls a deadline of its own: the owner's, of its kind, numbered.
      const own = new RegExp(`^${quote(scope.owner)}:${quote(d.kind)}:[0-9]+$`).test(id);
      const stored = compactDeadline(d, scope);
      const [, ...rest] = compactDeadline(reply, scope) as unknown[];
      if (own) expect(stored).toEqual([id.slice(scope.owner.length + 1), ...rest]);
      else expect(stored).toBe(d);
    }
  });
});

describe('deadline index entries', () => {
  const days = {
    isWorkingDay: (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    addWorkingDays: (d: string, n: number) => {
      let date = new Date(`${d}T00:00:00Z`);
      for (let left = n; left > 0; ) {
        date = new Date(date.getTime() + 86_400_000);
        if (![0, 6].includes(date.getUTCDay())) left--;
      }
      return date.toISOString().slice(0, 10);
    },
  };

  it('gives an unchanged deadline the entry it had (the memo passed on), equal to one built afresh', () => {
    const planner = createAlertPlanner(days);
    const first = planner.entries('p1', [reply, followUp]);
    const second = planner.entries('p1', [reply, followUp], first.memo).entries;
    expect(second).not.toBe(first.entries);
    expect(second[0]).toBe(first.entries[0]);
    expect(second[1]).toBe(first.entries[1]);
    expect(second).toEqual(createAlertPlanner(days).entries('p1', [reply, followUp]).entries);
    expect(first.entries[0]).toMatchObject({ streamId: 'p1', deadlineId: reply.id, due: reply.due, status: 'open' });
    // Found wherever the deadline is now in the list.
    expect(planner.entries('p1', [followUp, reply], first.memo).entries[1]).toBe(first.entries[0]);
  });

  it('builds a changed deadline, or the same one of another stream, afresh', () => {
    const planner = createAlertPlanner(days);
    const first = planner.entries('p1', [reply]);
    const [before] = first.entries;
    const moved = { ...reply, due: '2023-07-31' };
    const [after] = planner.entries('p1', [moved], first.memo).entries;
    expect(after).not.toBe(before);
    expect(after).toEqual(createAlertPlanner(days).entries('p1', [moved]).entries[0]);
    expect(after?.due).toBe('2023-07-31');
    const [elsewhere] = planner.entries('p2', [reply], first.memo).entries;
    expect(elsewhere?.streamId).toBe('p2');
    // A deadline no longer pending has no entry, whatever it had before.
    expect(planner.entries('p1', [{ ...reply, status: 'met' }], first.memo).entries).toEqual([]);
  });
});

describe('a case context left out of a snapshot where it says what it starts with', () => {
  const unit = { id: 'u1', name: '市商务局' };
  const proposal = {
    id: 'p1',
    kind: 'proposal',
    proposers: [
      { id: 'a', name: '甲', type: 'member' },
      { id: 'b', name: '乙', type: 'member' },
    ],
  };
  const basis = {
    caseId: 'p1/u1',
    streamId: 'p1',
    proposal: {
      proposal,
      channel: 'session',
      registration: { key: false },
      policy,
      calendar: { id: 'c', version: '1' },
    },
  };
  /**
   * A context with every starting field at its default, in the order cases start with: the case machine's own
   * starting context (so a field core adds or a default it changes is met here too), its opening deadlines left out.
   */
  const starting = (): Record<string, unknown> => {
    const input = {
      caseId: 'p1/u1',
      proposalId: 'p1',
      unit,
      role: 'sole',
      proposers: [
        { id: 'a', name: '甲' },
        { id: 'b', name: '乙' },
      ],
      suggestionIds: [],
      kind: 'proposal',
      channel: 'session',
      proposerTypes: ['member'],
      policy,
      calendar: { id: 'c', version: '1' },
      assignedAt: '2023-03-15',
    };
    const machine = withCalendar(caseMachine, chinaMainland);
    const { context } = createActor(machine, { input: input as CaseInput }).getSnapshot();
    return { ...context, deadlines: [], deadlineSeq: 0 };
  };

  it('leaves out equal fields (fields holding undefined do not count), keeps a field that differs anywhere', () => {
    const ctx = starting();
    expect(compactCase(ctx, basis)).toEqual({ $c: 1, unit, role: 'sole', assignedAt: '2023-03-15' });
    // A field holding undefined is absent, as in JSON.
    ctx.proposers = [
      { id: 'a', name: '甲', note: undefined },
      { id: 'b', name: '乙' },
    ];
    ctx.publication = { disclosures: [], pending: undefined };
    expect(compactCase(ctx, basis)).toEqual({ $c: 1, unit, role: 'sole', assignedAt: '2023-03-15' });
    // A difference one level down, an extra field, a missing one, a list that is not empty: each is stored.
    const changed: [string, unknown][] = [
      [
        'proposers',
        [
          { id: 'a', name: '甲' },
          { id: 'b', name: '丙' },
        ],
      ],
      [
        'proposers',
        [
          { id: 'a', name: '甲', type: 'member' },
          { id: 'b', name: '乙' },
        ],
      ],
      ['proposers', [{ id: 'a' }, { id: 'b', name: '乙' }]],
      ['unitHistory', [{ unit: { id: 'u1', name: '市商务局', short: '商务局' }, from: '2023-03-15' }]],
      ['publication', { disclosures: [{}] }],
      ['letters', [{}]],
      ['coUnits', {}],
    ];
    for (const [key, value] of changed) {
      const one: Record<string, unknown> = { ...starting(), [key]: value };
      expect(compactCase(one, basis)).toMatchObject({ [key]: value });
    }
  });
});
