// Issue 15: a log written before the letter renames (docs/extending.md) still loads; the upcast happens on read.
import { readFileSync } from 'node:fs';
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { createBanli, type Store, type StoredEvent } from '../src/index.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

// The seed's reply.submitDraft exactly as the code before the renames stored it (generated from commit fb3918c^).
const old = JSON.parse(
  readFileSync(new URL('../../schemas/test/fixtures/old-shape-submit-draft-132402.json', import.meta.url), 'utf8'),
) as { event: StoredEvent['event'] };

/** The store as a log written by the old code reads: its reply.submitDraft carries the old-shape letter. */
function oldLog(store: Store): Store {
  const aged = (e: StoredEvent): StoredEvent => (e.type === 'reply.submitDraft' ? { ...e, event: old.event } : e);
  return new Proxy(store, {
    get(target, key) {
      if (key === 'load')
        return async (id: string) => {
          const loaded = await target.load(id);
          return loaded && { ...loaded, events: loaded.events.map(aged) };
        };
      if (key === 'readStream')
        return async (...args: Parameters<Store['readStream']>) => (await target.readStream(...args)).map(aged);
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('old-shape stored draft events', () => {
  it('should replay a reply.submitDraft stored in the old letter shape, read it upcast, and sign it off', async () => {
    // No snapshots and no cache: every load replays the log from its first event.
    const { banli, store, clock } = seedBanli({ snapshotEvery: 10_000, cache: false });
    await seedAccepted(banli);
    for (const unit of seedAssignment132402.coUnits) {
      const opinion = { fromUnit: unit, toUnit: seedAssignment132402.leadUnit, text: '会办意见', date: '2023-04-10' };
      await banli.send(
        seedId,
        { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId: seedCaseId, opinion },
        { actor: { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } },
      );
    }
    await banli.send(
      seedId,
      { type: 'case.startDrafting', at: '2023-06-01', caseId: seedCaseId },
      { actor: seedActors.lead },
    );
    await banli.send(
      seedId,
      { type: 'reply.submitDraft', at: '2023-06-20', caseId: seedCaseId, letter: seedReplyLetter132402 },
      { actor: seedActors.lead },
    );

    const aged = oldLog(store);
    const raw = (await aged.readStream(seedId)).find((e) => e.type === 'reply.submitDraft');
    expect(raw?.event.letter).toHaveProperty('contact');
    expect(raw?.event.letter).not.toHaveProperty('contacts');

    const reader = createBanli({
      store: aged,
      clock,
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      snapshotEvery: 10_000,
      cache: false,
    });
    const read = (await reader.history(seedId)).find((e) => e.type === 'reply.submitDraft');
    const letter = read?.event.letter as typeof seedReplyLetter132402;
    expect(letter.contacts).toEqual(seedReplyLetter132402.contacts);
    expect(letter.responses?.map((r) => r.suggestionIds)).toEqual([['s1'], ['s2'], ['s3']]);
    expect(letter.imprint).toEqual(seedReplyLetter132402.imprint);

    expect(JSON.stringify((await reader.get(seedId)).state.cases[seedCaseId])).toContain('signOff');
    const signed = await reader.send(
      seedId,
      { type: 'signOff.approve', at: '2023-06-21', caseId: seedCaseId, signer: '局长' },
      { actor: seedActors.leader },
    );
    expect(signed.emitted.find((n) => n.type === 'reply.issued')).toMatchObject({
      docNumber: '中商务电函〔2023〕12号',
    });
  });
});
