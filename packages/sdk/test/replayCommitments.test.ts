// Issue 13 (replay tolerance, item 3 of the session's remainder): a stream written under an earlier machine version
// replays each entry under the rules of its time. Before the commitment rule (S10, S74, S84) a B/C reply could be
// closed without its second reply, before S31 was applied any co-signer could withdraw the whole item, and before
// `case@4` a merged item's B/C class was no commitment of the case: such logs still load, while the same entries
// written under the current version (`proposal@4`) are refused with the rule's reason.
import { type Policy, PROPOSAL_MACHINE_VERSION } from '@banli/core';
import { type ReplyClass, type ReplyLetter, withLetterClass } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import {
  type Banli,
  createBanli,
  createManualClock,
  createMemoryStore,
  type Store,
  type StoredEvent,
} from '../src/index.js';
import { issueWithMerged, letterTo, rateAs, stateOf, targetWithMerged, xProposer } from './support/mergedItems.js';
import { actors, caseOf, ONE_PRESET_PER_KIND, rate, reply, ruleBanli, ruleItem, toHandling } from './support/rules.js';

/** The stream's log as a release running `version` stored it, each entry as `edit` makes it (dropped if undefined). */
async function rewritten(
  banli: Banli,
  id: string,
  version: string,
  edit: (e: StoredEvent) => StoredEvent | undefined = (e) => e,
): Promise<Store> {
  const log: StoredEvent[] = [];
  for (const entry of await banli.history(id)) {
    const e = edit(structuredClone(entry));
    if (e) log.push({ ...e, machine: { ...e.machine, version } });
  }
  const store = createMemoryStore({ isolate: true });
  const summary = await banli.store.getSummary(id);
  if (!summary) throw new Error('no summary');
  await store.append({ streamId: id, expectedVersion: 0, events: log, summary, deadlines: [] });
  return store;
}

/** A later banli on the same preset reading `store`. */
const later = (store: Store, policy: Policy) => createBanli({ store, policy, clock: createManualClock('2024-12-31') });

/** The refusal that loading raises, if any. */
const loadError = (banli: Banli, id: string) =>
  banli.get(id).then(
    () => undefined,
    (e: unknown) => e as { reason?: { code: string } },
  );

/** The draft's own letter re-classed to `cls` (and its printed class mark with it). */
function ownClass(cls: ReplyClass) {
  return (e: StoredEvent): StoredEvent => {
    const event = e.event as { letter?: ReplyLetter };
    if (e.type === 'reply.submitDraft' && event.letter) event.letter = withLetterClass(event.letter, cls);
    return e;
  };
}

/** The draft's letters to merged items re-classed to `cls`. */
function mergedClass(cls: ReplyClass) {
  return (e: StoredEvent): StoredEvent => {
    const event = e.event as { mergedLetters?: ReplyLetter[] };
    if (e.type === 'reply.submitDraft' && event.mergedLetters)
      event.mergedLetters = event.mergedLetters.map((l) => withLetterClass(l, cls));
    return e;
  };
}

describe.each(ONE_PRESET_PER_KIND)('replay of earlier versions under %s for a %s', (preset, kind) => {
  it('loads a proposal@1 log where a B reply that got no feedback was closed without its second reply (S10)', async () => {
    const { banli, policy } = ruleBanli(preset);
    const item = ruleItem(kind);
    await toHandling(banli, item);
    await reply(banli, item, 'A');
    const close = { type: 'case.close', at: '2024-09-30', caseId: caseOf(item.id) };
    await banli.send(item.id, close, { actor: actors.office });

    const old = later(await rewritten(banli, item.id, 'proposal@1', ownClass('B')), policy);
    expect(await stateOf(old, item.id)).toContain('closed');
    // The same entries written under the current version: the close is refused, so the stream does not load.
    const current = later(await rewritten(banli, item.id, PROPOSAL_MACHINE_VERSION, ownClass('B')), policy);
    expect(await loadError(current, item.id)).toMatchObject({ reason: { code: 'commitment.open' } });
  });

  it('loads a proposal@1 log where a B reply rated 满意 was closed in follow-up without its second reply', async () => {
    const { banli, policy } = ruleBanli(preset);
    const item = ruleItem(kind);
    const caseId = caseOf(item.id);
    await toHandling(banli, item);
    await reply(banli, item, 'B');
    await rate(banli, item, 'satisfied');
    const override = { type: 'case.overrideClose', at: '2024-09-30', caseId, reason: '—' };
    await banli.send(item.id, override, { actor: actors.committee });
    // Before the rule, a plain `case.close` ended a follow-up: the override entry as such a release logged it.
    const asClose = (e: StoredEvent): StoredEvent =>
      e.type === 'case.overrideClose'
        ? {
            ...e,
            type: 'case.close',
            event: { type: 'case.close', at: '2024-09-30', caseId },
            emitted: e.emitted.filter((n) => n.type !== 'case.closeOverridden'),
          }
        : e;
    const old = later(await rewritten(banli, item.id, 'proposal@1', asClose), policy);
    expect(await stateOf(old, item.id)).toContain('closed');
    const current = later(await rewritten(banli, item.id, PROPOSAL_MACHINE_VERSION, asClose), policy);
    expect(await loadError(current, item.id)).toMatchObject({ reason: { code: 'commitment.open' } });
  });

  it('loads a proposal@1 log where a co-signer withdrew the whole item (before S31 was applied)', async () => {
    const { banli, policy } = ruleBanli(preset);
    const item = ruleItem(kind);
    await toHandling(banli, item);
    const writtenRequest = { date: '2024-03-18', reference: '撤回申请〔2024〕1号' };
    const withdraw = { type: 'proposal.withdraw', at: '2024-03-20', by: actors.first.id, writtenRequest };
    await banli.send(item.id, withdraw, { actor: actors.first });
    const byCosigner =
      (written: boolean) =>
      (e: StoredEvent): StoredEvent => {
        if (e.type !== 'proposal.withdraw') return e;
        const event: Record<string, unknown> = { ...e.event, by: actors.cosigner.id };
        if (!written) delete event.writtenRequest;
        return { ...e, actor: actors.cosigner, event: event as StoredEvent['event'] };
      };
    // As proposal@1 logged it: the co-signer's word, no written request on record.
    const old = later(await rewritten(banli, item.id, 'proposal@1', byCosigner(false)), policy);
    expect((await old.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'withdrawn' });
    expect(await stateOf(old, item.id)).toContain('terminated');
    const current = later(await rewritten(banli, item.id, PROPOSAL_MACHINE_VERSION, byCosigner(true)), policy);
    expect(await loadError(current, item.id)).toMatchObject({ reason: { code: 'withdrawal.notFirstProposer' } });
  });

  it('loads a proposal@3 log where a merged item’s B reply was closed with the case (case@3 kept only the own class)', async () => {
    const { banli, policy } = ruleBanli(preset);
    const { target, item, caseId } = await targetWithMerged(banli, kind, 'session');
    await issueWithMerged(banli, target, 'A', [letterTo(item, 'A', policy)]);
    await banli.send(target.id, { type: 'case.close', at: '2024-09-30', caseId }, { actor: actors.office });

    const old = later(await rewritten(banli, target.id, 'proposal@3', mergedClass('B')), policy);
    expect(await stateOf(old, target.id)).toContain('closed');
    const current = later(await rewritten(banli, target.id, PROPOSAL_MACHINE_VERSION, mergedClass('B')), policy);
    const error = await loadError(current, target.id);
    expect(error).toMatchObject({ reason: { code: 'commitment.open' } });
  });

  it('replays a proposal@3 log whose merged item’s B reply was rated 满意 into the closed case of its time', async () => {
    const { banli, policy } = ruleBanli(preset);
    const { target, item } = await targetWithMerged(banli, kind, 'session');
    await issueWithMerged(banli, target, 'A', [letterTo(item, 'A', policy)]);
    await rateAs(banli, target, actors.first, 'satisfied', '2024-04-20');
    await rateAs(banli, target, actors.cosigner, 'satisfied', '2024-04-20');
    await rateAs(banli, target, xProposer, 'satisfied', '2024-04-22');

    const old = later(await rewritten(banli, target.id, 'proposal@3', mergedClass('B')), policy);
    expect(await stateOf(old, target.id)).toContain('closed');
    // Written today, the same ratings leave the merged item's commitment open: the case is followed up.
    const current = later(await rewritten(banli, target.id, PROPOSAL_MACHINE_VERSION, mergedClass('B')), policy);
    expect(await stateOf(current, target.id)).toContain('followUp');
  });
});
