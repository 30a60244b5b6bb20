import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { chinaMainland } from '@banli/calendar';
import { type CaseSummary, type Deadline, type HandlingSummary, presets } from '@banli/core';
import { seedLifecycle132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type Actor, createBanli, createManualClock, createMemoryStore } from '../src/index.js';
import { applyFacts, initialFacts, withCurrentReplyDue } from '../src/internal/facts.js';
import { copyStateView, createValueTable, loggedStateView } from '../src/internal/stateView.js';
import { upcastSnapshotState } from '../src/internal/upcast.js';
import type { JsonObject, JsonValue } from '../src/json.js';

// Issue 19 (scaling): records keyed by case ids built from `{}` gave every proposal's record a hidden class of its own
// once `{}`'s 1,536 transitions were taken, and kept those transitions full, so other objects built key by key got
// classes of their own too. The state's and the logged views' case records grow their classes from a root of their own.
v8.setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** A summary of a proposal with one case, `caseId`, in the given state. */
function summaryWith(caseId: string): HandlingSummary {
  const value = { lifecycle: 'handling', publication: 'pendingReply', timeliness: 'onTime' };
  const c = { caseId, unitId: 'u', unitName: 'U', role: 'sole', value, tags: [], round: 1, feedback: [] };
  return {
    proposalId: caseId.split('/')[0] as string,
    value: { lifecycle: 'inHandling', timeliness: 'onTime' },
    tags: [],
    cases: [c as unknown as CaseSummary],
  };
}

/** A record built from `{}` with the same keys in the same order. */
const plainLike = (record: object): object => {
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) plain[k] = v;
  return plain;
};
/** Asserts that a record is a plain object whose hidden class is not the one `{}` gives those keys. */
const apart = (record: object): void => {
  expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  expect(sameMap(record, plainLike(record))).toBe(false);
};

describe('records keyed by case ids (issue 19)', () => {
  it("should build a logged view's and a copied view's cases apart from {}'s classes, as plain objects, same JSON", () => {
    const table = createValueTable();
    const view = loggedStateView(summaryWith('p1/zs-commerce'), table);
    const copy = copyStateView(view);
    for (const cases of [view.cases, copy.cases]) {
      const plain: Record<string, JsonValue> = {};
      plain['p1/zs-commerce'] = cases['p1/zs-commerce'] as JsonValue;
      expect(Object.getPrototypeOf(cases)).toBe(Object.prototype);
      expect(cases.constructor).toBe(Object);
      expect(sameMap(cases, plain)).toBe(false);
    }
    expect(JSON.stringify(copy)).toBe(
      '{"proposal":{"lifecycle":"inHandling","timeliness":"onTime"},"cases":{"p1/zs-commerce":{"lifecycle":"handling","publication":"pendingReply","timeliness":"onTime"}}}',
    );
    expect(copy).toEqual({ proposal: view.proposal, cases: { 'p1/zs-commerce': view.cases['p1/zs-commerce'] } });
  });

  it("should build the facts' cases, and every copy the fold makes of them, apart from {}'s classes (same JSON)", () => {
    const start = initialFacts(
      { id: 'f1', number: 1, kind: 'proposal', title: 't', proposers: [{ id: 'x' }] },
      '2023-02-20',
    );
    apart(start.cases);
    const opened = applyFacts(
      start,
      { type: 'assignment.assign', at: '2023-02-21' },
      [
        { type: 'case.opened', caseId: 'f1/zs-commerce', unit: { id: 'zs-commerce' }, role: 'lead' },
        { type: 'case.opened', caseId: 'f1/zs-finance', unit: { id: 'zs-finance' }, role: 'co' },
      ],
      [],
    );
    apart(opened.cases);
    // A case changed by an event is copied with the others (`touch`).
    const replied = applyFacts(
      opened,
      { type: 'reply.submit', at: '2023-03-01', caseId: 'f1/zs-commerce' },
      [{ type: 'reply.issued', caseId: 'f1/zs-commerce', class: 'A' }],
      [],
    );
    expect(replied.cases).not.toBe(opened.cases);
    apart(replied.cases);
    // A reply deadline filled in on a case that has not replied (`withReplyDues`).
    const due = { kind: 'reply', caseId: 'f1/zs-finance', due: '2023-04-01', status: 'open', provisional: false };
    const withDue = withCurrentReplyDue(replied, [due as unknown as Deadline]);
    expect(withDue.cases).not.toBe(replied.cases);
    apart(withDue.cases);
    expect(Object.keys(withDue.cases)).toEqual(['f1/zs-commerce', 'f1/zs-finance']);
    expect(withDue.cases['f1/zs-finance']?.replyDue).toBe('2023-04-01');
  });

  it("should copy a snapshot's cases apart from {}'s classes when an old letter shape is upcast", () => {
    const file = new URL('./fixtures/old-shape-snapshot-132402.json', import.meta.url);
    const old = JSON.parse(readFileSync(file, 'utf8')) as { signed: { state: JsonObject } };
    const casesOf = (state: JsonObject) => (state.handling as { cases: object }).cases;
    const upcast = upcastSnapshotState(old.signed.state);
    expect(casesOf(upcast)).not.toBe(casesOf(old.signed.state));
    apart(casesOf(upcast));
    expect(Object.keys(casesOf(upcast))).toEqual(Object.keys(casesOf(old.signed.state)));
  });

  it("should leave {}'s transitions free after 2,000 proposals' views: a new key sequence still shares one class", () => {
    const table = createValueTable();
    const kept: JsonValue[] = [];
    for (let i = 0; i < 2000; i++) {
      const view = loggedStateView(summaryWith(`q${String(i).padStart(7, '0')}/zs-commerce`), table);
      kept.push(view.cases as JsonValue);
    }
    const built = () => {
      const o: Record<string, number> = {};
      o.neverSeenBeforeKey = 1;
      o.andAnother = 2;
      return o;
    };
    expect(sameMap(built(), built())).toBe(true);
    expect(kept).toHaveLength(2000);
  });

  it("should leave {}'s transitions free after 1,600 proposals through the SDK, assigned, accepted and snapshotted", async () => {
    const banli = createBanli({
      store: createMemoryStore(),
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      clock: createManualClock('2023-02-20'),
      snapshotEvery: 1,
    });
    for (let i = 0; i < 1600; i++) {
      const id = `r${String(i).padStart(7, '0')}`;
      // Through `case.accept`: the first command on a state with cases, which core's `send` copies (issue 19: a spread
      // there put every proposal's case id on `{}`'s transitions).
      const [submit, ...rest] = seedLifecycle132402(id).slice(0, 5);
      await banli.submit({ ...seedProposal132402, id }, { actor: submit?.[1] as Actor, at: '2023-02-20' });
      for (const [event, actor] of rest) await banli.send(id, event as never, { actor: actor as Actor });
    }
    const built = () => {
      const o: Record<string, number> = {};
      o.anotherNewKey = 1;
      o.andOneMore = 2;
      return o;
    };
    expect(sameMap(built(), built())).toBe(true);
    expect(await banli.get('r0001599')).toBeDefined();
  });
});
