// Issue 15: letters stored before the breaking renames (docs/extending.md) are read in today's shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedReplyLetter132402 } from '../src/fixtures/index.js';
import { ReplyLetterSchema, upcastLetterEvent, upcastReplyLetter } from '../src/index.js';

// The seed reply.submitDraft as the code before the renames stored it (generated from the fixture at commit fb3918c^).
const stored = JSON.parse(
  readFileSync(new URL('./fixtures/old-shape-submit-draft-132402.json', import.meta.url), 'utf8'),
) as { event: { type: string; letter: Record<string, unknown> } };
const old = stored.event.letter;

describe('upcastReplyLetter', () => {
  it('should leave the old shape unreadable without the upcast (the renames are breaking)', () => {
    expect(ReplyLetterSchema.safeParse(old).success).toBe(false);
  });

  it('should map every renamed field so the old seed letter parses as today’s', () => {
    const letter = upcastReplyLetter(old);
    const parsed = ReplyLetterSchema.parse(letter);
    expect(parsed.contacts).toEqual(seedReplyLetter132402.contacts);
    expect(parsed.signatories).toEqual([{ role: 'signer', label: '签发人', name: '签发人（占位：原函未载明）' }]);
    expect(parsed.imprint).toEqual(seedReplyLetter132402.imprint);
    expect(parsed.copyTo?.recipients).toEqual(seedReplyLetter132402.copyTo?.recipients);
    expect(parsed.classMark).toEqual({ text: '(A类)' });
    expect(parsed.responses?.map((r) => r.suggestionIds)).toEqual([['s1'], ['s2'], ['s3']]);
    // Text fields are untouched.
    expect(parsed.responses?.[0]?.body).toEqual(seedReplyLetter132402.responses?.[0]?.body);
    expect(parsed.title).toBe(seedReplyLetter132402.title);
  });

  it('should drop an empty old 抄送 list and keep a letter already in today’s shape as the same object', () => {
    const noCopies = upcastReplyLetter({ ...old, copyTo: [] }) as Record<string, unknown>;
    expect('copyTo' in noCopies).toBe(false);
    expect(upcastReplyLetter(seedReplyLetter132402)).toBe(seedReplyLetter132402);
    expect(upcastReplyLetter(null)).toBeNull();
  });
});

describe('upcastLetterEvent', () => {
  it('should upcast the letter of a stored reply.submitDraft and followUp.reply only', () => {
    const draft = upcastLetterEvent(stored.event);
    expect(draft).not.toBe(stored.event);
    expect(ReplyLetterSchema.safeParse((draft as unknown as { letter: unknown }).letter).success).toBe(true);
    const followUp = upcastLetterEvent({ ...stored.event, type: 'followUp.reply' });
    expect((followUp as unknown as { letter: { contacts?: unknown } }).letter.contacts).toBeDefined();
    const other = { type: 'signOff.approve', letter: old };
    expect(upcastLetterEvent(other)).toBe(other);
  });
});
