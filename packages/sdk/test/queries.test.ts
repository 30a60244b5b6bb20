import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.js';
import { actors, caseId, id, proposal, replyEvent, setupFake, toHandling } from './support/setup.js';

const ids = (rows: { streamId: string }[]) => rows.map((r) => r.streamId);

describe('query', () => {
  it('should find proposals by state, case state, unit, proposer and tag', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    await banli.submit({ ...proposal, id: 'other' }, { actor: actors.proposer, at: '2023-03-01' });
    expect(ids(await banli.query({ state: 'inHandling' }))).toEqual([id]);
    expect(ids(await banli.query({ state: ['inHandling', 'submitted'] }))).toEqual(['other', id]);
    expect(ids(await banli.query({ caseState: 'handling' }))).toEqual([id]);
    expect(ids(await banli.query({ unitId: 'zs-commerce' }))).toEqual([id]);
    expect(ids(await banli.query({ unitId: 'zs-education' }))).toEqual([id]);
    expect(ids(await banli.query({ proposerId: 'member-placeholder-2' }))).toEqual(['other', id]);
    expect(ids(await banli.query({ limit: 1 }))).toEqual(['other']);
    expect(ids(await banli.query({ after: 'other' }))).toEqual([id]);
  });

  it('should filter by kind in the store, before the page limit, and refuse an unknown kind', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    await banli.submit({ ...proposal, id: 'other' }, { actor: actors.proposer, at: '2023-03-01' });
    expect(ids(await banli.query({ kind: 'proposal' }))).toEqual(['other', id]);
    expect(ids(await banli.query({ kind: 'proposal', after: 'other', limit: 1 }))).toEqual([id]);
    expect(await banli.query({ kind: 'suggestion' })).toEqual([]);
    const refusal = await banli.query({ kind: 'petition' as never }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).messages.en).toContain('kind');
  });

  it('should find overdue proposals before and after the scheduler marked them', async () => {
    const { banli, clock } = setupFake();
    await toHandling(banli);
    clock.set('2023-04-14');
    expect(await banli.query({ overdue: true })).toEqual([]);
    clock.set('2023-04-15');
    expect(ids(await banli.query({ overdue: true }))).toEqual([id]);
    await banli.tick();
    expect(ids(await banli.query({ overdue: true, tag: 'overdue' }))).toEqual([id]);
  });

  it('should find proposals with a deadline due within N working days', async () => {
    const { banli, clock } = setupFake();
    await toHandling(banli);
    clock.set('2023-04-03');
    // 04-05 is 清明, so 7 working days from 04-03 end on 04-13 and 8 reach the 04-14 due date.
    expect(await banli.query({ dueWithinWorkingDays: 7 })).toEqual([]);
    expect(ids(await banli.query({ dueWithinWorkingDays: 8 }))).toEqual([id]);
  });
});

describe('get', () => {
  it('should show states, cases and facts', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    await banli.send(id, replyEvent, { actor: actors.lead });
    const view = await banli.get(id);
    expect(view.version).toBe(7);
    expect(view.state).toEqual({ proposal: 'answered', cases: { [caseId]: 'replied' } });
    expect(view.facts.cases[caseId]).toMatchObject({
      firstReplyAt: '2023-04-10',
      firstClass: 'A',
      replyDue: '2023-04-14',
    });
  });
});

describe('deadlines', () => {
  it('should list deadlines with labels and explanations in both languages', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    const [reply] = await banli.deadlines(id);
    expect(reply?.due).toBe('2023-04-14');
    expect(reply?.label).toEqual({ 'zh-CN': '答复期限', en: 'Reply' });
    expect(reply?.explanation['zh-CN']).toContain('2023年4月14日');
    expect(reply?.explanation.en).toContain('2023-04-14');
  });
});

describe('letter', () => {
  it('should render the latest letter of a case', async () => {
    const { banli } = setupFake();
    await toHandling(banli);
    await banli.send(id, replyEvent, { actor: actors.lead });
    expect((await banli.letter(id, caseId, 'text')).split('\n')[0]?.trim()).toBe('(A类)');
    await expect(banli.letter(id, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('subscribe', () => {
  it('should deliver committed notifications, filter by type, and survive a failing listener', async () => {
    const errors: unknown[] = [];
    const { banli } = setupFake({ onListenerError: (e) => errors.push(e) });
    const all: string[] = [];
    const replies: string[] = [];
    banli.subscribe(() => {
      throw new Error('boom');
    });
    banli.subscribe((n) => {
      all.push(n.type);
    });
    const off = banli.subscribe(
      (n) => {
        replies.push(`${n.type}@${n.version}:${String(n.payload.docNumber)}`);
      },
      ['reply.issued'],
    );
    await toHandling(banli);
    await banli.send(id, replyEvent, { actor: actors.lead });
    off();
    await banli.send(
      id,
      {
        type: 'feedback.submit',
        at: '2023-04-20',
        caseId,
        feedback: { proposerId: actors.proposer.id, level: 'satisfied', date: '2023-04-20' },
      },
      { actor: actors.proposer },
    );
    expect(all).toEqual(['proposal.submitted', 'case.opened', 'reply.issued', 'case.closed']);
    expect(replies).toEqual(['reply.issued@7:中商务电函〔2023〕12号']);
    expect(errors).toHaveLength(4);
  });
});
