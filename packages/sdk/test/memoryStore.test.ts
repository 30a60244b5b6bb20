import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { defineStoreContract } from '../src/storeContract.js';

defineStoreContract('memory', async () => createMemoryStore(), { describe, it, expect });
defineStoreContract('memory (isolated)', async () => createMemoryStore({ isolate: true }), { describe, it, expect });

/** A stream's first stored event, emitting `emitted`. */
function firstEvent(streamId: string, emitted: { type: string; at: string }[]) {
  return {
    streamId,
    version: 1,
    type: 't',
    event: { type: 't', at: '2023-01-01' },
    actor: { role: 'system', id: 's' },
    recordedAt: 1,
    stateBefore: null,
    stateAfter: null,
    machine: { id: 'm', version: '1' },
    emitted,
  };
}

/** A stream's summary at version 1. */
function summaryOf(streamId: string) {
  return {
    streamId,
    version: 1,
    state: 's',
    caseStates: [],
    tags: [],
    unitIds: [],
    proposerIds: [],
    updatedAt: 1,
    facts: {},
  };
}

describe('createMemoryStore', () => {
  it('should copy values through JSON when isolated, so later mutation of the input does not leak in', async () => {
    const store = createMemoryStore({ isolate: true });
    const summary = summaryOf('p1');
    const event = firstEvent('p1', []);
    await store.append({ streamId: 'p1', expectedVersion: 0, events: [event], summary, deadlines: [] });
    summary.state = 'changed';
    event.type = 'changed';
    expect((await store.getSummary('p1'))?.state).toBe('s');
    expect((await store.readStream('p1'))[0]?.type).toBe('t');
  });
});

describe('createMemoryStore outbox records', () => {
  // Issue 19 §2: the in-memory outbox keeps every undelivered record. Built by spreading (`{ ...record, position }`),
  // each record got a V8 hidden class of its own once the spread was warm (a map and its descriptors per record, kept as
  // long as the record, and marked by every full collection); built whole, all records of a kind share one.
  it('should give every record of a kind one hidden class', async () => {
    v8.setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const store = createMemoryStore();
    const streams = 200;
    for (let i = 0; i < streams; i++) {
      const streamId = `p${i}`;
      const event = firstEvent(streamId, [{ type: 'n', at: '2023-01-01' }]);
      await store.append({
        streamId,
        expectedVersion: 0,
        events: [event],
        summary: summaryOf(streamId),
        deadlines: [],
      });
    }
    const alerts = Array.from({ length: streams }, (_, i) => ({
      streamId: `p${i}`,
      deadlineId: 'd',
      due: '2023-02-01',
      alertId: 'a',
      notification: { type: 'reminder.due', at: '2023-01-25' },
    }));
    await store.markAlertsSent(alerts, 1);
    const records = (await store.readOutbox?.('', 2 * streams + 10)) ?? [];
    expect(records).toHaveLength(2 * streams);
    const events = records.filter((r) => r.source === 'event');
    const alertRecords = records.filter((r) => r.source === 'alert');
    expect(events).toHaveLength(streams);
    expect(events.filter((r) => !sameMap(r, events[0] as object))).toEqual([]);
    expect(alertRecords.filter((r) => !sameMap(r, alertRecords[0] as object))).toEqual([]);
    // Same records as before: position last, in commit order.
    expect(Object.keys(events[0] as object)).toEqual(['source', 'streamId', 'version', 'at', 'emitted', 'position']);
    expect(records.map((r) => r.position)).toEqual(records.map((_, i) => `0:${i + 1}`));
  });
});
