import { type BanliEvent, type ReplyLetter, withLetterClass } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { CaseEventOf } from '../src/case/events.js';
import { isCompleteDraft } from '../src/case/guards/reply.js';
import type { CaseContext } from '../src/case/types.js';
import { presets } from '../src/policy/presets/index.js';
import { random as seeded } from './helpers/random.js';
import { leadCaseId as caseId, rate, reply, seedLetter, soleCase } from './helpers/seed.js';

// Issue 19 §4 (validate once): 拟稿 offers `reply.submitDraft` two transitions, with and without 会签
// (states/handling.ts), each guarded by `isCompleteDraft`. Where no countersigning is needed both were asked of the
// same draft, so its letter and merged items were checked twice per command; now the compiled engine asks a guard once
// per transition selection (internal/engine/compiled/guardMemo.ts) and the check itself keeps no answer.

/** A copy of `letter` whose `responses` count their reads. */
function countedLetter(letter: ReplyLetter) {
  const reads = { responses: 0 };
  const { responses, ...rest } = letter;
  const counted = { ...rest } as ReplyLetter;
  Object.defineProperty(counted, 'responses', {
    enumerable: true,
    get: () => {
      reads.responses++;
      return responses;
    },
  });
  return { letter: counted, reads };
}

type Draft = CaseEventOf<'reply.submitDraft'>;
const draftOf = (letter: ReplyLetter): Draft => ({ type: 'reply.submitDraft', at: '2023-06-20', caseId, letter });

describe('the completeness check of a submitted draft', () => {
  it('should read the draft once when the case chooses its transition (no countersigning)', () => {
    const d = soleCase().send({ type: 'case.startDrafting', at: '2023-06-20', caseId });
    const { letter, reads } = countedLetter(seedLetter);
    expect(d.can(draftOf(letter) as BanliEvent)).toBe(true);
    expect(reads.responses).toBe(1);
  });

  it("should read a follow-up reply's letter once when both of 跟踪办理's transitions ask whether it is complete", () => {
    // 跟踪办理 offers `followUp.reply` two transitions, each asking `isCompleteDraft` inside `and`. A letter that
    // answers no point fails the first, and the second asks the same check of the same letter again.
    const d = reply(soleCase(), '2023-06-20', withLetterClass(seedLetter, 'B'));
    rate(d, '2023-07-03', 'satisfied');
    const { letter, reads } = countedLetter({ ...seedLetter, responses: [] });
    const event = { type: 'followUp.reply', at: '2023-09-01', caseId, letter } as const;
    const context = (d.state.cases[caseId] as unknown as { context: CaseContext }).context;
    expect(isCompleteDraft(context, event)).toBe(false);
    const once = reads.responses;
    expect(once).toBeGreaterThan(0);
    reads.responses = 0;
    expect(d.can(event as BanliEvent)).toBe(false);
    expect(reads.responses).toBe(once);
  });

  it('should give the answer the check gives a fresh context and event, whatever was asked before', () => {
    const answers = seedLetter.responses ?? [];
    const letters: ReplyLetter[] = [
      seedLetter,
      { ...seedLetter, responses: answers.slice(1) },
      { ...seedLetter, class: 'D' as ReplyLetter['class'] },
      { ...seedLetter, disclosure: { mode: 'withheld' } as ReplyLetter['disclosure'] },
    ];
    const ctxs = [
      ['s1', 's2', 's3'],
      ['s1', 's2'],
      ['s1', 's2', 's3', 's4'],
    ].map(
      (suggestionIds) =>
        ({
          suggestionIds,
          policy: presets.guangdongCity,
          round: 1,
          feedback: [],
          proposers: [],
          mergedItems: [],
        }) as unknown as CaseContext,
    );
    const events = letters.map(draftOf);
    // What the check answers each pair, asked of fresh copies (no earlier answer can stand for them).
    const expected = ctxs.map((ctx) =>
      events.map((event) => isCompleteDraft({ ...ctx }, { ...event, letter: { ...event.letter } as ReplyLetter })),
    );
    const random = seeded(19);
    const seen = new Set<boolean>();
    for (let i = 0; i < 400; i++) {
      const c = Math.floor(random() * ctxs.length);
      const e = Math.floor(random() * events.length);
      const answer = isCompleteDraft(ctxs[c] as CaseContext, events[e] as Draft);
      expect(answer).toBe(expected[c]?.[e]);
      seen.add(answer);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });
});
