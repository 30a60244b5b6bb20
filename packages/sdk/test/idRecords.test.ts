import v8 from 'node:v8';
import { chinaMainland } from '@banli/calendar';
import { type CaseSummary, type HandlingSummary, presets } from '@banli/core';
import { seedLifecycle132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type Actor, createBanli, createManualClock, createMemoryStore } from '../src/index.js';
import { copyStateView, createValueTable, loggedStateView } from '../src/internal/stateView.js';
import type { JsonValue } from '../src/json.js';

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

  it("should leave {}'s transitions free after 1,600 proposals through the SDK, assigned and snapshotted", async () => {
    const banli = createBanli({
      store: createMemoryStore(),
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      clock: createManualClock('2023-02-20'),
      snapshotEvery: 1,
    });
    for (let i = 0; i < 1600; i++) {
      const id = `r${String(i).padStart(7, '0')}`;
      const [submit, ...rest] = seedLifecycle132402(id).slice(0, 4);
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
