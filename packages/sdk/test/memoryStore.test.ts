import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { defineStoreContract } from '../src/storeContract.js';

defineStoreContract('memory', async () => createMemoryStore(), { describe, it, expect });
defineStoreContract('memory (isolated)', async () => createMemoryStore({ isolate: true }), { describe, it, expect });

describe('createMemoryStore', () => {
  it('should copy values through JSON when isolated, so later mutation of the input does not leak in', async () => {
    const store = createMemoryStore({ isolate: true });
    const summary = {
      streamId: 'p1',
      version: 1,
      state: 's',
      caseStates: [],
      tags: [],
      unitIds: [],
      proposerIds: [],
      updatedAt: 1,
      facts: {},
    };
    const event = {
      streamId: 'p1',
      version: 1,
      type: 't',
      event: { type: 't', at: '2023-01-01' },
      actor: { role: 'system', id: 's' },
      recordedAt: 1,
      stateBefore: null,
      stateAfter: null,
      machine: { id: 'm', version: '1' },
      emitted: [],
    };
    await store.append({ streamId: 'p1', expectedVersion: 0, events: [event], summary, deadlines: [] });
    summary.state = 'changed';
    event.type = 'changed';
    expect((await store.getSummary('p1'))?.state).toBe('s');
    expect((await store.readStream('p1'))[0]?.type).toBe('t');
  });
});
