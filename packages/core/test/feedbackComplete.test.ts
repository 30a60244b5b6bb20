import { describe, expect, it } from 'vitest';
import { feedbackComplete } from '../src/case/guards/feedback.js';
import { ratersOf } from '../src/case/merged.js';
import type { CaseContext } from '../src/case/types.js';
import { random } from './helpers/random.js';

/** The rule as stated: every rater of this round rated it; the outcome is dissatisfied if any of them was. */
function byDefinition(ctx: CaseContext, outcome: 'positive' | 'dissatisfied'): boolean {
  const round = ctx.feedback.filter((f) => f.round === ctx.round);
  if (!ratersOf(ctx).every((p) => round.some((f) => f.proposerId === p.id))) return false;
  const dissatisfied = round.some((f) => f.level === 'dissatisfied');
  return outcome === 'dissatisfied' ? dissatisfied : !dissatisfied;
}

describe('feedbackComplete', () => {
  it('should decide as the rule states on generated rounds, raters, merged items and feedback', () => {
    const next = random(19);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let complete = 0;
    for (let i = 0; i < 2000; i++) {
      const round = 1 + Math.floor(next() * 2);
      const proposers = ids.slice(0, 1 + Math.floor(next() * 3)).map((id) => ({ id, name: id }));
      const merged = next() < 0.3 ? [{ proposalId: 'm1', proposers: [{ id: pick(ids), name: 'm' }] }] : undefined;
      const letters = [
        { round, followUp: false },
        ...(merged && next() < 0.5 ? [{ round, followUp: false, mergedItemId: 'm1' }] : []),
      ];
      const feedback = Array.from({ length: Math.floor(next() * 6) }, () => ({
        round: 1 + Math.floor(next() * 2),
        proposerId: pick(ids),
        level: pick(['satisfied', 'basicallySatisfied', 'dissatisfied'] as const),
      }));
      const ctx = { round, proposers, mergedItems: merged, letters, feedback } as unknown as CaseContext;
      for (const outcome of ['positive', 'dissatisfied'] as const) {
        const expected = byDefinition(ctx, outcome);
        expect(feedbackComplete(ctx, outcome), JSON.stringify({ ctx, outcome })).toBe(expected);
        if (expected) complete++;
      }
    }
    // Both outcomes and incomplete rounds occur among the generated cases.
    expect(complete).toBeGreaterThan(100);
    expect(complete).toBeLessThan(3000);
  });
});
