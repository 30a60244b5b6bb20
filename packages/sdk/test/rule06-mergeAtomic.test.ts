// Issue 13 (并案, S20): `review.merge` writes the target and the merged item in one `appendAll`, so a refused append of
// either leaves both as they were (the store contract proves it on every store, `contractMerge.ts`). Here: a store
// that cannot write two streams at once refuses merges with a typed error, writing nothing; a target that moved on
// between the read and the write is read again, even when the caller pinned the item's version.
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import {
  type AppendRequest,
  createBanli,
  createManualClock,
  createMemoryStore,
  MergeUnsupported,
  type Store,
} from '../src/index.js';
import { actors, ruleItem } from './support/rules.js';

const xProposer = { role: 'proposer', id: 'p-x' } as const;

function similarItem(): Proposal {
  return {
    ...ruleItem('proposal', 'item-x', 102),
    suggestions: [{ id: 'x1', title: '设立加装电梯专项资金' }],
    proposers: [{ id: xProposer.id, type: 'member', name: '丙', first: true, placeholder: true }],
  };
}

async function underReview(store: Store) {
  const banli = createBanli({
    store,
    clock: createManualClock('2024-01-20'),
    policy: presets.guangdongCity,
    calendar: chinaMainland,
  });
  const target = ruleItem('proposal');
  const item = similarItem();
  await banli.submit(target, { actor: actors.first, at: '2024-01-20' });
  await banli.submit(item, { actor: xProposer, at: '2024-01-20' });
  for (const id of [target.id, item.id]) {
    await banli.send(id, { type: 'review.start', at: '2024-01-22' }, { actor: actors.committee });
  }
  return { banli, target, item };
}

describe('rule 6: 并案 is one write of both streams (S20)', () => {
  it('6k: a store without appendAll refuses the merge with MergeUnsupported (zh-CN and en) and writes nothing', async () => {
    const { appendAll: _dropped, ...inner } = createMemoryStore();
    const { banli, target, item } = await underReview(inner);
    const before = { t: (await banli.get(target.id)).version, x: (await banli.get(item.id)).version };
    const error = await banli
      .send(item.id, { type: 'review.merge', at: '2024-01-25', into: target.id }, { actor: actors.committee })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(MergeUnsupported);
    expect((error as MergeUnsupported).code).toBe('MERGE_UNSUPPORTED');
    expect((error as MergeUnsupported).messages).toEqual({
      'zh-CN': '所用存储不能在一个事务中写入两个办件（缺少 appendAll），无法并案',
      en: 'The store cannot write two streams in one transaction (appendAll is missing), so it cannot merge items',
    });
    expect({ t: (await banli.get(target.id)).version, x: (await banli.get(item.id)).version }).toEqual(before);
  });

  it('6l: a target written meanwhile is read again and the merge retried, though the caller pinned the item’s version', async () => {
    const inner = createMemoryStore({ isolate: true });
    let interleave: (() => Promise<unknown>) | undefined;
    const store: Store = {
      ...inner,
      appendAll: async (requests: AppendRequest[]) => {
        const run = interleave;
        interleave = undefined;
        await run?.();
        return (inner.appendAll as NonNullable<Store['appendAll']>)(requests);
      },
    };
    const { banli, target, item } = await underReview(store);
    // The committee registers the target while the merge is being written: the target's append is stale.
    interleave = () =>
      banli.send(target.id, { type: 'review.register', at: '2024-01-24' }, { actor: actors.committee });
    const expectedVersion = (await banli.get(item.id)).version;
    await banli.send(
      item.id,
      { type: 'review.merge', at: '2024-01-25', into: target.id },
      { actor: actors.committee, expectedVersion },
    );
    const types = (await banli.history(target.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['review.register', 'proposal.addMergedItem']);
    expect((await banli.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'merged' });
  });
});
