import { caseMachine, toMermaid } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { labelCompositeStates } from '../src/ui/compositeLabels.js';

describe('labelCompositeStates (the SVG names nested states, not their ids)', () => {
  it('should join a composite state’s label line and its opening line, keeping every other line', () => {
    const source = [
      'stateDiagram-v2',
      '  state "提案/建议 Proposal" as proposal',
      '  state proposal {',
      '    state "草稿 Draft" as proposal_draft',
      '    [*] --> proposal_draft',
      '  }',
      '  [*] --> proposal',
    ].join('\n');
    expect(labelCompositeStates(source).split('\n')).toEqual([
      'stateDiagram-v2',
      '  state "提案/建议 Proposal" as proposal {',
      '    state "草稿 Draft" as proposal_draft',
      '    [*] --> proposal_draft',
      '  }',
      '  [*] --> proposal',
    ]);
  });

  it('should title a composite with no label line by the last segment of its id', () => {
    const out = labelCompositeStates('stateDiagram-v2\n  state case_lifecycle_replied {\n  }');
    expect(out).toBe('stateDiagram-v2\n  state "replied" as case_lifecycle_replied {\n  }');
  });

  it('should leave no composite of the case machine opened without its bilingual label', () => {
    const out = labelCompositeStates(toMermaid(caseMachine));
    const opened = out.split('\n').filter((l) => /\{\s*$/.test(l));
    expect(opened.length).toBeGreaterThanOrEqual(5);
    for (const line of opened) expect(line).toMatch(/^\s*state "[^"]+ [A-Z][^"]*" as \w+ \{$/);
    expect(out).toContain('state "已答复 Replied" as case_lifecycle_replied {');
    // The standalone label lines of composites are gone; leaf states keep theirs.
    expect(out).not.toMatch(/^\s*state "已答复 Replied" as case_lifecycle_replied$/m);
    expect(out).toContain('state "待反馈 Awaiting feedback" as case_lifecycle_replied_awaitingFeedback');
  });
});
