import type { ContractTestApi } from './contract.js';
import { rejectionOf } from './contract.js';
import { fixtureAppend as appendOf, fixtureDeadline, fixtureSummary } from './contractFixtures.js';
import type { AppendRequest, DeadlineIndexEntry, Store, StreamQuery, StreamSummary, SummaryChanges } from './port.js';

type Run = (fn: (store: Store) => Promise<void>) => () => Promise<void>;

const claimBy = (claimant: string, instant: number) => ({ claimant, instant, leaseMs: 60_000, limit: 100 });

/** Two alerts before the due date and an escalation after it. */
const alerts = [
  { id: 'reminder:10', at: '2023-06-15' },
  { id: 'reminder:3', at: '2023-06-27' },
  { id: 'escalation:0', at: '2023-07-01' },
];

/** A stream's deadline set: an open reply deadline with alerts, an open one due earlier, a missed one. */
const deadlinesOf = (id: string): DeadlineIndexEntry[] => [
  fixtureDeadline(id, 'reply', '2023-06-30', {}, alerts),
  fixtureDeadline(id, 'accept', '2023-05-01', { kind: 'accept' }),
  fixtureDeadline(id, 'old', '2023-01-01', { status: 'missed' }, [{ id: 'escalation:0', at: '2023-01-02' }]),
];

/** The summary every stream of the comparison starts with (a proposal with a deadline span). */
const firstSummary = (id: string): StreamSummary =>
  fixtureSummary(id, 1, {
    facts: { ...fixtureSummary(id, 1).facts, kind: 'proposal' },
    deadlineSpan: { from: '2023-01-01', to: '2023-06-30' },
  });

/** The changes of the second append: a new state and tags; everything else as before. */
const changes2: SummaryChanges = { version: 2, updatedAt: 1_700_000_000_102, state: 'answered', tags: ['overdue'] };

/** A partial append (`summaryChanges`, no `deadlines`). */
function partialOf(id: string, expectedVersion: number, changes: SummaryChanges, patch: Partial<AppendRequest> = {}) {
  const request: AppendRequest = { ...appendOf(id, expectedVersion), summaryChanges: changes, ...patch };
  delete request.summary;
  if (!('deadlines' in patch)) delete request.deadlines;
  return request;
}

/**
 * The contract of partial appends (`Store.partialAppends`): an append without the whole summary or without the
 * deadline index keeps what the store holds, and every reader answers as if the whole row had been sent. A store
 * without `partialAppends` is never sent one: these tests then check only that it does not claim to accept them.
 */
export function definePartialAppendContract({ it, expect }: ContractTestApi, run: Run): void {
  it(
    'should keep the summary fields and the deadline index a partial append leaves out',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      await store.append(appendOf('p1', 0, 1, { summary: firstSummary('p1'), deadlines: deadlinesOf('p1') }));
      const before = await store.listDeadlines('p1');
      expect(await store.append(partialOf('p1', 1, changes2))).toEqual({ version: 2 });
      expect(await store.getSummary('p1')).toEqual({ ...firstSummary('p1'), ...changes2 });
      expect(await store.listDeadlines('p1')).toEqual(before);
      expect(before).toHaveLength(3);
      // A partial append that sends the deadline set replaces it; the summary keeps the fields it leaves out.
      const moved = [fixtureDeadline('p1', 'reply', '2023-07-31')];
      const changes3: SummaryChanges = {
        version: 3,
        updatedAt: 5,
        deadlineSpan: { from: '2023-07-31', to: '2023-07-31' },
      };
      await store.append(partialOf('p1', 2, changes3, { deadlines: moved }));
      expect(await store.listDeadlines('p1')).toEqual(moved);
      expect(await store.getSummary('p1')).toEqual({ ...firstSummary('p1'), ...changes2, ...changes3 });
      expect((await store.readStream('p1')).map((e) => e.version)).toEqual([1, 2, 3]);
    }),
  );

  it(
    'should replace the fact keys a partial append names and keep the others, or the facts whole',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      await store.append(appendOf('p1', 0, 1, { summary: firstSummary('p1') }));
      const facts = firstSummary('p1').facts;
      const factChanges = { kind: 'suggestion', lastAt: '2023-03-02', nested: { ok: false } };
      await store.append(partialOf('p1', 1, { version: 2, updatedAt: 2, factChanges }));
      expect((await store.getSummary('p1'))?.facts).toEqual({ ...facts, ...factChanges });
      expect((await store.queryStreams({ kind: 'suggestion' })).map((s) => s.streamId)).toEqual(['p1']);
      expect(await store.queryStreams({ kind: 'proposal' })).toEqual([]);
      // Facts sent whole replace the stored ones: keys they lack are gone.
      await store.append(partialOf('p1', 2, { version: 3, updatedAt: 3, facts: { kind: 'proposal' } }));
      expect(await store.getSummary('p1')).toEqual({
        ...firstSummary('p1'),
        version: 3,
        updatedAt: 3,
        facts: { kind: 'proposal' },
      });
      expect((await store.queryStreams({ kind: 'proposal' })).map((s) => s.streamId)).toEqual(['p1']);
    }),
  );

  it(
    'should answer queries, the due-date index and the kind filter alike for a stream written by partial appends',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      // p1 by partial appends, p2 by whole ones, to the same content: every reader must treat them alike.
      for (const id of ['p1', 'p2']) {
        await store.append(appendOf(id, 0, 1, { summary: firstSummary(id), deadlines: deadlinesOf(id) }));
      }
      await store.append(partialOf('p1', 1, changes2));
      const whole2 = { ...firstSummary('p2'), ...changes2, streamId: 'p2' };
      await store.append(appendOf('p2', 1, 1, { summary: whole2, deadlines: deadlinesOf('p2') }));
      const facts = { ...firstSummary('p1').facts, kind: 'suggestion' };
      const changes3 = { version: 3, updatedAt: 9, caseStates: ['replied'] };
      await store.append(partialOf('p1', 2, { ...changes3, factChanges: { kind: 'suggestion' } }));
      const whole3 = { ...whole2, ...changes3, facts };
      await store.append(appendOf('p2', 2, 1, { summary: whole3, deadlines: deadlinesOf('p2') }));
      const queries: StreamQuery[] = [
        { states: ['answered'] },
        { states: ['inHandling'] },
        { caseStates: ['replied'] },
        { caseStates: ['handling'] },
        { tags: ['overdue'] },
        { tags: ['clock.running'] },
        { unitId: 'commerce' },
        { proposerId: 'liang' },
        { kind: 'suggestion' },
        { kind: 'proposal' },
        { overdueAt: '2022-12-01' },
        { dueBetween: { from: '2023-06-01', to: '2023-06-30' } },
        { dueBetween: { from: '2023-07-01', to: '2023-12-31' } },
        { deadlineSpanOverlaps: { from: '2023-06-30', to: '2023-07-31' } },
        { deadlineSpanOverlaps: { from: '2023-07-01', to: '2023-07-31' } },
      ];
      const answers: string[][] = [];
      for (const q of queries) answers.push((await store.queryStreams(q)).map((s) => s.streamId));
      expect(answers).toEqual([
        ['p1', 'p2'],
        [],
        ['p1', 'p2'],
        [],
        ['p1', 'p2'],
        [],
        ['p1', 'p2'],
        ['p1', 'p2'],
        ['p1', 'p2'],
        [],
        ['p1', 'p2'],
        ['p1', 'p2'],
        [],
        ['p1', 'p2'],
        [],
      ]);
      expect((await store.getSummary('p1'))?.facts).toEqual(facts);
      expect({ ...(await store.getSummary('p1')), streamId: 'p2' }).toEqual(await store.getSummary('p2'));
      const due = await store.deadlinesDueBetween('2023-01-01', '2023-12-31');
      expect(due.map((d) => d.due)).toEqual(['2023-05-01', '2023-05-01', '2023-06-30', '2023-06-30']);
      expect(due.map((d) => `${d.due}:${d.streamId}:${d.deadlineId}`).sort()).toEqual([
        '2023-05-01:p1:accept',
        '2023-05-01:p2:accept',
        '2023-06-30:p1:reply',
        '2023-06-30:p2:reply',
      ]);
      const claims = await store.claimDueDeadlines('2023-07-01', claimBy('w1', 1_000));
      expect(claims.map((c) => `${c.streamId}:${c.deadlineId}`).sort()).toEqual([
        'p1:accept',
        'p1:reply',
        'p2:accept',
        'p2:reply',
      ]);
      const alertClaims = await store.claimDueAlerts('2023-07-01', claimBy('w1', 1_000));
      expect(alertClaims.map((a) => `${a.streamId}:${a.deadlineId}:${a.alertId}`).sort()).toEqual([
        'p1:old:escalation:0',
        'p1:reply:escalation:0',
        'p1:reply:reminder:10',
        'p1:reply:reminder:3',
        'p2:old:escalation:0',
        'p2:reply:escalation:0',
        'p2:reply:reminder:10',
        'p2:reply:reminder:3',
      ]);
    }),
  );

  it(
    'should keep claims and sent alerts of a deadline set a partial append leaves out',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      await store.append(appendOf('p1', 0, 1, { summary: firstSummary('p1'), deadlines: deadlinesOf('p1') }));
      expect((await store.claimDueDeadlines('2023-05-02', claimBy('w1', 1_000))).map((c) => c.deadlineId)).toEqual([
        'accept',
      ]);
      const sent = await store.claimDueAlerts('2023-06-15', claimBy('w1', 1_000));
      expect(sent.map((a) => `${a.deadlineId}:${a.alertId}`).sort()).toEqual(['old:escalation:0', 'reply:reminder:10']);
      await store.markAlertsSent(sent, 7);
      await store.append(partialOf('p1', 1, changes2));
      // The claim holds (its lease has not expired) and the sent alerts are not offered again.
      expect(await store.claimDueDeadlines('2023-05-02', claimBy('w2', 2_000))).toEqual([]);
      expect(await store.claimDueAlerts('2023-06-15', claimBy('w2', 200_000))).toEqual([]);
      expect((await store.claimDueAlerts('2023-06-27', claimBy('w2', 200_000))).map((a) => a.alertId)).toEqual([
        'reminder:3',
      ]);
      expect((await store.claimDueDeadlines('2023-05-02', claimBy('w2', 100_000))).map((c) => c.deadlineId)).toEqual([
        'accept',
      ]);
    }),
  );

  it(
    'should write nothing of a conflicting partial append (version, idempotency key, fired deadline)',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      const key = { streamId: 'p1', deadlineId: 'accept', due: '2023-05-01' };
      const idempotency = { key: 'k1', fingerprint: 'f', result: 1 };
      await store.append(appendOf('p0', 0, 1, { idempotency }));
      await store.append(appendOf('p1', 0, 1, { summary: firstSummary('p1'), deadlines: deadlinesOf('p1') }));
      await store.append(partialOf('p1', 1, changes2, { firedDeadlines: [key] }));
      const summary = await store.getSummary('p1');
      const deadlines = await store.listDeadlines('p1');
      const moved = [fixtureDeadline('p1', 'reply', '2023-07-31')];
      const bad: SummaryChanges = { version: 3, updatedAt: 9, state: 'closed', facts: { kind: 'suggestion' } };
      const refusals = [
        [partialOf('p1', 1, { ...bad, version: 2 }), 'version'],
        [partialOf('p1', 3, { ...bad, version: 4 }, { deadlines: moved }), 'version'],
        [partialOf('p1', 2, bad, { idempotency: { ...idempotency, fingerprint: 'g' } }), 'idempotencyKey'],
        [partialOf('p1', 2, bad, { deadlines: moved, firedDeadlines: [key] }), 'deadlineFired'],
      ] as const;
      for (const [request, reason] of refusals) {
        const error = await rejectionOf(store.append(request));
        expect([error.code, error.reason]).toEqual(['CONCURRENCY_CONFLICT', reason]);
      }
      if (store.appendAll) {
        const all = await rejectionOf(store.appendAll([partialOf('p1', 2, bad), appendOf('p0', 0)]));
        expect(all.reason).toBe('version');
      }
      expect(await store.getSummary('p1')).toEqual(summary);
      expect(await store.listDeadlines('p1')).toEqual(deadlines);
      expect((await store.readStream('p1')).map((e) => e.version)).toEqual([1, 2]);
      expect(await store.queryStreams({ kind: 'suggestion' })).toEqual([]);
      expect((await store.getIdempotency('k1'))?.streamId).toBe('p0');
    }),
  );

  it(
    'should refuse a partial append that creates a stream, names the summary or the facts twice or not at all, writing nothing',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      const failures: string[] = [];
      const attempt = async (request: AppendRequest) => {
        const error = await rejectionOf(store.append(request));
        failures.push((error as Error).name);
      };
      await attempt(partialOf('p1', 0, { version: 1, updatedAt: 1 }));
      await store.append(appendOf('p2', 0));
      await attempt({ ...partialOf('p2', 1, changes2), summary: fixtureSummary('p2', 2) });
      const neither = partialOf('p2', 1, changes2);
      delete neither.summaryChanges;
      await attempt(neither);
      await attempt(partialOf('p2', 1, { ...changes2, facts: { kind: 'x' }, factChanges: { kind: 'y' } }));
      expect(failures).toEqual(['TypeError', 'TypeError', 'TypeError', 'TypeError']);
      expect(await store.load('p1')).toBeUndefined();
      expect(await store.getSummary('p2')).toEqual(fixtureSummary('p2', 1));
      expect((await store.readStream('p2')).map((e) => e.version)).toEqual([1]);
    }),
  );

  it(
    'should write partial and whole requests of appendAll together, each keeping what it leaves out',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      await store.append(appendOf('p1', 0, 1, { summary: firstSummary('p1'), deadlines: deadlinesOf('p1') }));
      const results = await store.appendAll?.([partialOf('p1', 1, changes2), appendOf('p2', 0)]);
      expect(results).toEqual([{ version: 2 }, { version: 1 }]);
      expect(await store.getSummary('p1')).toEqual({ ...firstSummary('p1'), ...changes2 });
      expect(await store.listDeadlines('p1')).toHaveLength(3);
      expect((await store.getSummary('p2'))?.version).toBe(1);
    }),
  );

  it(
    'should keep a summary without a deadline span (written before spans) span-less through a partial append',
    run(async (store) => {
      if (!store.partialAppends) return expect(store.partialAppends ?? false).toBe(false);
      await store.append(appendOf('p1', 0));
      await store.append(appendOf('p2', 0, 1, { summary: fixtureSummary('p2', 1, { deadlineSpan: null }) }));
      await store.append(partialOf('p1', 1, changes2));
      await store.append(partialOf('p2', 1, changes2));
      const ids = async () =>
        (await store.queryStreams({ deadlineSpanOverlaps: { from: '2023-01-01', to: '2023-12-31' } })).map(
          (s) => s.streamId,
        );
      expect(await ids()).toEqual(['p1']);
      expect('deadlineSpan' in ((await store.getSummary('p1')) ?? {})).toBe(false);
      expect((await store.getSummary('p2'))?.deadlineSpan).toBe(null);
    }),
  );
}
