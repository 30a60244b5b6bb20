import { chinaMainland, isWorkingDay } from '@banli/calendar';
import { caseMachine, coverageOf, PolicySchema, presets, proposalMachine } from '@banli/core';
import { ProposalSchema } from '@banli/schemas';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { createBanli, createManualClock, createMemoryStore } from '@banli/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbPolicy,
  arbProposal,
  arbScenario,
  arbWorkingDay,
  coverageFromHistory,
  runScenario,
  type Scenario,
  transitionIds,
} from '../src/index.js';

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

  it("should walk from a draft, with the scheduler's ticks and 并案, and the SDK should run every walk", async () => {
    const sent = (s: Scenario) => s.steps.flatMap((x) => ('send' in x && !x.proposalId ? [x.send.type] : []));
    const coverageOf = async (walks: Scenario[]) => {
      const runs = [];
      for (const walk of walks) runs.push(await runScenario(walk));
      expect(runs.flatMap((r) => r.failures)).toEqual([]);
      const histories = runs.map((r) => r.history);
      return {
        case: coverageFromHistory(caseMachine, 'case', histories),
        proposal: coverageFromHistory(proposalMachine, 'proposal', histories),
      };
    };
    const walks = fc.sample(arbScenario(), { seed: 17, numRuns: 30 });
    for (const w of walks) expect(w.steps[0]).toMatchObject({ submit: true, draft: true });
    // Each new move is generated: a tick, a merge either way (the partner's own review.merge is sent to it), a draft
    // withdrawn before it was submitted.
    expect(walks.some((w) => w.steps.some((x) => 'tick' in x))).toBe(true);
    expect(walks.some((w) => w.steps.some((x) => 'send' in x && x.send.type === 'review.merge'))).toBe(true);
    expect(walks.some((w) => sent(w)[0] === 'proposal.withdraw')).toBe(true);
    const plain = fc.sample(arbScenario({ moves: { ticks: false, merge: false, draft: false } }), {
      seed: 17,
      numRuns: 30,
    });
    for (const w of plain) expect(w.steps.some((x) => 'tick' in x || ('proposalId' in x && x.proposalId))).toBe(false);
    const [moved, without] = [await coverageOf(walks), await coverageOf(plain)];
    const taken = (c: typeof moved) =>
      [...transitionIds(caseMachine), ...transitionIds(proposalMachine)].filter(
        (t) => !c.case.transitions.missing.includes(t) && !c.proposal.transitions.missing.includes(t),
      );
    // The SDK's log shows the moves ran: deadlines elapsed, an item merged, a draft withdrawn.
    expect(taken(moved).filter((t) => t.includes('|deadline.elapsed|')).length).toBeGreaterThan(0);
    expect(
      taken(moved).filter((t) => t.includes('|review.merge|') || t.includes('addMergedItem')).length,
    ).toBeGreaterThan(0);
    expect(taken(moved)).toContain('proposal.lifecycle.draft|proposal.withdraw|proposal.lifecycle.withdrawn');
    expect(
      taken(without).filter((t) => t.includes('|deadline.elapsed|') || t.includes('lifecycle.draft|proposal.withdraw')),
    ).toEqual([]);
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
