// Issue 13 item 1 (S13), audit: a session item under a preset that counts from the session's closing day must carry
// that day. Without it the reply deadline silently counted from 交办 (a later, wrong due date): refused at submission.
import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.js';
import { banliOn, itemOf } from './support/deadlineScenario.js';
import { seedActors } from './support/seedBanli.js';

describe('issue 13.1 audit: the session’s closing day is required where the reply period counts from it', () => {
  it('refuses a Chongqing session suggestion with no closing day, naming S13; nothing is written', async () => {
    const banli = banliOn(presets.chongqing);
    const item = itemOf({ kind: 'suggestion', channel: 'session' });
    const error = await banli.submit(item, { actor: seedActors.proposer, at: '2023-01-10' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const refusal = error as ValidationError;
    expect(refusal.issues).toEqual([
      expect.objectContaining({ path: ['session', 'closedOn'], code: 'sessionClose.missing' }),
    ]);
    expect(refusal.messages['zh-CN']).toContain('闭幕之日');
    expect(refusal.messages['zh-CN']).toContain('S13');
    expect(refusal.messages.en).toContain('closing day');
    expect(refusal.messages.en).toContain('cn-cq');
    await expect(banli.get(item.id)).rejects.toThrow();
  });

  it('accepts it with the closing day, and counts from that day', async () => {
    const banli = banliOn(presets.chongqing);
    const item = itemOf({ kind: 'suggestion', channel: 'session', closedOn: '2023-01-17' });
    await banli.submit(item, { actor: seedActors.proposer, at: '2023-01-10' });
    expect((await banli.get(item.id)).facts.id).toBe(item.id);
  });

  it('asks for no closing day between sessions, nor under presets that count from 交办', async () => {
    const cq = banliOn(presets.chongqing);
    await cq.submit(itemOf({ kind: 'suggestion', channel: 'interSession' }), { actor: seedActors.proposer });
    for (const name of ['nationalNpc', 'guangdongCity', 'sichuan2024'] as const) {
      const banli = banliOn(presets[name]);
      const item = itemOf({ kind: 'suggestion', channel: 'session' });
      await banli.submit(item, { actor: seedActors.proposer, at: '2023-01-10' });
      expect((await banli.get(item.id)).facts.id).toBe(item.id);
    }
  });
});
