import { samplePartyProposal, sampleSplitAssignment } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { BackdatingRefusedError, ValidationError } from '../src/index.js';
import {
  seedAccepted,
  seedActors,
  seedBackdatedContact,
  seedBanli,
  seedCaseId,
  seedContact,
  seedId,
} from './support/seedBanli.js';

const { proposer, committee, lead } = seedActors;

describe('event date order', () => {
  it('should refuse a case event dated before the last event of its case, with both messages, writing nothing', async () => {
    const { error, before, store } = await seedBackdatedContact();
    expect(error).toBeInstanceOf(BackdatingRefusedError);
    const refused = error as BackdatingRefusedError;
    expect(refused.code).toBe('BACKDATED');
    expect([refused.at, refused.lastAt, refused.scope, refused.caseId]).toEqual([
      '2023-03-27',
      '2023-03-28',
      'case',
      seedCaseId,
    ]);
    expect(refused.messages['zh-CN']).toContain('早于');
    expect(refused.messages.en).toContain('before the last event');
    expect(await store.load(seedId)).toEqual(before);
  });

  it('should accept an event on the same date as the last one', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    await expect(banli.send(seedId, seedContact('2023-03-16'), { actor: lead })).resolves.toMatchObject({ version: 7 });
  });

  it('should refuse a case event dated before its case was opened', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const error = await banli.send(seedId, seedContact('2023-03-14'), { actor: lead }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKDATED', lastAt: '2023-03-16' });
  });

  it('should refuse a proposal-level event dated before the last event of any case of the proposal', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    await banli.send(seedId, seedContact('2023-04-03'), { actor: lead });
    const withdraw = {
      type: 'proposal.withdraw',
      at: '2023-04-01',
      by: 'member-liang-xiaoheng',
      writtenRequest: { date: '2023-04-01' },
    };
    const error = await banli.send(seedId, withdraw, { actor: proposer }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKDATED', scope: 'proposal', lastAt: '2023-04-03' });
  });

  it('should refuse a proposal-level event before the last proposal-level one', async () => {
    const { banli } = seedBanli();
    await banli.submit(samplePartyProposal, { actor: committee, at: '2024-03-20' });
    await banli.send(samplePartyProposal.id, { type: 'review.start', at: '2024-03-21' }, { actor: committee });
    const error = await banli
      .send(samplePartyProposal.id, { type: 'review.register', at: '2024-03-20' }, { actor: committee })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKDATED', scope: 'proposal', lastAt: '2024-03-21' });
  });

  it('should let the cases of one proposal interleave', async () => {
    const { banli } = seedBanli();
    const id = samplePartyProposal.id;
    const office = { role: 'assigningOffice', id: 'office', unitId: sampleSplitAssignment.assigningOffice.id } as const;
    const [natural, transport] = (sampleSplitAssignment.splitUnits ?? []).map((u) => u.id) as [string, string];
    await banli.submit(samplePartyProposal, { actor: committee, at: '2024-03-20' });
    await banli.send(id, { type: 'review.start', at: '2024-03-21' }, { actor: committee });
    await banli.send(
      id,
      { type: 'review.register', at: '2024-03-28', supervisingLeader: '副市长' },
      { actor: committee },
    );
    await banli.send(
      id,
      { type: 'assignment.assign', at: '2024-04-08', assignment: sampleSplitAssignment },
      { actor: office },
    );
    const unit = (u: string) => ({ role: 'leadUnit', id: `${u}-clerk`, unitId: u }) as const;
    await banli.send(
      id,
      { type: 'case.accept', at: '2024-04-20', caseId: `${id}/${natural}` },
      { actor: unit(natural) },
    );
    const accepted = await banli.send(
      id,
      { type: 'case.accept', at: '2024-04-10', caseId: `${id}/${transport}` },
      { actor: unit(transport) },
    );
    expect(accepted.state.cases[`${id}/${transport}`]).toBeDefined();
    const history = await banli.history(id);
    expect(history.at(-1)?.meta?.backdated).toBeUndefined();
  });

  it('should accept a declared backdated act, log it as such, and keep the latest date', async () => {
    const { banli, store } = seedBanli();
    await seedAccepted(banli);
    await banli.send(seedId, seedContact('2023-03-28'), { actor: lead });
    const reason = '纸质记录补录';
    await banli.send(seedId, seedContact('2023-03-20'), { actor: lead, backdated: { reason } });
    const last = (await banli.history(seedId)).at(-1);
    expect(last?.event.at).toBe('2023-03-20');
    expect(last?.meta?.backdated).toEqual({ reason, lastAt: '2023-03-28', scope: 'case' });
    // The latest date stays 2023-03-28: a later undeclared event before it is still refused.
    const again = await banli.send(seedId, seedContact('2023-03-21'), { actor: lead }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'BACKDATED', lastAt: '2023-03-28' });
    const summary = await store.getSummary(seedId);
    expect((summary?.facts as { lastAt?: string } | undefined)?.lastAt).toBe('2023-03-28');
  });

  it('should refuse a backdated declaration without a reason', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const error = await banli
      .send(seedId, seedContact('2023-03-10'), { actor: lead, backdated: { reason: ' ' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messages.en).toContain('backdated.reason');
    expect((error as ValidationError).messages['zh-CN']).toContain('补录理由');
    const missing = await banli
      .send(seedId, seedContact('2023-03-10'), { actor: lead, backdated: {} as { reason: string } })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ValidationError);
  });

  it('should let the scheduler fire a deadline on a tick dated before a later case event', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    // The first-contact deadline (2023-04-06) is still open; a later contact would close it, so act on another case fact.
    await banli.send(
      seedId,
      { type: 'case.requestExtension', at: '2023-04-20', caseId: seedCaseId, reason: '需调研' },
      { actor: lead },
    );
    const report = await banli.tick('2023-04-10');
    expect(report.fired.length).toBeGreaterThan(0);
  });
});

// Mutation testing (issue 17) left two exemptions of the date-order check untested.
describe('event date order: what it does not check', () => {
  it("should let the scheduler's deadline.elapsed through when dated before a case's later event", async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    await banli.send(seedId, seedContact('2023-09-01'), { actor: lead });
    const open = (await banli.deadlines(seedId)).find((d) => d.status === 'open' && d.caseId === seedCaseId);
    if (!open) throw new Error('no open case deadline');
    const elapsed = { type: 'deadline.elapsed', at: '2023-08-01', deadlineId: open.id, caseId: seedCaseId };
    const sent = await banli.send(seedId, elapsed, { actor: { role: 'system', id: 'scheduler' } }).catch((e) => e);
    expect(sent).not.toBeInstanceOf(BackdatingRefusedError);
    expect(sent).toMatchObject({ version: 8 });
  });

  it('should leave an event for a case the proposal does not have to the machine, not refuse it as backdated', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const unknown = { type: 'case.overrideClose', at: '2023-03-01', caseId: `${seedId}/no-such-unit`, reason: '测试' };
    const error = await banli.send(seedId, unknown, { actor: committee }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BackdatingRefusedError);
    expect((error as { code?: string }).code).toBe('TRANSITION_REFUSED');
  });
});
