import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCaseMachineV2 } from './support/equivalenceGuide.js';

const guide = readFileSync(new URL('../../../docs/extending.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('./support/equivalenceGuide.ts', import.meta.url), 'utf8');

describe('docs/extending.md: expectEngineEquivalence', () => {
  it('should show exactly the tested code', () => {
    const shown = guide.match(/<!-- testing:equivalence -->\n```ts\n([\s\S]*?)\n```/)?.[1];
    const tested = example.match(/\/\/ #region guide:equivalence\n([\s\S]*?)\n\/\/ #endregion/)?.[1];
    expect(tested).toBeDefined();
    expect(shown).toBe(tested);
  });

  it("should pass on the guide's v2 case machine (a new state, a provided action) with nothing handed to xstate", () => {
    const report = checkCaseMachineV2();
    expect(report.fallbacks).toEqual([]);
    expect(report.accepted).toBeGreaterThan(0);
  });
});
