import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { persistLive, restoreLive } from '../src/internal/engine/liveSnapshots.js';
import { persist } from '../src/internal/engine/persist.js';
import { createStepper } from '../src/internal/engine/stepper.js';
import { caseInput, caseModel } from '../src/internal/testModels.js';
import { presets } from '../src/policy/presets/index.js';
import { leadCaseId, soleCase } from './helpers/seed.js';

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
