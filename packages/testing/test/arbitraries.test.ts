import { chinaMainland, isWorkingDay } from '@banli/calendar';
import { coverageOf, PolicySchema, presets } from '@banli/core';
import { ProposalSchema } from '@banli/schemas';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { createBanli, createManualClock, createMemoryStore } from '@banli/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbPolicy, arbProposal, arbScenario, arbWorkingDay, runScenario } from '../src/index.js';

// Issue 17 item 7: fast-check arbitraries for banli inputs.

describe('arbProposal', () => {
  it('should only give proposals the schema accepts, of both kinds and both channels', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbProposal(), (p) => {
        expect(ProposalSchema.safeParse(p).success).toBe(true);
        expect(p.proposers.filter((x) => x.first)).toHaveLength(1);
        seen.add(`${p.kind} ${p.channel}`);
      }),
      { numRuns: 200 },
    );
    expect(seen.size).toBe(4);
  });

  it('should be submitted by the SDK exactly when the policy covers the item', async () => {
    await fc.assert(
      fc.asyncProperty(arbProposal(), fc.constantFrom(...Object.values(presets)), async (proposal, policy) => {
        const banli = createBanli({
          store: createMemoryStore({ isolate: true }),
          clock: createManualClock('2024-03-01'),
          policy,
        });
        const first = proposal.proposers[0]?.id ?? '';
        const result = await banli
          .submit(proposal, { actor: { role: 'proposer', id: first }, at: '2024-03-01' })
          .then(() => 'submitted')
          .catch((e: { code?: string }) => e.code);
        expect(result).toBe(coverageOf(policy.coverage, proposal) ? 'submitted' : 'NOT_COVERED');
      }),
      { numRuns: 40 },
    );
  });
});

describe('arbPolicy', () => {
  it('should only give policies the schema accepts', () => {
    fc.assert(
      fc.property(arbPolicy(), (p) => {
        expect(PolicySchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('arbWorkingDay', () => {
  it('should only give working days of the calendar within the range', () => {
    fc.assert(
      fc.property(arbWorkingDay(chinaMainland, '2024-09-28', 30), (d) => {
        expect(isWorkingDay(chinaMainland, d)).toBe(true);
        expect(d >= '2024-09-28' && d <= '2024-12-31').toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('arbScenario', () => {
  it('should give events in a valid order: the SDK accepts every step and reaches the states the coordinator did', async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario(), async (scenario) => {
        const dates = scenario.steps.map((s) => s.on);
        expect([...dates].sort()).toEqual(dates);
        const run = await runScenario(scenario);
        expect(run.failures).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('should walk under any generated policy covering the item too', async () => {
    const covering = arbPolicy().filter((p) => coverageOf(p.coverage, seedProposal132402) !== undefined);
    await fc.assert(
      fc.asyncProperty(covering, async (policy) => {
        const [scenario] = fc.sample(arbScenario({ policy, maxSteps: 15 }), { numRuns: 1, seed: 7 });
        if (!scenario) throw new Error('no scenario');
        const run = await runScenario(scenario);
        expect(run.failures).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
