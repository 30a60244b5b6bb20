import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';
import { persist, restore } from '../src/internal/engine/persist.js';
import { caseModel, proposalModel } from '../src/internal/testModels.js';
import { caseExplorations, proposalExploration } from './helpers/explorations.js';
import type { Exploration } from './helpers/graph.js';

const roundTrip = (machine: AnyStateMachine, s: AnyMachineSnapshot) =>
  restore(machine, JSON.parse(JSON.stringify(persist(machine, s))));

const view = ([s, actions]: [AnyMachineSnapshot, { type: string; params?: unknown }[]]) => ({
  value: s.value,
  context: JSON.parse(JSON.stringify(s.context)),
  tags: [...s.tags].sort(),
  actions: actions.map((a) => [a.type, a.params]),
});

function checkAll(machine: AnyStateMachine, exploration: Exploration) {
  const sig = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context, [...s.tags].sort()]);
  const broken = exploration.states.filter((s) => sig(roundTrip(machine, s)) !== sig(s));
  expect(broken.map((s) => s.value)).toEqual([]);
  const seen = new Set<string>();
  let continued = 0;
  for (const { state, event, next } of exploration.pairs) {
    const combo = JSON.stringify([state.value, event.type, next.value]);
    if (seen.has(combo)) continue;
    seen.add(combo);
    const original = view(transition(machine, state, event as never) as never);
    const restored = view(transition(machine, roundTrip(machine, state), event as never) as never);
    expect(restored).toEqual(original);
    continued += 1;
  }
  return { states: exploration.states.length, continued };
}

describe('persist → restore', () => {
  it('should restore every reachable case state and continue identically', () => {
    for (const { name, result } of caseExplorations) {
      const { states, continued } = checkAll(caseModel, result);
      console.log(`case [${name}]: ${states} states restored, ${continued} continuations compared`);
      expect(continued).toBeGreaterThan(0);
    }
  });

  it('should restore every reachable proposal state and continue identically', () => {
    const { states, continued } = checkAll(proposalModel, proposalExploration);
    console.log(`proposal: ${states} states restored, ${continued} continuations compared`);
    expect(states).toBeGreaterThan(100);
  });
});
