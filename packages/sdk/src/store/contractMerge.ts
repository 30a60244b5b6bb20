import { createManualClock } from '../clock.js';
import { createBanli } from '../createBanli.js';
import type { Actor } from '../roles/roles.js';
import type { ContractTestApi } from './contract.js';
import { fixtureAppend as appendOf, fixtureSummary } from './contractFixtures.js';
import type { AppendRequest, Store } from './port.js';

type Run = (fn: (store: Store) => Promise<void>) => () => Promise<void>;

/** Awaits a promise that must reject and returns its error. */
async function rejected(promise: Promise<unknown> | undefined): Promise<{ code?: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; reason?: string };
  }
  throw new Error('expected the promise to reject');
}

const committee = { role: 'committee', id: 'committee' } as const satisfies Actor;

/** A proposal filed at the session by one member (the default policy, guangdongCity, covers it). */
const item = (id: string, number: number, proposer: string) => ({
  kind: 'proposal' as const,
  id,
  number,
  session: { term: 16, meeting: 3, year: 2024 },
  title: `关于老旧小区加装电梯的提案（${number}）`,
  suggestions: [{ id: `${id}-1`, title: '简化审批流程' }],
  proposers: [{ id: proposer, type: 'member' as const, name: proposer, first: true, placeholder: true }],
  channel: 'session' as const,
});

/**
 * The contract of `appendAll` (several streams in one transaction) and of 并案 through `createBanli` on the store: the
 * target and the merged item are written together or not at all (S20).
 */
export function defineAppendAllContract(api: ContractTestApi, run: Run): void {
  const { it, expect } = api;

  it(
    'should write every request of appendAll in one go, each read back at its new version',
    run(async (store) => {
      await store.append(appendOf('p1', 0, 2));
      expect(await store.appendAll?.([appendOf('p2', 0), appendOf('p1', 2)])).toEqual([{ version: 1 }, { version: 3 }]);
      expect((await store.readStream('p1')).map((e) => e.version)).toEqual([1, 2, 3]);
      expect((await store.readStream('p2')).map((e) => e.version)).toEqual([1]);
      expect((await store.getSummary('p2'))?.version).toBe(1);
    }),
  );

  it(
    'should write nothing of appendAll when one request has a stale version, even after one that would succeed',
    run(async (store) => {
      await store.append(appendOf('p1', 0, 2));
      await store.append(appendOf('p3', 0));
      // p2 is created first, then p1 is refused: p2 must not exist afterwards; z9 sorts after p1.
      const requests: AppendRequest[] = [
        appendOf('p2', 0),
        appendOf('p3', 1, 1, { idempotency: { key: 'k-all', fingerprint: 'f', result: 1 } }),
        appendOf('p1', 1, 1, { summary: fixtureSummary('p1', 9) }),
        appendOf('z9', 0),
      ];
      const error = await rejected(store.appendAll?.(requests));
      expect(error.code).toBe('CONCURRENCY_CONFLICT');
      expect(error.reason).toBe('version');
      expect(await store.load('p2')).toBeUndefined();
      expect(await store.load('z9')).toBeUndefined();
      expect((await store.readStream('p3')).map((e) => e.version)).toEqual([1]);
      expect(await store.getIdempotency('k-all')).toBeUndefined();
      expect((await store.getSummary('p1'))?.version).toBe(2);
    }),
  );

  it(
    'should write nothing of appendAll when a later request takes an idempotency key already taken',
    run(async (store) => {
      await store.append(appendOf('p1', 0, 1, { idempotency: { key: 'k1', fingerprint: 'f', result: 1 } }));
      const error = await rejected(
        store.appendAll?.([
          appendOf('p1', 1),
          appendOf('p2', 0, 1, { idempotency: { key: 'k1', fingerprint: 'g', result: 2 } }),
        ]),
      );
      expect(error.reason).toBe('idempotencyKey');
      expect((await store.readStream('p1')).map((e) => e.version)).toEqual([1]);
      expect(await store.load('p2')).toBeUndefined();
    }),
  );

  it(
    'should merge (并案, S20) atomically through createBanli: a refused append of the item leaves the target unchanged',
    run(async (inner) => {
      // A proposer withdraws the item while the committee merges it: the item's stream moves on between the read and
      // the write, so the item's append is refused. The target must then not keep the item (no stale merged item).
      let armed = false;
      let interleaved = 0;
      const beforeItemWrite = async (requests: AppendRequest[]) => {
        if (!armed || !requests.some((r) => r.streamId === 'merge-x')) return;
        armed = false;
        interleaved++;
        const withdraw = {
          type: 'proposal.withdraw',
          at: '2024-02-13',
          by: 'p-x',
          writtenRequest: { date: '2024-02-13' },
        };
        await banli.send('merge-x', withdraw, { actor: { role: 'proposer', id: 'p-x' } });
      };
      const store: Store = {
        ...inner,
        append: async (request) => {
          await beforeItemWrite([request]);
          return inner.append(request);
        },
        ...(inner.appendAll
          ? {
              appendAll: async (requests: AppendRequest[]) => {
                await beforeItemWrite(requests);
                return (inner.appendAll as NonNullable<Store['appendAll']>)(requests);
              },
            }
          : {}),
      };
      const banli = createBanli({ store, clock: createManualClock('2024-02-10') });
      await banli.submit(item('merge-t', 101, 'p-t'), { actor: { role: 'proposer', id: 'p-t' } });
      await banli.submit(item('merge-x', 102, 'p-x'), { actor: { role: 'proposer', id: 'p-x' } });
      for (const id of ['merge-t', 'merge-x']) {
        await banli.send(id, { type: 'review.start', at: '2024-02-12' }, { actor: committee });
      }
      const before = await inner.readStream('merge-t');
      armed = true;
      const error = await rejected(
        banli.send('merge-x', { type: 'review.merge', at: '2024-02-14', into: 'merge-t' }, { actor: committee }),
      );
      expect(interleaved).toBe(1);
      // The merge is refused on the withdrawn item (the retry reads it afresh), and the target holds nothing of it.
      expect(error.code).toBe('TRANSITION_REFUSED');
      expect(await inner.readStream('merge-t')).toEqual(before);
      expect((await inner.getSummary('merge-t'))?.version).toBe(before.length);
      expect((await banli.history('merge-t')).some((e) => e.type === 'proposal.addMergedItem')).toBe(false);
      expect((await inner.readStream('merge-x')).map((e) => e.type).at(-1)).toBe('proposal.withdraw');
    }),
  );
}
