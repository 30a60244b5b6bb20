import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  BackdatingRefusedError,
  type BanliError,
  ConcurrencyConflictError,
  IdempotencyMismatchError,
  NotFoundError,
  PermissionError,
  TransitionRefusedError,
  ValidationError,
} from '../src/index.js';
import { actors, caseId, id, proposal, replyEvent, setupFake, toHandling } from './support/setup.js';

describe('submit', () => {
  it('should log the creation and the submission with actor, clock time and states', async () => {
    const { banli, clock } = setupFake();
    const result = await banli.submit(proposal, { actor: actors.proposer });
    expect(result.version).toBe(2);
    expect(result.state.proposal).toBe('submitted');
    const log = await banli.history(id);
    expect(log.map((e) => [e.version, e.type, e.stateBefore, e.event.at])).toEqual([
      [1, 'proposal.create', null, '2023-03-01'],
      [2, 'proposal.submit', { proposal: 'draft', cases: {} }, '2023-03-01'],
    ]);
    expect(log[1]?.actor).toEqual(actors.proposer);
    expect(log[1]?.recordedAt).toBe(clock.now());
    expect(log[1]?.machine).toEqual({ id: 'fake', version: '1.0.0' });
  });

  it('should keep a draft in draft', async () => {
    const { banli } = setupFake();
    const result = await banli.submit(proposal, { actor: actors.committee, draft: true });
    expect(result.state.proposal).toBe('draft');
  });

  it('should refuse a malformed proposal, a stranger and a duplicate id without writing', async () => {
    const { banli, store } = setupFake();
    await expect(banli.submit({ ...proposal, number: -1 }, { actor: actors.proposer })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(banli.submit(proposal, { actor: actors.stranger })).rejects.toBeInstanceOf(PermissionError);
    expect(await store.readStream(id)).toEqual([]);
    await banli.submit(proposal, { actor: actors.proposer });
    await expect(banli.submit(proposal, { actor: actors.proposer })).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await store.readStream(id)).toHaveLength(2);
  });
});

describe('send', () => {
  it('should fill `at` from the clock and record deadline changes', async () => {
    const { banli, clock } = setupFake();
    await toHandling(banli);
    clock.set('2023-04-01');
    const result = await banli.send(
      id,
      { type: 'case.requestExtension', caseId, reason: '需协调多部门' },
      { actor: actors.lead },
    );
    const entry = (await banli.history(id)).at(-1);
    expect(entry?.event.at).toBe('2023-04-01');
    expect(result.deadlineChanges).toEqual([
      { deadlineId: `${caseId}:reply:1`, kind: 'reply', caseId, oldDue: '2023-04-14', newDue: '2023-04-29' },
    ]);
    expect(entry?.meta).toEqual({ deadlineChanges: result.deadlineChanges });
  });

  it('should throw NotFoundError for an unknown proposal', async () => {
    const { banli } = setupFake();
    await expect(banli.send('nope', { type: 'review.start' }, { actor: actors.committee })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('should carry zh-CN and en messages and the state at the time on refusals', async () => {
    const { banli } = setupFake();
    await banli.submit(proposal, { actor: actors.proposer });
    const error = await banli.send(id, { type: 'proposal.archive' }, { actor: actors.committee }).catch((e) => e);
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(error.code).toBe('TRANSITION_REFUSED');
    expect(error.messages['zh-CN']).toContain('proposal.archive');
    expect(error.messages.en).toContain('proposal.archive');
    expect(error.reason.code).toBe('state.notAccepting');
    expect(error.state).toEqual({ proposal: 'submitted', cases: {}, version: 2 });
  });

  it('should retry a lost race when no expectedVersion was given', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    const [a, b] = await Promise.all([
      banli.send(id, { type: 'case.requestExtension', at: '2023-04-03', caseId, reason: 'a' }, { actor: actors.lead }),
      banli.send(id, { type: 'case.requestExtension', at: '2023-04-03', caseId, reason: 'b' }, { actor: actors.lead }),
    ]);
    expect([a.version, b.version].sort()).toEqual([7, 8]);
  });
});

describe('send refusals write nothing', () => {
  const cases: [
    string,
    (b: ReturnType<typeof setupFake>['banli']) => Promise<unknown>,
    new (...a: never[]) => Error,
  ][] = [
    [
      'a malformed payload',
      (b) => b.send(id, { ...replyEvent, letter: { docNumber: 'x' } }, { actor: actors.lead }),
      ValidationError,
    ],
    [
      'an unknown event type',
      (b) => b.send(id, { type: 'case.explode', caseId }, { actor: actors.lead }),
      ValidationError,
    ],
    ['a wrong role', (b) => b.send(id, replyEvent, { actor: actors.committee }), PermissionError],
    ['another unit', (b) => b.send(id, replyEvent, { actor: actors.otherUnit }), PermissionError],
    [
      'an internal event',
      (b) => b.send(id, { type: 'case.replied', caseId, class: 'A' }, { actor: actors.committee }),
      PermissionError,
    ],
    [
      'a wrong state',
      (b) => b.send(id, { type: 'review.start', at: '2023-04-03' }, { actor: actors.committee }),
      TransitionRefusedError,
    ],
    [
      'an event dated before the last event of its case',
      (b) => b.send(id, { ...replyEvent, at: '2023-03-10' }, { actor: actors.lead }),
      BackdatingRefusedError,
    ],
    [
      'a stale version',
      (b) => b.send(id, replyEvent, { actor: actors.lead, expectedVersion: 3 }),
      ConcurrencyConflictError,
    ],
  ];
  for (const [name, run, type] of cases) {
    it(`should refuse ${name}`, async () => {
      const { banli, store } = setupFake();
      await toHandling(banli);
      const before = await store.load(id);
      const error = (await run(banli).catch((e: unknown) => e)) as BanliError;
      expect(error).toBeInstanceOf(type);
      expect(error.messages['zh-CN']).not.toBe('');
      expect(await store.load(id)).toEqual(before);
    });
  }

  it('should return the first result for a repeated idempotency key and refuse the key for another command', async () => {
    const { banli, store } = setupFake();
    await toHandling(banli);
    const first = await banli.send(id, replyEvent, { actor: actors.lead, idempotencyKey: 'k-1' });
    const before = await store.load(id);
    const again = await banli.send(id, replyEvent, { actor: actors.lead, idempotencyKey: 'k-1' });
    expect(again).toEqual(first);
    expect(await store.load(id)).toEqual(before);
    const other = { ...replyEvent, at: '2023-04-11' };
    await expect(banli.send(id, other, { actor: actors.lead, idempotencyKey: 'k-1' })).rejects.toBeInstanceOf(
      IdempotencyMismatchError,
    );
    expect(await store.load(id)).toEqual(before);
  });

  it('should return the first result for a repeated submit key', async () => {
    const { banli, store } = setupFake();
    const first = await banli.submit(proposal, { actor: actors.proposer, at: '2023-03-01', idempotencyKey: 's-1' });
    const again = await banli.submit(proposal, { actor: actors.proposer, at: '2023-03-01', idempotencyKey: 's-1' });
    expect(again).toEqual(first);
    expect(await store.readStream(id)).toHaveLength(2);
  });
});
