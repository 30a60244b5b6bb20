import { describe, expect, it } from 'vitest';
import { REJECTION_REASON_LABELS, REJECTION_REASONS, RejectionReasonSchema } from '../src/index.js';
import { messagesOf } from './support/messages.js';

describe('RejectionReasonSchema', () => {
  it('should accept every listed reason and nothing else', () => {
    for (const r of REJECTION_REASONS) expect(RejectionReasonSchema.parse(r.value)).toBe(r.value);
    expect(RejectionReasonSchema.options).toHaveLength(REJECTION_REASONS.length);
  });

  it('should explain an unknown reason with the labelled list', () => {
    const m = messagesOf(RejectionReasonSchema, 'boring');
    expect(m['zh-CN'][0]).toContain('"emptyContent"（内容空泛）');
    expect(m.en[0]).toContain('"outsideJurisdiction" (Outside the local jurisdiction)');
  });
});

describe('REJECTION_REASONS', () => {
  it('should hold the ten CPPCC reasons for both kinds and two NPC-only additions', () => {
    const npcOnly = REJECTION_REASONS.filter((r) => !(r.appliesTo as readonly string[]).includes('proposal'));
    expect(npcOnly.map((r) => r.value)).toEqual(['petitionComplaint', 'outsideJurisdiction']);
    expect(REJECTION_REASONS.length - npcOnly.length).toBe(10);
  });

  it('should cite a source for every reason', () => {
    for (const r of REJECTION_REASONS) expect(r.source).toMatch(/\[S(2|30)\] http/);
  });

  it('should expose labels keyed by value', () => {
    expect(REJECTION_REASON_LABELS.stateSecret).toEqual({ 'zh-CN': '涉及国家秘密', en: 'Involves state secrets' });
  });
});
