import { seedReplyLetter132402 as letter, seedAssignment132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { IdempotencyMismatchError } from '../src/index.js';
import { fingerprint } from '../src/internal/fingerprint.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Boundary cases beside the single tests that guarded these rules (a mutation sample found each caught by one test).

describe('idempotency fingerprint', () => {
  it('should not depend on key order or on keys whose value is undefined', () => {
    expect(fingerprint({ a: 1, b: { c: 'x', d: [1, 2] } })).toBe(fingerprint({ b: { d: [1, 2], c: 'x' }, a: 1 }));
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
  });

  it('should give the digest an earlier release stored, since the idempotency table keeps it across upgrades', () => {
    // Pinned values: a retry after an upgrade is matched against the fingerprint stored with the first attempt (the
    // PostgreSQL store's idempotency table), so the digest may not change between releases. Mutation testing found
    // the hash's seeds, multipliers and padding unpinned.
    const command = {
      op: 'send',
      at: '2023-04-03',
      event: { type: 'case.requestExtension', reason: '需调研' },
      n: [1, null, true],
    };
    expect(fingerprint(command)).toBe('7b28fd62eb3b9e0d:105');
    expect(fingerprint('')).toBe('ffcaaa853432e491:2');
    expect(fingerprint(undefined)).toBe('77074ba489c82568:4');
    // Each half is zero-padded to 8 hex digits (these two hash to values below 0x10000000).
    expect(fingerprint('k42')).toBe('085d5f6ef2f0f26b:5');
    expect(fingerprint('k3')).toBe('dcdd501b06a5796b:4');
  });

  it('should tell apart values that differ only in array order, type, nesting or a single character', () => {
    const base = fingerprint({ a: [1, 2], b: '1' });
    for (const other of [
      { a: [2, 1], b: '1' },
      { a: [1, 2], b: 1 },
      { a: [[1, 2]], b: '1' },
      { a: [1, 2], b: '2' },
    ])
      expect(fingerprint(other)).not.toBe(base);
    expect(fingerprint({ a: null })).not.toBe(fingerprint({}));
  });

  it('should replay a retried command whose event lists its keys in another order', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const event = { type: 'case.requestExtension', at: '2023-04-03', caseId: seedCaseId, reason: '需调研' };
    const reordered = { reason: '需调研', caseId: seedCaseId, at: '2023-04-03', type: 'case.requestExtension' };
    const first = await banli.send(seedId, event, { actor: seedActors.lead, idempotencyKey: 'ext-1' });
    expect(await banli.send(seedId, reordered, { actor: seedActors.lead, idempotencyKey: 'ext-1' })).toEqual(first);
    expect((await banli.history(seedId)).length).toBe(first.version);
  });

  it('should refuse the same key for the same event from another actor', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const event = { type: 'case.requestExtension', at: '2023-04-03', caseId: seedCaseId, reason: '需调研' };
    await banli.send(seedId, event, { actor: seedActors.lead, idempotencyKey: 'ext-1' });
    const other = { ...seedActors.lead, id: 'another-clerk' };
    await expect(banli.send(seedId, event, { actor: other, idempotencyKey: 'ext-1' })).rejects.toBeInstanceOf(
      IdempotencyMismatchError,
    );
  });
});

describe("facts' reply due", () => {
  const extend = async (banli: ReturnType<typeof seedBanli>['banli']) => {
    const { lead, office } = seedActors;
    await banli.send(
      seedId,
      { type: 'case.requestExtension', at: '2023-06-01', caseId: seedCaseId, reason: '需调研' },
      { actor: lead },
    );
    await banli.send(seedId, { type: 'extension.approve', at: '2023-06-05', caseId: seedCaseId }, { actor: office });
  };
  const replyDue = async (banli: ReturnType<typeof seedBanli>['banli']) =>
    (await banli.get(seedId)).facts.cases[seedCaseId]?.replyDue;

  it('should follow the reply deadline in force before the first reply: the extended one, not the cancelled one', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    expect(await replyDue(banli)).toBe('2023-06-30');
    await extend(banli);
    // The extension runs to the policy's 6-month maximum from assignment (2023-03-15 → 2023-09-15, issue 13 item 5).
    expect(await replyDue(banli)).toBe('2023-09-15');
  });

  it('should keep the deadline in force when the first reply was issued, after an extension', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    await extend(banli);
    const { lead, leader } = seedActors;
    for (const unit of seedAssignment132402.coUnits)
      await banli.send(
        seedId,
        {
          type: 'coUnit.submitOpinion',
          at: '2023-06-06',
          caseId: seedCaseId,
          opinion: {
            fromUnit: unit,
            toUnit: { id: 'zs-commerce', name: '中山市商务局' },
            text: '同意',
            date: '2023-06-06',
          },
        },
        { actor: { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } },
      );
    await banli.send(seedId, { type: 'case.startDrafting', at: '2023-07-10', caseId: seedCaseId }, { actor: lead });
    await banli.send(
      seedId,
      { type: 'reply.submitDraft', at: '2023-07-10', caseId: seedCaseId, letter },
      { actor: lead },
    );
    await banli.send(
      seedId,
      { type: 'signOff.approve', at: '2023-07-11', caseId: seedCaseId, signer: '局长' },
      { actor: leader },
    );
    const facts = (await banli.get(seedId)).facts.cases[seedCaseId];
    expect([facts?.firstReplyAt, facts?.replyDue]).toEqual(['2023-07-11', '2023-09-15']);
  });
});
