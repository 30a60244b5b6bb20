// Issue 13 item 1 (S13): Chongqing's "3 months from the session's closing day", carried as data through `submit`.
import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { NotCovered } from '../src/index.js';
import { banliOn, itemOf, replyDue } from './support/deadlineScenario.js';
import { seedActors } from './support/seedBanli.js';

const closedOn = '2023-01-17';

describe('rule 1 (S13): the reply period counts from the session’s closing day, for session items only', () => {
  it('1a: a session suggestion assigned 2023-03-15 is due 3 months after the session closed (2023-04-17)', async () => {
    const { due, start } = await replyDue(
      presets.chongqing,
      { kind: 'suggestion', channel: 'session', closedOn },
      '2023-03-15',
    );
    expect(start).toBe(closedOn);
    expect(due).toBe('2023-04-17');
  });

  it('1b: a between-session suggestion assigned 2023-08-10 counts from its assignment, never before it', async () => {
    const { due, start } = await replyDue(
      presets.chongqing,
      { kind: 'suggestion', channel: 'interSession', closedOn },
      '2023-08-10',
    );
    expect(start).toBe('2023-08-10');
    expect(due).toBe('2023-11-10');
  });

  it('1c: a session suggestion assigned after its period from the close would end counts from the assignment', async () => {
    const { due } = await replyDue(
      presets.chongqing,
      { kind: 'suggestion', channel: 'session', closedOn },
      '2023-05-04',
    );
    expect(due >= '2023-05-04').toBe(true);
    expect(due).toBe('2023-08-04');
  });

  it('1d: a CPPCC proposal is refused at submission under the Chongqing preset, naming the preset', async () => {
    const banli = banliOn(presets.chongqing);
    const item = itemOf({ kind: 'proposal', channel: 'session', closedOn });
    const error = await banli.submit(item, { actor: seedActors.proposer, at: '2023-01-10' }).catch((e) => e);
    expect(error).toBeInstanceOf(NotCovered);
    expect(error.code).toBe('NOT_COVERED');
    expect(error.policyId).toBe('cn-cq');
    expect(error.messages['zh-CN']).toContain('重庆市人大代表建议办理');
    expect(error.messages['zh-CN']).toContain('政协提案');
    expect(error.messages.en).toContain('cn-cq');
    await expect(banli.get(item.id)).rejects.toThrow();
  });

  it('1e: an item covered only by analogy is accepted and says so in its facts', async () => {
    const banli = banliOn(presets.guangdongCity);
    const item = itemOf({ kind: 'suggestion', channel: 'session' });
    await banli.submit(item, { actor: seedActors.proposer, at: '2023-02-20' });
    const view = await banli.get(item.id);
    expect(view.facts.coverage).toMatchObject({ policyId: 'cn-gd-city', basis: 'analogy', source: 'S22' });
    const sourced = itemOf({ kind: 'proposal', channel: 'session' });
    const other = banliOn(presets.guangdongCity);
    await other.submit(sourced, { actor: seedActors.proposer, at: '2023-02-20' });
    expect((await other.get(sourced.id)).facts.coverage).toBeUndefined();
  });
});
