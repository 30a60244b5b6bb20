import { caseStateKey as coreCaseKey, proposalStateKey as coreProposalKey, testModels } from '@banli/core/internal';
import { describe, expect, it } from 'vitest';
import { banliModels, caseStateKey, proposalStateKey } from '../src/index.js';

// Issue 18: @banli/testing explores core's machines with core's own models and state keys (one copy, through
// `@banli/core/internal`), so its path enumeration cannot drift from core's tests.

describe('banliModels', () => {
  it("should explore core's own models, inputs and event alphabets", () => {
    const models = banliModels();
    expect(models.proposal[0]?.machine).toBe(testModels.proposalModel);
    expect(models.proposal[0]?.options.input).toBe(testModels.proposalInput);
    expect(models.case.map((m) => m.machine)).toEqual(testModels.caseConfigs.map(() => testModels.caseModel));
    expect(models.case.map((m) => m.options.input)).toEqual(testModels.caseConfigs.map((c) => c.input));
    for (const m of models.case) expect(m.options.input).toBe(testModels.caseConfigs[models.case.indexOf(m)]?.input);
  });

  it("should tell states apart with core's own state keys", () => {
    expect(caseStateKey).toBe(coreCaseKey);
    expect(proposalStateKey).toBe(coreProposalKey);
  });
});
