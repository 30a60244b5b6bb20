import { describe, expect, it } from 'vitest';
import { and, createMachine, not, or } from 'xstate';
import { caseMachine } from '../src/case/machine.js';
import { toMermaid } from '../src/mermaid.js';
import { proposalMachine } from '../src/proposal/machine.js';

describe('toMermaid', () => {
  it('should render a stateDiagram-v2 with every state labelled', () => {
    const text = toMermaid(caseMachine);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('state "待签收 Accepting" as case_lifecycle_accepting');
    expect(text).toContain('state "督办审核 Supervisor review" as case_lifecycle_supervisorReview');
  });

  it('should draw guarded transitions with their guard and params', () => {
    const text = toMermaid(caseMachine);
    expect(text).toContain(
      'case_lifecycle_accepting --> case_lifecycle_adjustmentRequested : case.requestAdjustment [withinAdjustmentWindow]',
    );
    expect(text).toContain('case_lifecycle_accepting --> case_lifecycle_closed : case.accept [roleIs(reference)]');
    expect(text).toContain(
      'case_lifecycle_drafting --> case_lifecycle_countersigning : reply.submitDraft [isCompleteDraft && needsCountersign]',
    );
  });

  it('should lift edges that leave a composite state to its siblings', () => {
    expect(toMermaid(caseMachine)).toContain(
      'case_lifecycle_replied --> case_lifecycle_rehandling : rehandling.start [canRehandle]',
    );
  });

  it('should separate parallel regions and mark final states', () => {
    const text = toMermaid(proposalMachine);
    expect(text).toMatch(/\n {4}--\n/);
    expect(text).toContain('proposal_lifecycle_archived --> [*]');
    expect(text).toContain('[*] --> proposal_lifecycle_draft');
  });

  // Drawn as `commitmentOpen` before, the opposite of the guard (NOTE4: noticed and left alone).
  it('should draw a not(...) guard as a negation', () => {
    const text = toMermaid(caseMachine);
    expect(text).toContain(
      'case_lifecycle_replied --> case_lifecycle_closed : case.close [feedbackPeriodOver && !commitmentOpen]',
    );
    expect(text).not.toMatch(/case\.close \[feedbackPeriodOver && commitmentOpen\]/);
  });

  it('should parenthesise nested higher-order guards', () => {
    const machine = createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { on: { go: { target: 'b', guard: and(['x', not(or(['y', 'z']))]) } } },
        b: {},
      },
    });
    expect(toMermaid(machine)).toContain('m_a --> m_b : go [x && !(y || z)]');
  });
});
