import { chinaMainland } from '@banli/calendar';
import * as core from '@banli/core';
import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it, vi } from 'vitest';
import { createBanli, createManualClock, createMemoryStore } from '../src/index.js';

// Issue 19 §2: a snapshot names its policy by id and hash; loading it must give back the policy the instance runs,
// the very object, so what is remembered about that policy (its hash, its deadline-rule table) is found again. A load
// that handed each context a fresh copy made every command on an uncached proposal hash the policy anew (canonical
// JSON of the whole policy, about 12% of the main thread with 1,500 proposals in flight) and keep a copy per context.

// Every policy object `policyHash` is asked about, in order (the SDK's calls, through the package's export).
const hashed = vi.hoisted(() => [] as object[]);
vi.mock('@banli/core', async (importOriginal) => {
  const actual = await importOriginal<typeof core>();
  return {
    ...actual,
    policyHash: (policy: core.Policy) => {
      hashed.push(policy);
      return actual.policyHash(policy);
    },
  };
});

const id = seedProposal132402.id;
const actors = seedLifecycleActors132402;

describe('the policy a snapshot names, on load', () => {
  it('is the configured policy itself: its hash is computed for one object however many loads', async () => {
    // No aggregate cache and a snapshot at every command: each of the 12 commands loads the proposal from its snapshot.
    const store = createMemoryStore({ isolate: true });
    const loads = vi.spyOn(store, 'load');
    const banli = createBanli({
      store,
      policy: core.presets.guangdongCity,
      calendar: chinaMainland,
      clock: createManualClock('2023-02-20'),
      cache: false,
      snapshotEvery: 1,
    });
    await banli.submit(seedProposal132402, { actor: actors.committee, draft: true, at: '2023-02-20' });
    hashed.length = 0;
    const lifecycle = seedLifecycle132402(id);
    for (const [event, actor] of lifecycle) await banli.send(id, event, { actor });
    expect(loads).toHaveBeenCalledTimes(lifecycle.length);
    // The hash cache is keyed by the policy object: one object, one computation (the policy the instance was
    // configured with, registered once). A copy per load would be a new object, and a new computation, every time.
    expect(hashed.length).toBeGreaterThan(0);
    expect(new Set(hashed).size).toBe(1);
  });
});
