import { BanliEventSchema, ProposalSchema } from '@banli/schemas';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors.js';
import { parseEvent, parseProposal } from '../src/internal/validate.js';

const caseId = 'p/zs-commerce';
const events: unknown[] = [
  { type: 'proposal.submit', at: '2023-02-20', channel: 'session' },
  { type: 'review.register', at: '2023-03-01', key: true },
  { type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment132402 },
  { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 },
  {
    type: 'feedback.submit',
    at: '2023-07-10',
    caseId,
    feedback: { proposerId: 'a', level: 'satisfied', date: '2023-07-10' },
  },
  { type: 'deadline.elapsed', at: '2023-07-10', deadlineId: 'd1' },
];

describe('parseEvent', () => {
  it('should return exactly what the runtime zod parser returns for valid events', () => {
    for (const e of events) expect(parseEvent(e)).toStrictEqual(BanliEventSchema.parse(e));
  });

  it('should refuse invalid events with the runtime parser\u2019s issues', () => {
    const bad = { type: 'proposal.submit', at: '2023-02-30' };
    const runtime = BanliEventSchema.safeParse(bad);
    expect(runtime.success).toBe(false);
    try {
      parseEvent(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(runtime.error?.issues.map((i) => i.path));
    }
  });
});

describe('parseProposal', () => {
  it('should return exactly what the runtime zod parser returns', () => {
    expect(parseProposal(seedProposal132402)).toStrictEqual(ProposalSchema.parse(seedProposal132402));
  });
});
