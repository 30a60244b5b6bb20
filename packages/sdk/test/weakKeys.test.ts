import { chinaMainland } from '@banli/calendar';
import {
  allDeadlines,
  type CaseContext,
  createHandlingSystem,
  type HandlingState,
  letterProblems,
  presets,
  summarize,
} from '@banli/core';
import type { ReplyLetter } from '@banli/schemas';
import { seedLifecycle132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { createValueTable } from '../src/internal/stateView.js';
import { weakMapKeyed } from './support/weakKeys.js';

// Issue 19 (scaling): memos in WeakMaps keyed by objects the store keeps for ever hold one ephemeron per stored
// proposal, which every full collection marks (most of a mark-compact's pause at 50,000 proposals) and every scavenge
// that meets a young key clears. These memos are gone; each test fails while its memo keys on the object.

/** A state after `count` commands of the seed lifecycle, from core's system alone. */
function stateAfter(count: number): HandlingState {
  const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
  let state = system.start({ proposal: seedProposal132402, at: '2023-02-20' });
  for (const [event] of seedLifecycle132402().slice(0, count)) state = system.send(state, event as never).state;
  return state;
}

describe('no memo keyed by stored objects (issue 19)', () => {
  // One heap snapshot for every object asked about: each test reads its own objects' answers.
  const asked: object[] = [];
  let keyed: Set<object>;
  const ask = (...objects: object[]) => {
    asked.push(...objects);
    return objects;
  };

  // The control: a WeakMap this test holds; the probe must see its key, or no test below could fail.
  const control = { control: true };
  const controlMap = new WeakMap<object, object>([[control, { remembered: true }]]);
  ask(control);

  // The state value table: value objects it was asked about (the first of a value, and an equal one after).
  const table = createValueTable();
  const firstValue = { lifecycle: 'inHandling', timeliness: 'onTime' };
  const equalValue = { lifecycle: 'inHandling', timeliness: 'onTime' };
  table(firstValue);
  table(equalValue);
  table(equalValue);
  ask(firstValue, equalValue);

  // The letter check: a letter checked twice with the same options, as the draft and its sign-off are.
  const letter: ReplyLetter = structuredClone(seedReplyLetter132402);
  const options = { kind: 'proposal', requirements: presets.guangdongCity.letterRequirements } as const;
  letterProblems(letter, options);
  letterProblems(letter, options);
  ask(letter);

  // The selectors: a state with a case, summarised and its deadlines listed twice (as an untouched case would be).
  const state = stateAfter(5);
  const caseId = Object.keys(state.cases)[0] as string;
  const caseSnapshot = state.cases[caseId] as HandlingState['cases'][string];
  const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
  summarize(state, system.proposalMachine, system.caseMachine);
  summarize(state, system.proposalMachine, system.caseMachine);
  allDeadlines(state);
  allDeadlines(state);
  ask(state.proposal.value as object, caseSnapshot.value as object, (caseSnapshot.context as CaseContext).deadlines);

  beforeAll(async () => {
    const positions = await weakMapKeyed(asked);
    keyed = new Set(positions.map((i) => asked[i] as object));
  });

  it('should see a key of a WeakMap (the control: the probe can fail)', () => {
    expect(controlMap.has(control)).toBe(true);
    expect(keyed.has(control)).toBe(true);
  });

  it('should not key the state value table on the value objects it is asked about', () => {
    expect(table(equalValue)).toBe(firstValue);
    expect(keyed.has(firstValue)).toBe(false);
    expect(keyed.has(equalValue)).toBe(false);
  });

  it('should not key the letter check on the letter', () => {
    expect(letterProblems(letter, options)).toEqual([]);
    expect(keyed.has(letter)).toBe(false);
  });

  it("should not key a machine's tags on the state value objects", () => {
    expect(typeof state.proposal.value).toBe('object');
    expect(keyed.has(state.proposal.value as object)).toBe(false);
    expect(keyed.has(caseSnapshot.value as object)).toBe(false);
  });

  it("should not key a case's deadlines with its id on the context's deadline list", () => {
    expect((caseSnapshot.context as CaseContext).deadlines.length).toBeGreaterThan(0);
    expect(allDeadlines(state).filter((d) => d.caseId === caseId).length).toBe(
      (caseSnapshot.context as CaseContext).deadlines.length,
    );
    expect(keyed.has((caseSnapshot.context as CaseContext).deadlines)).toBe(false);
  });
});
