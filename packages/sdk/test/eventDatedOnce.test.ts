// An event sent without `at` is dated by the command's day. When the day changes between the boundary, which parsed
// it dated the day before, and the command, the command takes the new day on the event it has, without reading the
// caller's event again (session 15).
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { expect, it } from 'vitest';
import { createBanli, createManualClock, createMemoryStore, type Store, ValidationError } from '../src/index.js';
import { seedActors, seedId } from './support/seedBanli.js';

/** Sends `review.start` without `at` on 2023-02-21, the store's load moving the clock to `loadedOn` if given. */
async function reviewStarted(loadedOn?: number | string, from = { submitted: '2023-02-20', sent: '2023-02-21' }) {
  const clock = createManualClock(from.submitted);
  const inner = createMemoryStore({ isolate: true });
  let move = false;
  const store: Store = {
    ...inner,
    load: (id) => {
      if (move && loadedOn !== undefined) clock.set(loadedOn);
      return inner.load(id);
    },
  };
  const banli = createBanli({ store, clock, policy: presets.guangdongCity, calendar: chinaMainland, cache: false });
  await banli.submit(seedProposal132402, { actor: seedActors.proposer });
  clock.set(from.sent);
  move = true;
  // The caller's event counts the reads of its fields.
  let reads = 0;
  const event = {};
  Object.defineProperty(event, 'type', {
    enumerable: true,
    get: () => {
      reads++;
      return 'review.start';
    },
  });
  await banli.send(seedId, event, { actor: seedActors.committee });
  const log = await banli.history(seedId);
  return { at: log.at(-1)?.event.at, reads };
}

it("should date an event sent without `at` by the command's day, reading the caller's event no more when the day changes after the boundary", async () => {
  const sameDay = await reviewStarted();
  const nextDay = await reviewStarted('2023-02-22');
  expect(sameDay.at).toBe('2023-02-21');
  expect(nextDay.at).toBe('2023-02-22');
  expect(nextDay.reads).toBe(sameDay.reads);
});

it('should refuse, as the schema refuses it, a date the clock reaches past 9999 between the boundary and the command', async () => {
  // 10000-01-01 in China: the clock's business date is no YYYY-MM-DD, which the event's schema refuses at `at`.
  const past9999 = Date.UTC(9999, 11, 31, 16);
  const refused = reviewStarted(past9999, { submitted: '9999-12-30', sent: '9999-12-31' });
  await expect(refused).rejects.toBeInstanceOf(ValidationError);
  await expect(refused).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['at'] })] });
});
