import { describe, expect, it } from 'vitest';
import { presets } from '../src/policy/presets/index.js';
import { PolicySchema } from '../src/policy/schema.js';
import { SOURCES } from '../src/policy/sources.js';
import { Driver, intake, leadCaseId, seedProposal, seedSystem, soleAssignment } from './helpers/seed.js';

const domainUrls = new Set<string>(Object.values(SOURCES));

describe('presets', () => {
  it.each(Object.entries(presets))('should validate %s against PolicySchema', (_name, policy) => {
    expect(PolicySchema.safeParse(policy).success).toBe(true);
  });

  it.each(Object.entries(presets))('should cite only domain.md sources in %s', (_name, policy) => {
    expect(policy.sources.length).toBeGreaterThan(3);
    expect(policy.sources.filter((url) => !domainUrls.has(url))).toEqual([]);
  });

  it('should give the two localities different due dates for the same scenario', () => {
    const dues = [presets.guangdongCity, presets.sichuan2024].map((policy) => {
      const d = intake(new Driver(seedSystem(policy)));
      d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
      return ['adjustmentWindow', 'reply', 'firstContact'].map((kind) => d.deadline(kind, leadCaseId)[0]?.due);
    });
    // Guangdong city: 3 working days, 30 June [S22], first contact in 15 working days; Sichuan: 5 working days, 5 months [S14]
    expect(dues).toEqual([
      ['2023-03-20', '2023-06-30', '2023-04-06'],
      ['2023-03-22', '2023-08-15', undefined],
    ]);
  });

  it('should start the reply period from the session close under Chongqing', () => {
    const system = seedSystem(presets.chongqing);
    const suggestion = { ...seedProposal, kind: 'suggestion' as const };
    let state = system.start({ proposal: suggestion, at: '2023-01-10', sessionClosedAt: '2023-01-17' });
    for (const event of [
      { type: 'proposal.submit', at: '2023-01-10' },
      { type: 'review.start', at: '2023-01-11' },
      { type: 'review.register', at: '2023-02-01' },
      { type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment },
    ] as const) {
      state = system.send(state, event).state;
    }
    const reply = system.deadlines(state).find((x) => x.kind === 'reply');
    // 3 months from the closing day 2023-01-17 [S13], not from the 交办 on 2023-03-15
    expect(reply).toMatchObject({ start: '2023-01-17', due: '2023-04-17' });
  });

  it('should reject a policy whose follow-up classes are outside its scheme', () => {
    const result = PolicySchema.safeParse({ ...presets.guangdongCity, followUpClasses: ['D'] });
    expect(result.success).toBe(false);
  });
});
