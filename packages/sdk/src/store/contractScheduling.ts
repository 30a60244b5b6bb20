import type { ContractTestApi } from './contract.js';
import { rejectionOf } from './contract.js';
import { fixtureAppend as appendOf, fixtureDeadline, fixtureSummary } from './contractFixtures.js';
import type { ClaimOptions, Store } from './port.js';

type Run = (fn: (store: Store) => Promise<void>) => () => Promise<void>;

const claimBy = (claimant: string, instant = 1_000, leaseMs = 60_000): ClaimOptions => ({
  claimant,
  instant,
  leaseMs,
  limit: 100,
});

/** The query, deadline index, claim and alert part of the store contract. */
export function defineSchedulingContract({ it, expect }: ContractTestApi, run: Run): void {
  it(
    'should filter summary rows by state, case state, unit, proposer and tags, ordered by id',
    run(async (store) => {
      await store.append(appendOf('p2', 0, 1, { summary: fixtureSummary('p2', 1, { tags: ['overdue', 'x'] }) }));
      await store.append(appendOf('p1', 0, 1, { summary: fixtureSummary('p1', 1, { state: 'closed' }) }));
      const p3 = fixtureSummary('p3', 1, { unitIds: ['hr'], proposerIds: ['chen'], caseStates: ['replied'] });
      await store.append(appendOf('p3', 0, 1, { summary: p3 }));
      const ids = async (q: Parameters<Store['queryStreams']>[0]) =>
        (await store.queryStreams(q)).map((s) => s.streamId);
      expect(await ids({})).toEqual(['p1', 'p2', 'p3']);
      expect(await ids({ states: ['inHandling'] })).toEqual(['p2', 'p3']);
      expect(await ids({ caseStates: ['replied', 'nothing'] })).toEqual(['p3']);
      expect(await ids({ unitId: 'commerce' })).toEqual(['p1', 'p2']);
      expect(await ids({ proposerId: 'chen' })).toEqual(['p3']);
      expect(await ids({ tags: ['overdue', 'x'] })).toEqual(['p2']);
      expect(await ids({ tags: ['overdue', 'y'] })).toEqual([]);
      expect(await ids({ afterStreamId: 'p1', limit: 1 })).toEqual(['p2']);
    }),
  );

  it(
    'should filter summary rows by kind (summary.facts.kind) before the page limit',
    run(async (store) => {
      const kinds = { a1: 'proposal', a2: 'suggestion', a3: 'proposal', a4: 'suggestion', a5: 'suggestion' };
      for (const [id, kind] of Object.entries(kinds)) {
        const facts = { ...fixtureSummary(id, 1).facts, kind };
        await store.append(appendOf(id, 0, 1, { summary: fixtureSummary(id, 1, { facts }) }));
      }
      // A row with no recorded kind matches no kind filter.
      await store.append(appendOf('a6', 0, 1, { summary: fixtureSummary('a6', 1) }));
      const ids = async (q: Parameters<Store['queryStreams']>[0]) =>
        (await store.queryStreams(q)).map((s) => s.streamId);
      expect(await ids({ kind: 'suggestion' })).toEqual(['a2', 'a4', 'a5']);
      expect(await ids({ kind: 'proposal' })).toEqual(['a1', 'a3']);
      // The limit counts matching rows only, and keyset pages continue within the kind.
      expect(await ids({ kind: 'suggestion', limit: 2 })).toEqual(['a2', 'a4']);
      expect(await ids({ kind: 'suggestion', afterStreamId: 'a4', limit: 2 })).toEqual(['a5']);
      expect(await ids({ kind: 'suggestion', unitId: 'nobody' })).toEqual([]);
    }),
  );

  it(
    'should find streams whose deadline span overlaps a date range, legacy summaries without a span included',
    run(async (store) => {
      const span = (from: string, to: string) => ({ from, to });
      const rows = [
        fixtureSummary('a2023', 1, { deadlineSpan: span('2023-03-15', '2023-06-30') }),
        fixtureSummary('b2027', 1, { deadlineSpan: span('2026-12-01', '2027-03-01') }),
        fixtureSummary('c-none', 1, { deadlineSpan: null }),
        fixtureSummary('d-legacy', 1),
        fixtureSummary('e-edge', 1, { deadlineSpan: span('2027-12-31', '2028-02-01') }),
      ];
      for (const summary of rows) await store.append(appendOf(summary.streamId, 0, 1, { summary }));
      const ids = async (from: string, to: string) =>
        (await store.queryStreams({ deadlineSpanOverlaps: { from, to } })).map((s) => s.streamId);
      expect(await ids('2027-01-01', '2027-12-31')).toEqual(['b2027', 'd-legacy', 'e-edge']);
      expect(await ids('2023-06-30', '2023-06-30')).toEqual(['a2023', 'd-legacy']);
      expect(await ids('2023-07-01', '2026-11-30')).toEqual(['d-legacy']);
      expect((await store.getSummary('c-none'))?.deadlineSpan).toBe(null);
      const page = await store.queryStreams({ deadlineSpanOverlaps: span('2000-01-01', '2099-12-31'), limit: 2 });
      expect(page.map((s) => s.streamId)).toEqual(['a2023', 'b2027']);
    }),
  );

  it(
    'should replace a stream summary on every append',
    run(async (store) => {
      await store.append(appendOf('p1', 0));
      await store.append(appendOf('p1', 1, 1, { summary: fixtureSummary('p1', 2, { state: 'answered' }) }));
      expect(await store.queryStreams({ states: ['inHandling'] })).toEqual([]);
      expect((await store.getSummary('p1'))?.state).toBe('answered');
    }),
  );

  it(
    'should replace the deadline set of a stream and query overdue and due-within windows',
    run(async (store) => {
      const first = [fixtureDeadline('p1', 'a', '2023-06-30'), fixtureDeadline('p1', 'b', '2023-04-01')];
      await store.append(appendOf('p1', 0, 1, { deadlines: first }));
      const later = [
        fixtureDeadline('p2', 'a', '2023-08-01'),
        fixtureDeadline('p2', 'm', '2023-01-01', { status: 'missed' }),
      ];
      await store.append(appendOf('p2', 0, 1, { deadlines: later }));
      expect((await store.listDeadlines('p1')).map((d) => d.deadlineId)).toEqual(['b', 'a']);
      const ids = async (q: Parameters<Store['queryStreams']>[0]) =>
        (await store.queryStreams(q)).map((s) => s.streamId);
      expect(await ids({ overdueAt: '2023-03-01' })).toEqual(['p2']);
      expect(await ids({ overdueAt: '2023-04-02' })).toEqual(['p1', 'p2']);
      expect(await ids({ dueBetween: { from: '2023-06-30', to: '2023-07-31' } })).toEqual(['p1']);
      await store.append(appendOf('p1', 1, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-07-03')] }));
      expect(await store.listDeadlines('p1')).toEqual([fixtureDeadline('p1', 'a', '2023-07-03')]);
      expect(await ids({ dueBetween: { from: '2023-06-30', to: '2023-06-30' } })).toEqual([]);
      const window = await store.deadlinesDueBetween('2023-01-01', '2023-12-31');
      expect(window.map((d) => `${d.streamId}:${d.deadlineId}`)).toEqual(['p1:a', 'p2:a']);
    }),
  );

  it(
    'should claim only open deadlines due before now, oldest first, up to the limit',
    run(async (store) => {
      const deadlines = [
        fixtureDeadline('p1', 'late', '2023-05-02'),
        fixtureDeadline('p1', 'today', '2023-06-01'),
        fixtureDeadline('p1', 'gone', '2023-01-01', { status: 'missed' }),
        fixtureDeadline('p1', 'early', '2023-05-01'),
      ];
      await store.append(appendOf('p1', 0, 1, { deadlines }));
      const claims = await store.claimDueDeadlines('2023-06-01', { ...claimBy('w1'), limit: 1 });
      expect(claims.map((c) => [c.deadlineId, c.due, c.entry.kind])).toEqual([['early', '2023-05-01', 'reply']]);
      const rest = await store.claimDueDeadlines('2023-06-01', claimBy('w2'));
      expect(rest.map((c) => c.deadlineId)).toEqual(['late']);
    }),
  );

  it(
    'should give concurrent claimants disjoint claims and re-offer a claim after its lease expires',
    run(async (store) => {
      const deadlines = ['a', 'b', 'c', 'd'].map((id) => fixtureDeadline('p1', id, '2023-05-01'));
      await store.append(appendOf('p1', 0, 1, { deadlines }));
      const [one, two] = await Promise.all([
        store.claimDueDeadlines('2023-06-01', { ...claimBy('w1'), limit: 2 }),
        store.claimDueDeadlines('2023-06-01', { ...claimBy('w2'), limit: 3 }),
      ]);
      const taken = [...(one ?? []), ...(two ?? [])].map((c) => c.deadlineId).sort();
      expect(taken).toEqual(['a', 'b', 'c', 'd']);
      expect(await store.claimDueDeadlines('2023-06-01', claimBy('w3', 30_000))).toEqual([]);
      const retaken = await store.claimDueDeadlines('2023-06-01', claimBy('w3', 61_001));
      expect(retaken).toHaveLength(4);
    }),
  );

  it(
    'should fire a deadline exactly once inside an append and refuse a second firing without writing',
    run(async (store) => {
      const key = { streamId: 'p1', deadlineId: 'a', due: '2023-05-01' };
      await store.append(appendOf('p1', 0, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-05-01')] }));
      await store.claimDueDeadlines('2023-06-01', claimBy('w1'));
      const missed = [fixtureDeadline('p1', 'a', '2023-05-01', { status: 'missed' })];
      await store.append(appendOf('p1', 1, 1, { firedDeadlines: [key], deadlines: missed }));
      expect(await store.hasFired(key)).toBe(true);
      expect(await store.claimDueDeadlines('2023-06-01', claimBy('w2', 200_000))).toEqual([]);
      const error = await rejectionOf(store.append(appendOf('p1', 2, 1, { firedDeadlines: [key] })));
      expect(error.reason).toBe('deadlineFired');
      expect((await store.readStream('p1')).length).toBe(2);
    }),
  );

  it(
    'should not re-offer a fired deadline that stays open in the set, but offer it again under a new due date',
    run(async (store) => {
      const key = { streamId: 'p1', deadlineId: 'a', due: '2023-05-01' };
      await store.append(appendOf('p1', 0, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-05-01')] }));
      await store.markDeadlinesFired([key, key], 5);
      await store.markDeadlinesFired([key], 6);
      await store.append(appendOf('p1', 1, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-05-01')] }));
      expect(await store.claimDueDeadlines('2023-06-01', claimBy('w1'))).toEqual([]);
      await store.append(appendOf('p1', 2, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-05-08')] }));
      const claims = await store.claimDueDeadlines('2023-06-01', claimBy('w1'));
      expect(claims.map((c) => c.due)).toEqual(['2023-05-08']);
    }),
  );

  it(
    'should claim due alerts once, remember sent ones across set replacements, and schedule new ones for a new due',
    run(async (store) => {
      const alerts = [
        { id: 'reminder:10', at: '2023-06-15' },
        { id: 'reminder:3', at: '2023-06-27' },
      ];
      await store.append(appendOf('p1', 0, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-06-30', {}, alerts)] }));
      const due = await store.claimDueAlerts('2023-06-15', claimBy('w1'));
      expect(due.map((a) => [a.alertId, a.at, a.due])).toEqual([['reminder:10', '2023-06-15', '2023-06-30']]);
      const key = { streamId: 'p1', deadlineId: 'a', due: '2023-06-30', alertId: 'reminder:10' };
      // The first record of an alert returns it; recording it again (another worker's late claim) returns nothing.
      expect(await store.markAlertsSent(due, 7)).toEqual([key]);
      expect(await store.markAlertsSent(due, 8)).toEqual([]);
      await store.append(appendOf('p1', 1, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-06-30', {}, alerts)] }));
      const later = await store.claimDueAlerts('2023-06-28', claimBy('w1', 100_000));
      expect(later.map((a) => a.alertId)).toEqual(['reminder:3']);
      expect(await store.claimDueAlerts('2023-06-28', claimBy('w2', 100_001))).toEqual([]);
      expect(await store.listSentAlerts('p1')).toEqual([
        { streamId: 'p1', deadlineId: 'a', due: '2023-06-30', alertId: 'reminder:10', sentAt: 7 },
      ]);
      const moved = [fixtureDeadline('p1', 'a', '2023-07-31', {}, [{ id: 'reminder:10', at: '2023-07-17' }])];
      await store.append(appendOf('p1', 2, 1, { deadlines: moved }));
      expect((await store.claimDueAlerts('2023-07-17', claimBy('w1', 300_000))).map((a) => a.due)).toEqual([
        '2023-07-31',
      ]);
    }),
  );

  it(
    'should drop pending alerts of entries removed from the set',
    run(async (store) => {
      const alerts = [{ id: 'reminder:3', at: '2023-06-27' }];
      await store.append(appendOf('p1', 0, 1, { deadlines: [fixtureDeadline('p1', 'a', '2023-06-30', {}, alerts)] }));
      await store.append(appendOf('p1', 1, 1, { deadlines: [] }));
      expect(await store.claimDueAlerts('2023-07-01', claimBy('w1'))).toEqual([]);
      expect(await store.claimDueDeadlines('2023-07-01', claimBy('w1'))).toEqual([]);
    }),
  );
}
