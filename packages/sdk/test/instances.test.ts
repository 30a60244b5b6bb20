import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type AppendRequest, createMemoryStore, type Store } from '../src/index.js';
import { seedActors, seedBanli, seedId } from './support/seedBanli.js';

// Issue 18: caches belong to an instance; two `createBanli` instances in one process share nothing (docs: nothing is
// global). The log shares equal actors and state values between entries of one instance only.

/** A memory store that keeps every append request, so the objects the SDK logged can be compared by identity. */
function recordingStore(): { store: Store; appended: AppendRequest[] } {
  const inner = createMemoryStore();
  const appended: AppendRequest[] = [];
  const store: Store = {
    ...inner,
    append: (request) => {
      appended.push(request);
      return inner.append(request);
    },
  };
  return { store, appended };
}

/** Submits the seed proposal under two ids (same proposer, same states) and returns the logged entries in order. */
async function submitTwice() {
  const { store, appended } = recordingStore();
  const { banli } = seedBanli({ store });
  await banli.submit(seedProposal132402, { actor: seedActors.proposer, at: '2023-02-20' });
  await banli.submit({ ...seedProposal132402, id: `${seedId}-2` }, { actor: seedActors.proposer, at: '2023-02-20' });
  const events = appended.flatMap((r) => r.events);
  if (events.length < 3) throw new Error(`expected at least 3 logged entries, got ${events.length}`);
  return events as [(typeof events)[number], (typeof events)[number], (typeof events)[number]];
}

describe('createBanli instances', () => {
  it('should share logged actors and state values between entries of one instance', async () => {
    const [a1, , a2] = await submitTwice();
    expect(a1.actor).toBe(a2.actor);
    expect((a1.stateAfter as { proposal: unknown }).proposal).toBe((a2.stateAfter as { proposal: unknown }).proposal);
  });

  it('should share no logged actor or state value with another instance', async () => {
    const [a] = await submitTwice();
    const [b] = await submitTwice();
    expect(b.actor).toEqual(a.actor);
    expect(b.actor).not.toBe(a.actor);
    const proposalOf = (e: typeof a) => (e.stateAfter as { proposal: unknown }).proposal;
    expect(typeof proposalOf(a)).toBe('object');
    expect(proposalOf(b)).toEqual(proposalOf(a));
    expect(proposalOf(b)).not.toBe(proposalOf(a));
  });
});
