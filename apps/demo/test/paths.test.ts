import { describe, expect, it } from 'vitest';
import { cli } from './support.js';

describe('banli-demo paths', () => {
  it('should print full coverage and the path counts of both machines', () => {
    const r = cli('paths', '--lang', 'en');
    expect(r.code).toBe(0);
    const proposal = r.stdout.match(/^proposal +(\d+)\/(\d+) +(\d+)\/(\d+) +100\.0% +(\d+) +(\d+)$/m);
    const kase = r.stdout.match(/^case +(\d+)\/(\d+) +(\d+)\/(\d+) +100\.0% +(\d+) +—$/m);
    expect(proposal?.[1]).toBe(proposal?.[2]);
    expect(kase?.[3]).toBe(kase?.[4]);
    expect(Number(proposal?.[6])).toBeGreaterThan(Number(proposal?.[5]));
    expect(r.stdout).toContain('Every state and every transition');
    expect(r.stdout).toContain('Coverage by the 10 scenario fixtures (run through the SDK)');
    expect(r.stdout).toMatch(/^ {2}proposal\.lifecycle\.review\|review\.convert\|proposal\.lifecycle\.converted$/m);
  });
});

describe('banli-demo chart', () => {
  it('should print both Mermaid state diagrams', () => {
    const r = cli('chart');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^stateDiagram-v2$/gm)).toHaveLength(2);
    expect(r.stdout).toContain('case_lifecycle_handling --> case_lifecycle_drafting : case.startDrafting');
  });
});
