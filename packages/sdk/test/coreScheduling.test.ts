import { fixtures } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import type { BanliNotification } from '../src/index.js';
import { seedAccepted, seedActors, seedAssigned, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

describe('tick on @banli/core', () => {
  it('should fire missed case deadlines once, flag the case overdue and escalate to the supervisor', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => {
      seen.push(n);
    });
    const open = (await banli.deadlines(seedId)).filter((d) => d.status === 'open' && d.due < '2023-05-01');
    expect(open.map((d) => d.kind).sort()).toEqual([
      'coOpinion',
      'coOpinion',
      'coOpinion',
      'coOpinion',
      'coOpinion',
      'coOpinion',
      'firstContact',
    ]);
    const report = await banli.tick('2023-05-01');
    expect(report.fired.map((k) => k.deadlineId).sort()).toEqual(open.map((d) => d.id).sort());
    expect((await banli.tick('2023-05-02')).fired).toEqual([]);
    const missed = seen.filter((n) => n.type === 'deadline.missed');
    expect(missed).toHaveLength(open.length);
    expect(missed[0]?.payload).toMatchObject({ caseId: seedCaseId });
    expect(seen.filter((n) => n.type === 'deadline.escalated' && n.payload.to === 'supervisor')).toHaveLength(
      open.length,
    );
    expect((await banli.query({ tag: 'overdue' })).map((s) => s.streamId)).toEqual([seedId]);
    const deadlines = await banli.deadlines(seedId);
    expect(
      deadlines
        .filter((d) => d.status === 'missed')
        .map((d) => d.id)
        .sort(),
    ).toEqual(open.map((d) => d.id).sort());
  });

  it('should log old and new due dates when an approved extension moves the reply deadline', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const lead = seedActors.lead;
    await banli.send(
      seedId,
      { type: 'case.requestExtension', at: '2023-06-01', caseId: seedCaseId, reason: '涉及多部门协调' },
      { actor: lead },
    );
    const result = await banli.send(
      seedId,
      { type: 'extension.approve', at: '2023-06-05', caseId: seedCaseId },
      { actor: seedActors.office },
    );
    const reply = result.deadlineChanges.find((c) => c.kind === 'reply');
    // guangdongCity: 3 months from 06-30 would pass the 6-month maximum from 交办 (2023-03-15), so 2023-09-15 (rule 5).
    expect(reply).toMatchObject({
      caseId: seedCaseId,
      oldDue: '2023-06-30',
      newDue: '2023-09-15',
      replaces: expect.stringContaining(':reply:'),
    });
    const logged = (await banli.history(seedId)).at(-1)?.meta?.deadlineChanges;
    expect(logged).toEqual(result.deadlineChanges);
    const current = (await banli.deadlines(seedId)).filter((d) => d.kind === 'reply' && d.status === 'open');
    expect(current.map((d) => d.due)).toEqual([reply?.newDue]);
  });
});

describe('reassignment on @banli/core', () => {
  it('should move the case to the new unit, recompute its deadlines and change who may act', async () => {
    const { banli } = seedBanli();
    const { office } = seedActors;
    await seedAssigned(banli);
    const request = { type: 'case.requestAdjustment', at: '2023-03-16', caseId: seedCaseId, reason: '职能不符' };
    await banli.send(seedId, request, { actor: seedActors.lead });
    const toUnit = fixtures.seedUnits.zsInvestment;
    const moved = await banli.send(
      seedId,
      { type: 'adjustment.reassign', at: '2023-03-20', caseId: seedCaseId, toUnit },
      { actor: office },
    );
    expect(moved.emitted.map((n) => n.type)).toContain('case.reassigned');
    expect(moved.deadlineChanges.length).toBeGreaterThan(0);
    expect(moved.deadlineChanges.every((c) => c.newDue >= '2023-03-20')).toBe(true);
    const view = await banli.get(seedId);
    expect(view.facts.cases[seedCaseId]?.unitId).toBe(toUnit.id);
    expect((await banli.query({ unitId: toUnit.id })).map((s) => s.streamId)).toEqual([seedId]);
    const accept = { type: 'case.accept', at: '2023-03-21', caseId: seedCaseId };
    await expect(banli.send(seedId, accept, { actor: seedActors.lead })).rejects.toMatchObject({ code: 'PERMISSION' });
    const result = await banli.send(seedId, accept, {
      actor: { role: 'leadUnit', id: 'inv-clerk', unitId: toUnit.id },
    });
    expect(result.state.cases[seedCaseId]).toMatchObject({ lifecycle: expect.anything() });
  });
});
