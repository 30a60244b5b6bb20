import { chinaMainland } from '@banli/calendar';
import { createHandlingSystem, presets } from '@banli/core';
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type LoggedTransition } from '../src/index.js';
import { createTransitionTable } from '../src/internal/transitionTable.js';
import { seedBanli } from './support/seedBanli.js';

// Issue 19 (scaling): every entry kept its own copy of each transition the proposal machine took, though every
// proposal takes the same few; the in-memory store keeps them all.

describe('logged transitions shared between entries (issue 19)', () => {
  it("should log a proposal machine's transition as one object across proposals, a case's as its own, same JSON", async () => {
    // Not isolated: the entries read back are the objects the store keeps.
    const store = createMemoryStore();
    const { banli } = seedBanli({ store });
    const ids = ['t0000001', 't0000002'];
    for (const id of ids) {
      await banli.submit(
        { ...seedProposal132402, id },
        {
          actor: seedLifecycleActors132402.committee,
          draft: true,
          at: '2023-02-20',
        },
      );
      for (const [event, actor] of seedLifecycle132402(id)) await banli.send(id, event as never, { actor });
    }
    const [first, second] = await Promise.all(ids.map((id) => store.readStream(id)));
    expect(first?.length).toBe(second?.length);
    let proposalShared = 0;
    let caseOwn = 0;
    for (const [i, entry] of (first ?? []).entries()) {
      const a = entry.transitions as LoggedTransition[];
      const b = second?.[i]?.transitions as LoggedTransition[];
      expect(a.length).toBe(b.length);
      for (const [k, t] of a.entries()) {
        const u = b[k] as LoggedTransition;
        if (t.machine === 'proposal') {
          expect(u).toBe(t);
          proposalShared++;
        } else {
          expect(u).not.toBe(t);
          expect({ ...u, caseId: t.caseId }).toEqual(t);
          caseOwn++;
        }
      }
    }
    expect(proposalShared).toBeGreaterThan(5);
    expect(caseOwn).toBeGreaterThan(5);
    // What is logged is still exactly what the coordinator reports, field for field and in JSON.
    const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    const begun = system.begin({ proposal: { ...seedProposal132402, id: 't0000002' }, at: '2023-02-20' });
    expect(JSON.stringify(second?.[0]?.transitions)).toBe(JSON.stringify(begun.transitions));
    let state = begun.state;
    for (const entry of (second ?? []).slice(1)) {
      const sent = system.send(state, entry.event as never);
      expect(JSON.stringify(entry.transitions)).toBe(JSON.stringify(sent.transitions));
      state = sent.state;
    }
  });

  it('should give a transition that differs from the shared one under the same source and event a copy of its own', () => {
    const table = createTransitionTable();
    const reported: LoggedTransition = {
      machine: 'proposal',
      source: 'proposal.lifecycle.draft',
      eventType: 'proposal.submit',
      targets: ['proposal.lifecycle.submitted'],
      event: 'proposal.submit',
    };
    const shared = table(reported);
    expect(shared).toEqual(reported);
    expect(shared).not.toBe(reported);
    expect(shared.targets).not.toBe(reported.targets);
    expect(table({ ...reported, targets: [...reported.targets] })).toBe(shared);
    const other = { ...reported, targets: ['proposal.lifecycle.withdrawn'] };
    expect(table(other)).toEqual(other);
    expect(table(other)).not.toBe(shared);
    const extra = { ...reported, guard: 'x' } as LoggedTransition;
    expect(Object.keys(table(extra))).toEqual(['machine', 'source', 'eventType', 'targets', 'event']);
    const onCase = { ...reported, machine: 'case' as const, caseId: 'c1' };
    expect(table(onCase)).not.toBe(table(onCase));
  });
});
