import { describe, expect, it, vi } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, initialTransition, transition } from 'xstate';
import { persistLive, restoreLive } from '../src/internal/engine/liveSnapshots.js';
import { persist } from '../src/internal/engine/persist.js';
import { createStepper } from '../src/internal/engine/stepper.js';
import { caseInput, caseModel } from '../src/internal/testModels.js';
import { presets } from '../src/policy/presets/index.js';
import type { PersistedMachineSnapshot } from '../src/system/types.js';
import { leadCaseId, rate, reply, soleCase } from './helpers/seed.js';

const view = ([s, actions]: readonly [AnyMachineSnapshot, { type: string; params?: unknown }[], ...unknown[]]) => ({
  value: s.value,
  context: JSON.parse(JSON.stringify(s.context)),
  status: s.status,
  tags: [...s.tags].sort(),
  actions: actions.map((a) => [a.type, JSON.parse(JSON.stringify(a.params ?? null))]),
});

describe('createStepper', () => {
  it('should give what xstate transition() and initialTransition() give', () => {
    const stepper = createStepper(caseModel);
    const input = caseInput('sole', presets.guangdongCity);
    const [s0, a0] = stepper.initial(input);
    expect(view([s0, a0])).toEqual(view(initialTransition(caseModel, input) as never));
    const accept = { type: 'case.accept', at: '2023-03-16', caseId: input.caseId };
    expect(view(stepper.transition(s0, accept))).toEqual(view(transition(caseModel, s0, accept as never) as never));
  });
});

describe('persistLive', () => {
  it('should persist the same JSON as persist() and restore the very snapshot it came from', () => {
    const d = soleCase();
    const persisted = d.state.cases[leadCaseId];
    if (!persisted) throw new Error('no case');
    const live = restoreLive(caseModel, persisted);
    const again = persistLive(caseModel, live);
    expect(JSON.parse(JSON.stringify(again))).toEqual(persist(caseModel, live));
    expect(restoreLive(caseModel, again)).toBe(live);
  });

  it('should resolve persisted JSON it did not write, as restore() does', () => {
    const d = soleCase();
    const copy = JSON.parse(JSON.stringify(d.state.cases[leadCaseId]));
    const restored = restoreLive(caseModel, copy);
    expect(restored.value).toEqual(copy.value);
    expect(restored.hasTag('clock.running')).toBe(true);
  });
  it('should not lend its snapshot to a copy: a spread or cloned copy with another context restores from its own JSON', () => {
    const d = soleCase();
    const persisted = d.state.cases[leadCaseId];
    if (!persisted) throw new Error('no case');
    const live = restoreLive(caseModel, persisted);
    const written = persistLive(caseModel, live);
    expect(Object.keys(written)).toEqual(['status', 'value', 'historyValue', 'context', 'children']);
    expect(JSON.stringify(written)).toBe(JSON.stringify(persist(caseModel, live)));
    const context = { ...(written.context as object), round: 7 };
    for (const copy of [
      { ...written, context },
      { ...structuredClone(written), context },
    ]) {
      const restored = restoreLive(caseModel, copy);
      expect(restored).not.toBe(live);
      expect((restored.context as { round: number }).round).toBe(7);
    }
    expect(restoreLive(caseModel, written)).toBe(live);
  });
});

describe('restoreLive of snapshots it did not write (issue 19, scaling)', () => {
  /** Every machine snapshot of a sole case's lifecycle, state by state, as JSON copies (what a store hands back). */
  function lifecycleCopies() {
    const d = soleCase();
    const states = [d.state];
    reply(d, '2023-04-10');
    states.push(d.state);
    rate(d, '2023-05-10', 'dissatisfied');
    states.push(d.state);
    const copies: { machine: AnyStateMachine; persisted: PersistedMachineSnapshot }[] = [];
    for (const state of states) {
      copies.push({ machine: d.system.proposalMachine, persisted: structuredClone(state.proposal) });
      for (const c of Object.values(state.cases))
        copies.push({ machine: d.system.caseMachine, persisted: structuredClone(c) });
    }
    return copies;
  }
  const facts = (s: AnyMachineSnapshot) => ({
    keys: Object.keys(s),
    value: s.value,
    status: s.status,
    tags: [...s.tags].sort(),
    nodes: s._nodes.map((n) => n.id),
    children: s.children,
    historyValue: s.historyValue,
    machine: s.machine,
  });

  it('gives what machine.resolveState gives, the context the very object persisted, for every state of a lifecycle', () => {
    for (const { machine, persisted } of [...lifecycleCopies(), ...lifecycleCopies()]) {
      const restored = restoreLive(machine, persisted);
      const resolved = machine.resolveState({ value: persisted.value, context: persisted.context });
      expect(facts(restored)).toEqual(facts(resolved));
      expect(restored.context).toBe(persisted.context);
      expect(restored.hasTag('clock.running')).toBe(resolved.hasTag('clock.running'));
    }
  });

  it('works out a state value once per machine: a value met again is not resolved again', () => {
    const first = lifecycleCopies();
    for (const { machine, persisted } of first) restoreLive(machine, persisted);
    const again = lifecycleCopies();
    const machines = new Set(again.map((c) => c.machine));
    const spies = [...machines].map((m) => vi.spyOn(m, 'resolveState'));
    try {
      for (const { machine, persisted } of again) restoreLive(machine, persisted);
      expect(again.length).toBe(6);
      expect(spies.reduce((n, s) => n + s.mock.calls.length, 0)).toBe(0);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});
