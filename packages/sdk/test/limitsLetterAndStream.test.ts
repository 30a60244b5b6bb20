import { chinaMainland, extendCalendar } from '@banli/calendar';
import { seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ValidationError } from '../src/index.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// Issue 16 item 8 (rest): the reply letter has its own size limit, and nothing (the scheduler, a calendar
// correction) writes past the stream limit.

/** Characters of text in a value, keys and strings alike: what the letter limit counts. */
function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textSize(v), 0);
  if (value && typeof value === 'object')
    return Object.entries(value).reduce((n, [k, v]) => n + k.length + textSize(v), 0);
  return 0;
}

const letter = seedReplyLetter132402;
const draft = { type: 'reply.submitDraft', at: '2023-06-20', caseId: seedCaseId, letter };

async function toDrafting(limits: Record<string, number>) {
  const seeded = seedBanli({ limits });
  await seedAccepted(seeded.banli);
  await seeded.banli.send(
    seedId,
    { type: 'case.startDrafting', at: '2023-06-01', caseId: seedCaseId },
    { actor: seedActors.lead },
  );
  return seeded;
}

describe('the reply letter size limit (limits.letterLength)', () => {
  const size = textSize(letter);

  it('should accept a letter of exactly letterLength characters, counting the letter alone', async () => {
    const { banli } = await toDrafting({ letterLength: size });
    await expect(banli.send(seedId, draft, { actor: seedActors.lead })).resolves.toMatchObject({ version: 8 });
  });

  it('should refuse a letter one character over, naming the letter limit in zh-CN and en, and write nothing', async () => {
    const { banli, store } = await toDrafting({ letterLength: size - 1 });
    const error = await banli.send(seedId, draft, { actor: seedActors.lead }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue?.code).toBe('letter_too_large');
    expect(issue?.path).toEqual(['letter']);
    expect(issue?.messages.en).toContain('limits.letterLength');
    expect(issue?.messages.en).toContain(String(size - 1));
    expect(issue?.messages['zh-CN']).toContain('答复函');
    expect(issue?.messages['zh-CN']).toContain('limits.letterLength');
    expect(await store.readStream(seedId)).toHaveLength(7);
  });

  it('should hold a whole payload to payloadLength (1 M by default), apart from the letter limit', async () => {
    expect(DEFAULT_LIMITS.payloadLength).toBe(1024 * 1024);
    expect(DEFAULT_LIMITS.letterLength).toBe(512 * 1024);
    const { banli } = await toDrafting({ payloadLength: size });
    const error = await banli.send(seedId, draft, { actor: seedActors.lead }).catch((e: unknown) => e);
    expect((error as ValidationError).issues[0]?.code).toBe('too_large');
    expect((error as ValidationError).issues[0]?.path).toEqual([]);
  });
});

describe('the stream limit binds the scheduler (limits.streamEvents)', () => {
  it('should leave a due deadline of a full stream unfired and report it, writing nothing', async () => {
    // The accepted seed case holds 6 events: with a limit of 6, the stream is full.
    const { banli, store } = seedBanli({ limits: { streamEvents: 6 } });
    await seedAccepted(banli);
    const before = await store.readStream(seedId);
    expect(before).toHaveLength(6);
    const report = await banli.tick('2023-08-01');
    expect(report.fired).toEqual([]);
    expect(report.full.length).toBeGreaterThan(0);
    expect(report.full.every((k) => k.streamId === seedId)).toBe(true);
    expect(await store.readStream(seedId)).toHaveLength(6);
    // The deadlines stay open: nothing was marked fired.
    for (const key of report.full) expect(await store.hasFired(key)).toBe(false);
  });

  it('should fire them once the limit allows (the same case with room left)', async () => {
    const { banli, store } = seedBanli({ limits: { streamEvents: 100 } });
    await seedAccepted(banli);
    const report = await banli.tick('2023-08-01');
    expect(report.full).toEqual([]);
    expect(report.fired.length).toBeGreaterThan(0);
    expect((await store.readStream(seedId)).length).toBeGreaterThan(6);
  });

  it('should leave a full stream out of a calendar correction and report it', async () => {
    // A closure on Friday 2023-06-30 moves the seed case's reply date; its stream is full, so nothing is written.
    const corrected = extendCalendar(chinaMainland, {
      id: 'cn-mainland+closure',
      version: '2023.1',
      extraHolidays: [
        { name: 'closure', label: { 'zh-CN': '闭馆', en: 'Closure' }, start: '2023-06-30', end: '2023-06-30' },
      ],
    });
    const { banli, store } = seedBanli({ limits: { streamEvents: 6 } });
    await seedAccepted(banli);
    const report = await banli.recomputeDeadlines(corrected);
    expect(report.full).toEqual([seedId]);
    expect(report.moved).toEqual([]);
    expect(await store.readStream(seedId)).toHaveLength(6);
  });
});
