// Issue 13 (replay of `@1` streams): a stream written under `proposal@1` / `case@1` is replayed under today's machines,
// but each of its entries under the rules of its time. A key reply signed off under `case@1` (the signer's own word,
// `principal: true`, before units recorded their principal, S23) and a letter signed off before the letter
// requirements (issue 15) are not checked again, so the stream still loads; entries written under the current version (`proposal@4`) still are.
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import type { Unit } from '@banli/schemas';
import { fixtures, seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import {
  type Banli,
  createBanli,
  createManualClock,
  createMemoryStore,
  type JsonObject,
  type Store,
  type StoredEvent,
} from '../src/index.js';
import { banliOn, itemOf } from './support/deadlineScenario.js';
import { seedActors } from './support/seedBanli.js';

const commerce = fixtures.seedUnits.zsCommerce;
const withPrincipal: Unit = { ...commerce, principal: { title: '局长', name: '陈某' } };

/** A key proposal handled by 市商务局 up to its signed-off reply (in supervisor review), written today. */
async function keyReplySignedOff(letter = seedReplyLetter132402) {
  const banli = banliOn(presets.guangdongCity);
  const item = itemOf({ kind: 'proposal', channel: 'session' });
  const caseId = `${item.id}/zs-commerce`;
  const assignment = { ...seedAssignment132402, leadUnit: withPrincipal };
  const { committee, office, lead } = seedActors;
  await banli.submit(item, { actor: seedActors.proposer, at: '2023-02-20' });
  await banli.send(item.id, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
  const register = { type: 'review.register', at: '2023-03-01', key: true, supervisingLeader: '副市长' };
  await banli.send(item.id, register, { actor: committee });
  await banli.send(item.id, { type: 'assignment.assign', at: '2023-03-15', assignment }, { actor: office });
  await banli.send(item.id, { type: 'case.accept', at: '2023-03-16', caseId }, { actor: lead });
  for (const unit of assignment.coUnits) {
    const opinion = { fromUnit: unit, toUnit: withPrincipal, text: '会办意见', date: '2023-04-10' };
    const actor = { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } as const;
    await banli.send(item.id, { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId, opinion }, { actor });
  }
  await banli.send(item.id, { type: 'case.startDrafting', at: '2023-06-01', caseId }, { actor: lead });
  await banli.send(item.id, { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter }, { actor: lead });
  const signOff = { type: 'signOff.approve', at: '2023-06-21', caseId, signer: '陈某', principal: true };
  await banli.send(item.id, signOff, { actor: seedActors.leader });
  return { banli, id: item.id, caseId };
}

/**
 * The same log as an older release would have stored it: every entry under `machineVersion`, the unit without a
 * recorded principal (`Unit.principal` did not exist), the draft's letter as `edit` makes it; no snapshot.
 */
async function rewrittenLog(
  banli: Banli,
  id: string,
  machineVersion: string,
  edit: (letter: JsonObject) => JsonObject = (l) => l,
): Promise<Store> {
  const log = await banli.history(id);
  const old: StoredEvent[] = log.map((entry) => {
    const e = structuredClone(entry);
    e.machine = { ...e.machine, version: machineVersion };
    const event = e.event as { assignment?: { leadUnit: { principal?: unknown } }; letter?: JsonObject };
    if (event.assignment) delete event.assignment.leadUnit.principal;
    if (e.type === 'reply.submitDraft' && event.letter) event.letter = edit(event.letter);
    return e;
  });
  const store = createMemoryStore({ isolate: true });
  const summary = await banli.store.getSummary(id);
  if (!summary) throw new Error('no summary');
  await store.append({ streamId: id, expectedVersion: 0, events: old, summary, deadlines: [] });
  return store;
}

const later = (store: Store) =>
  createBanli({
    store,
    policy: presets.guangdongCity,
    calendar: chinaMainland,
    clock: createManualClock('2023-06-22'),
  });

describe('replay of streams written under an earlier machine version', () => {
  it('loads a proposal@1 key reply signed off on the signer’s word, with no principal on record (S23)', async () => {
    const { banli, id, caseId } = await keyReplySignedOff();
    const store = await rewrittenLog(banli, id, 'proposal@1');
    const view = await later(store).get(id);
    expect(view.state.cases[caseId]).toMatchObject({ lifecycle: 'supervisorReview' });
    expect(view.version).toBe((await banli.get(id)).version);
    // Handling goes on under today's rules: the supervisor approves and the reply goes out.
    await later(store).send(
      id,
      { type: 'supervisor.approve', at: '2023-06-22', caseId },
      { actor: { role: 'supervisor', id: 'duban' } },
    );
    expect(JSON.stringify((await later(store).get(id)).state.cases[caseId])).toContain('awaitingFeedback');
  });

  it('still checks the principal on entries written under the current proposal@4: the same log at @3 does not load', async () => {
    const { banli, id } = await keyReplySignedOff();
    const store = await rewrittenLog(banli, id, 'proposal@4');
    await expect(later(store).get(id)).rejects.toMatchObject({ reason: { code: 'signOff.principalNotRecorded' } });
  });

  it('loads a proposal@1 sign-off of a letter that lacks what today’s letter requirements ask (issue 15)', async () => {
    const { banli, id, caseId } = await keyReplySignedOff();
    // The letter as drafted before contacts were required: the same sign-off, checked by today's rules, is refused.
    const withoutContacts = (l: JsonObject) => {
      const { contacts: _dropped, ...rest } = l;
      return rest;
    };
    const current = await rewrittenLog(banli, id, 'proposal@4', withoutContacts);
    const error = await later(current)
      .get(id)
      .then(
        () => undefined,
        (e: unknown) => e as { reason?: { code: string } },
      );
    expect(error?.reason?.code).toMatch(/^signOff\./);
    const old = await rewrittenLog(banli, id, 'proposal@1', withoutContacts);
    expect((await later(old).get(id)).state.cases[caseId]).toMatchObject({ lifecycle: 'supervisorReview' });
  });
});
