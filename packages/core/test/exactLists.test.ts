// Issue 19 (scaling): lists a case keeps in its context or its notices are built at their size. A spread into a literal
// (`[...list, x]`) or `flatMap` grows its list by `push`, 17 slots for a first entry (a list of one about 200 bytes
// instead of 56), and the store keeps contexts and logged notices as long as the stream: long enough to be promoted and
// marked by every full collection. Retained bytes after full collections: sizes, not times.
import { describe, expect, it } from 'vitest';
import { issueReply, recordFeedback } from '../src/case/actions/reply.js';
import { adoptionsOf } from '../src/case/adoptions.js';
import type { CaseContext } from '../src/case/types.js';
import type { ReplyLetter } from '../src/domain.js';
import { retainedBytesEach } from './helpers/retainedBytes.js';
import { leadCaseId, seedLetter, soleCase } from './helpers/seed.js';

/** An array (32 bytes) and its backing store (16 + 8 a slot), with 24 bytes of slack for the measure. */
const atItsSize = (length: number): number => 32 + 16 + 8 * length + 24;

describe('lists built at their size (issue 19, scaling)', () => {
  it("should keep a case's feedback list at its size", () => {
    const ctx = { feedback: [], round: 1 } as unknown as CaseContext;
    const rating = (i: number) =>
      ({
        type: 'feedback.submit',
        at: '2023-07-11',
        caseId: 'c',
        feedback: { proposerId: `m${i}`, level: 'satisfied', date: '2023-07-10' },
      }) as never;
    const list = (i: number) => recordFeedback(ctx, rating(i)).feedback as object[];
    expect(list(3)).toEqual([
      { proposerId: 'm3', level: 'satisfied', date: '2023-07-10', round: 1, receivedAt: '2023-07-11' },
    ]);
    const record = retainedBytesEach((i) => list(i)[0]);
    expect(retainedBytesEach(list) - record).toBeLessThan(atItsSize(1));
  });

  it("should keep a case's letters at their size when the reply is issued", () => {
    const d = soleCase()
      .send({ type: 'case.startDrafting', at: '2023-05-10', caseId: leadCaseId })
      .send({ type: 'reply.submitDraft', at: '2023-05-10', caseId: leadCaseId, letter: seedLetter });
    const ctx = (d.state.cases[leadCaseId] as unknown as { context: CaseContext }).context;
    const letters = () => issueReply(ctx, '2023-05-12').letters as object[];
    expect(letters()).toEqual([{ letter: ctx.draft, round: 1, issuedAt: '2023-05-12', followUp: false }]);
    const record = retainedBytesEach(() => letters()[0]);
    expect(retainedBytesEach(letters) - record).toBeLessThan(atItsSize(1));
  });

  it("should list a letter's adoptions in order, at their size", () => {
    const letter = {
      responses: [{ adoption: 'adopted' }, {}, { adoption: 'partlyAdopted' }],
    } as unknown as ReplyLetter;
    expect(adoptionsOf(letter)).toEqual(['adopted', 'partlyAdopted']);
    expect(adoptionsOf(undefined)).toEqual([]);
    expect(retainedBytesEach(() => adoptionsOf(letter))).toBeLessThan(atItsSize(2));
  });
});
