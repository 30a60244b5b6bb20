import { describe, expect, it } from 'vitest';
import {
  BANLI_EVENT_TYPES,
  BanliEventSchema,
  CASE_EVENT_TYPES,
  eventSchemaFor,
  INTERNAL_EVENT_TYPES,
  isInternalEvent,
  PROPOSAL_EVENT_TYPES,
} from '../src/index.js';

// The event list as designed (docs/architecture.md, "The two machines and the coordinator"), in its order.
const CONTRACT_EVENT_TYPES = [
  'proposal.submit',
  'review.start',
  'review.register',
  'review.merge',
  'review.convert',
  'review.reject',
  'proposal.withdraw',
  'proposal.withdrawSignature',
  'assignment.assign',
  'proposal.addMergedItem',
  'case.accepted',
  'case.reassigned',
  'case.replied',
  'case.closed',
  'proposal.archive',
  'deadline.elapsed',
  'case.accept',
  'case.requestAdjustment',
  'adjustment.keep',
  'adjustment.reassign',
  'coUnit.submitOpinion',
  'case.recordContact',
  'case.requestExtension',
  'extension.approve',
  'extension.deny',
  'case.startDrafting',
  'reply.submitDraft',
  'countersign.approve',
  'countersign.requestChanges',
  'signOff.approve',
  'signOff.return',
  'supervisor.approve',
  'supervisor.return',
  'feedback.submit',
  'rehandling.start',
  'followUp.reply',
  'case.close',
  'case.overrideClose',
  'publication.publish',
  'publication.disclose',
  'case.addMergedItem',
  'case.dropProposer',
  'case.terminate',
];

describe('BANLI_EVENT_TYPES', () => {
  it('should list exactly the events of the contract', () => {
    expect([...BANLI_EVENT_TYPES].sort()).toEqual([...CONTRACT_EVENT_TYPES].sort());
  });

  it('should split into proposal-machine and case-machine events that share only deadline.elapsed', () => {
    const shared = PROPOSAL_EVENT_TYPES.filter((t) => (CASE_EVENT_TYPES as readonly string[]).includes(t));
    expect(shared).toEqual(['deadline.elapsed']);
    expect(new Set([...PROPOSAL_EVENT_TYPES, ...CASE_EVENT_TYPES]).size).toBe(BANLI_EVENT_TYPES.length);
  });
});

describe('INTERNAL_EVENT_TYPES', () => {
  it('should be the events marked internal in the contract', () => {
    expect([...INTERNAL_EVENT_TYPES].sort()).toEqual(
      [
        'case.accepted',
        'case.addMergedItem',
        'case.closed',
        'case.dropProposer',
        'proposal.addMergedItem',
        'case.reassigned',
        'case.replied',
        'case.terminate',
        'deadline.elapsed',
      ].sort(),
    );
    expect(isInternalEvent('proposal.submit')).toBe(false);
  });
});

describe('BanliEventSchema', () => {
  it('should accept a minimal event', () => {
    expect(BanliEventSchema.parse({ type: 'review.start', at: '2023-01-10' })).toEqual({
      type: 'review.start',
      at: '2023-01-10',
    });
  });

  it('should require caseId on case-machine events', () => {
    expect(BanliEventSchema.safeParse({ type: 'case.accept', at: '2023-03-20' }).success).toBe(false);
    expect(BanliEventSchema.safeParse({ type: 'case.accept', at: '2023-03-20', caseId: 'c1' }).success).toBe(true);
  });

  it('should reject unknown event types', () => {
    expect(BanliEventSchema.safeParse({ type: 'proposal.explode', at: '2023-03-20' }).success).toBe(false);
  });
});

describe('eventSchemaFor', () => {
  it('should return the schema whose type literal is the given type', () => {
    for (const type of BANLI_EVENT_TYPES) expect(eventSchemaFor(type).shape.type.value).toBe(type);
  });
});
