import { coverageOf, presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { CHANNELS, defineScenarioTests, ITEM_KINDS, presetScenarios } from '../src/index.js';

// Issue 17 item 7: fixtures for every preset and both kinds (proposal/suggestion, session/between sessions).

const all = presetScenarios();

describe('presetScenarios', () => {
  it('should give one fixture per preset, kind and channel, refused exactly where the preset does not cover it', () => {
    expect(all).toHaveLength(Object.keys(presets).length * ITEM_KINDS.length * CHANNELS.length);
    const seen = new Set<string>();
    for (const s of all) {
      const policy = Object.values(presets).find((p) => p === s.policy);
      expect(policy).toBeDefined();
      const key = `${policy?.id} ${s.proposal.kind} ${s.proposal.channel}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const covered = coverageOf(policy?.coverage ?? [], s.proposal);
      const refused = s.steps[0]?.expect?.refused;
      expect(refused).toBe(covered ? undefined : 'NOT_COVERED');
      if (covered) expect(s.outcome?.proposal).toBe('archived');
    }
    // Every preset has at least one fixture handled to the end, and both kinds are handled somewhere.
    for (const p of Object.values(presets)) expect(all.some((s) => s.policy === p && s.outcome)).toBe(true);
    for (const kind of ITEM_KINDS) expect(all.some((s) => s.proposal.kind === kind && s.outcome)).toBe(true);
  });
});

describe('every preset fixture runs through the SDK', () => {
  defineScenarioTests(all, { it });
});
