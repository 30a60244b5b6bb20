import { chinaMainland } from '@banli/calendar';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createHandlingSystem, presets } from '../src/index.js';
import { handOver } from '../src/internal/index.js';

// Session 13: the SDK's boundary parse already builds the command's own copy of a submitted proposal, and `begin`
// copied it again. A proposal handed over (`handOver`, @banli/core/internal) is taken as it is; any other input is
// still copied, so core used on its own keeps the caller's later edits out of the state (copyJson.test).

const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
const heldProposal = (state: { proposal: { context: unknown } }) =>
  (state.proposal.context as { proposal: unknown }).proposal;

describe('begin with a handed-over proposal', () => {
  it('should start from the proposal handed over, not a copy of it', () => {
    const proposal = handOver(structuredClone(seedProposal132402));
    expect(heldProposal(system.begin({ proposal, at: '2023-02-20' }).state)).toBe(proposal);
  });

  it('should copy a proposal that was not handed over', () => {
    const proposal = structuredClone(seedProposal132402);
    const held = heldProposal(system.begin({ proposal, at: '2023-02-20' }).state);
    expect(held).not.toBe(proposal);
    expect(held).toEqual(proposal);
  });

  it('should take a hand-over once: a second begin with the same proposal copies it', () => {
    const proposal = handOver(structuredClone(seedProposal132402));
    expect(heldProposal(system.begin({ proposal, at: '2023-02-20' }).state)).toBe(proposal);
    expect(heldProposal(system.begin({ proposal, at: '2023-02-20' }).state)).not.toBe(proposal);
  });

  it('should give the same state and transitions either way', () => {
    const copied = system.begin({ proposal: structuredClone(seedProposal132402), at: '2023-02-20' });
    const taken = system.begin({ proposal: handOver(structuredClone(seedProposal132402)), at: '2023-02-20' });
    expect(JSON.stringify(taken)).toBe(JSON.stringify(copied));
  });
});
