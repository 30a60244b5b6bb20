import { seedProposal132402 } from '@banli/schemas/fixtures';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Banli, BanliError, createBanli, DEFAULT_LIMITS, type Store, ValidationError } from '../src/index.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 16 items 5, 6, 8 and 9: every hostile argument is a ValidationError (zh-CN and en) and writes nothing.

let banli: Banli;
let store: Store;

beforeEach(async () => {
  ({ banli, store } = seedBanli());
  await seedAccepted(banli);
});

const contact = (note: string, extra: Record<string, unknown> = {}) => ({
  type: 'case.recordContact',
  at: '2023-03-20',
  caseId: seedCaseId,
  proposerId: 'member-liang-xiaoheng',
  method: 'phone',
  note,
  ...extra,
});

/** Runs a command that must be refused with a ValidationError; proves nothing was written and returns the error. */
async function invalid(run: () => Promise<unknown>, code?: string): Promise<ValidationError> {
  const before = JSON.stringify(await store.queryStreams());
  const log = JSON.stringify(await store.readStream(seedId));
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const v = error as ValidationError;
  expect(v.messages['zh-CN']).toMatch(/\p{Script=Han}/u);
  expect(v.messages.en).toMatch(/^Invalid input/);
  if (code) expect(v.issues.map((i) => i.code)).toContain(code);
  expect(JSON.stringify(await store.queryStreams())).toBe(before);
  expect(JSON.stringify(await store.readStream(seedId))).toBe(log);
  return v;
}

const fresh = (id: string) => ({ ...seedProposal132402, id });

describe('submit options are validated (item 5)', () => {
  for (const at of ['2023-02-30', { evil: true }, "2023-01-01'; drop table events; --", 20230101]) {
    it(`should refuse a draft submitted with at = ${JSON.stringify(at)}`, async () => {
      await invalid(() => banli.submit(fresh('draft-1'), { actor: seedActors.proposer, at: at as never, draft: true }));
      await expect(store.getSummary('draft-1')).resolves.toBeUndefined();
    });
  }

  it('should refuse a draft flag that is not a boolean and an empty idempotency key', async () => {
    await invalid(() => banli.submit(fresh('draft-2'), { actor: seedActors.proposer, draft: 'yes' as never }));
    await invalid(() => banli.submit(fresh('draft-3'), { actor: seedActors.proposer, idempotencyKey: '' }));
  });

  it('should refuse a negative or fractional expectedVersion on send', async () => {
    await invalid(() => banli.send(seedId, contact('x'), { actor: seedActors.lead, expectedVersion: -1 }));
    await invalid(() => banli.send(seedId, contact('x'), { actor: seedActors.lead, expectedVersion: 1.5 }));
  });

  it('should refuse bad tick, query, statistics and letter arguments', async () => {
    await expect(banli.tick('2023-02-30')).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.tick('2023-06-01', { batchSize: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.tick('2023-06-01', { leaseMs: Number.NaN })).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.query({ limit: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.query({ unitId: 'a\u0000b' })).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.statistics({ from: '2023-01-01', to: 'soon' })).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.letter(seedId, seedCaseId, 'pdf' as never)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('untyped errors become ValidationError (item 6)', () => {
  it('should refuse a cyclic payload with an idempotency key (the fingerprint runs after validation)', async () => {
    const event: Record<string, unknown> = contact('cyclic');
    event.self = event;
    await invalid(() => banli.send(seedId, event, { actor: seedActors.lead, idempotencyKey: 'k-cyclic' }), 'not_json');
  });

  it('should refuse a deeply nested payload with an idempotency key', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    await invalid(
      () => banli.send(seedId, contact('deep', { deep }), { actor: seedActors.lead, idempotencyKey: 'k' }),
      'too_deep',
    );
  });

  it('should refuse a BigInt in a payload with an idempotency key', async () => {
    const event = contact('big', { n: 10n });
    await invalid(() => banli.send(seedId, event, { actor: seedActors.lead, idempotencyKey: 'k-big' }), 'not_json');
    const proposal = { ...fresh('big-1'), n: 1n };
    await invalid(() => banli.submit(proposal, { actor: seedActors.proposer, idempotencyKey: 'k-big-2' }), 'not_json');
  });

  it('should refuse send(id, event) with no options', async () => {
    await invalid(
      () => (banli.send as (id: string, e: unknown) => Promise<unknown>)(seedId, contact('none')),
      'required',
    );
  });

  it('should refuse NUL bytes and lone surrogates in any text, and ids containing NUL', async () => {
    await invalid(() => banli.send(seedId, contact('a\u0000b'), { actor: seedActors.lead }), 'nul_character');
    await invalid(() => banli.send(seedId, contact('a\ud800b'), { actor: seedActors.lead }), 'lone_surrogate');
    await invalid(() => banli.send(seedId, contact('\udc00'), { actor: seedActors.lead }), 'lone_surrogate');
    await invalid(() => banli.submit(fresh('nul\u0000id'), { actor: seedActors.proposer }), 'nul_character');
    await invalid(() => banli.send(`${seedId}\u0000`, contact('x'), { actor: seedActors.lead }), 'nul_character');
    await invalid(() => banli.send(seedId, contact('x'), { actor: { ...seedActors.lead, id: 'chen\u0000' } }));
    await invalid(() => banli.send(seedId, contact('x'), { actor: seedActors.lead, idempotencyKey: 'k\ud83d' }));
    await expect(banli.get(`${seedId}\u0000`)).rejects.toBeInstanceOf(ValidationError);
    await expect(banli.history('\ud800')).rejects.toBeInstanceOf(ValidationError);
    // A well-formed surrogate pair (an emoji, a rare CJK character outside the BMP) is ordinary text.
    await expect(banli.send(seedId, contact('𠮷 😀'), { actor: seedActors.lead })).resolves.toMatchObject({
      version: 7,
    });
  });

  it("should refuse utcOffsetMinutes: 'Asia/Shanghai' when the instance is created, not on every tick", () => {
    const make = (utcOffsetMinutes: unknown) => () => createBanli({ utcOffsetMinutes: utcOffsetMinutes as number });
    expect(make('Asia/Shanghai')).toThrow(ValidationError);
    expect(make(24 * 60)).toThrow(ValidationError);
    expect(make(Number.NaN)).toThrow(ValidationError);
    expect(make(-300)).not.toThrow();
    expect(() => createBanli({ maxRetries: -1 })).toThrow(ValidationError);
    expect(() => createBanli({ snapshotEvery: 0.5 })).toThrow(ValidationError);
    expect(() => createBanli({ limits: { idLength: 0 } })).toThrow(ValidationError);
  });
});

describe('size limits as policy data (item 8)', () => {
  it('should default to ids ≤ 128, keys ≤ 256, text ≤ 64 K, letters ≤ 512 K, payloads ≤ 1 M, streams ≤ 10,000 events', () => {
    expect(DEFAULT_LIMITS).toEqual({
      idLength: 128,
      idempotencyKeyLength: 256,
      textLength: 65_536,
      letterLength: 524_288,
      payloadLength: 1_048_576,
      streamEvents: 10_000,
      depth: 32,
    });
  });

  it('should refuse ids over 128 characters and keys over 256, accepting them at the limit', async () => {
    await invalid(() => banli.submit(fresh('p'.repeat(129)), { actor: seedActors.proposer }), 'too_long');
    await expect(banli.submit(fresh('p'.repeat(128)), { actor: seedActors.proposer })).resolves.toMatchObject({
      version: 2,
    });
    await invalid(() => banli.send(seedId, contact('x'), { actor: seedActors.lead, idempotencyKey: 'k'.repeat(257) }));
    await expect(
      banli.send(seedId, contact('x'), { actor: seedActors.lead, idempotencyKey: 'k'.repeat(256) }),
    ).resolves.toMatchObject({ version: 7 });
  });

  it('should refuse a 10 MB proposal body, and quote only a short prefix of a 10 MB bad date', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    await invalid(() => banli.submit({ ...fresh('huge'), body: huge }, { actor: seedActors.proposer }), 'too_long');
    const error = await invalid(() =>
      banli.send(seedId, contact('x', { at: `2023-${huge}` }), { actor: seedActors.lead }),
    );
    expect(JSON.stringify(error.issues).length).toBeLessThan(2_000);
    expect(error.message.length).toBeLessThan(500);
    const atOption = await invalid(() =>
      banli.submit(fresh('at-huge'), { actor: seedActors.proposer, at: huge, draft: true }),
    );
    expect(JSON.stringify(atOption.issues).length).toBeLessThan(2_000);
  });

  it('should take its limits from the options, and refuse commands on a full stream', async () => {
    const small = seedBanli({ limits: { streamEvents: 7, textLength: 200 } });
    await seedAccepted(small.banli);
    await expect(small.banli.send(seedId, contact('x'.repeat(201)), { actor: seedActors.lead })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ code: 'too_long' })],
    });
    await small.banli.send(seedId, contact('seventh'), { actor: seedActors.lead });
    const full = await small.banli.send(seedId, contact('eighth'), { actor: seedActors.lead }).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(ValidationError);
    expect((full as ValidationError).issues[0]?.code).toBe('stream_full');
    expect((await small.store.readStream(seedId)).length).toBe(7);
  });

  it('should refuse a payload larger than the payload limit as a whole', async () => {
    const small = seedBanli({ limits: { payloadLength: 1000 } });
    await seedAccepted(small.banli);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'y'.repeat(30)]));
    const error = await small.banli.send(seedId, contact('x', many), { actor: seedActors.lead }).catch((e) => e);
    expect((error as ValidationError).issues[0]?.code).toBe('too_large');
  });
});

describe('ids with a leading U+FEFF (item 9)', () => {
  it('should refuse them in the schema and in every id argument', async () => {
    await invalid(() => banli.submit(fresh('\ufeffbom'), { actor: seedActors.proposer }), 'leading_bom');
    await invalid(() => banli.send(`\ufeff${seedId}`, contact('x'), { actor: seedActors.lead }), 'leading_bom');
    const error = await invalid(() => banli.submit(fresh('\ufeffbom-2'), { actor: seedActors.proposer }));
    expect(error).toBeInstanceOf(BanliError);
    // A U+FEFF inside text (a zero-width no-break space) is kept: only a leading one is refused.
    await expect(banli.send(seedId, contact('a\ufeffb'), { actor: seedActors.lead })).resolves.toMatchObject({
      version: 7,
    });
  });
});
