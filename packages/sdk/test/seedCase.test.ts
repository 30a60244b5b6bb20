import { readFileSync } from 'node:fs';
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { fixtures, seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { type Actor, type BanliNotification, createBanli, createManualClock, createMemoryStore } from '../src/index.js';

const seed = readFileSync(
  new URL('../../schemas/test/fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url),
  'utf8',
);
const squash = (s: string) => s.replace(/\s+/g, '');
const id = seedProposal132402.id;
const caseId = `${id}/zs-commerce`;
const committee: Actor = { role: 'committee', id: 'zs-cppcc-proposals-committee' };
const office: Actor = { role: 'assigningOffice', id: 'zs-gov-office', unitId: 'zs-government-office' };
const lead: Actor = { role: 'leadUnit', id: 'chen-qihang', unitId: 'zs-commerce' };
const leader: Actor = { role: 'leader', id: 'bureau-director', unitId: 'zs-commerce' };

describe('seed case 132402 through the SDK', () => {
  it('should run from submission to archive with the 2023 calendar and render the seed letter', async () => {
    const clock = createManualClock('2023-02-20');
    const banli = createBanli({
      store: createMemoryStore({ isolate: true }),
      policy: presets.guangdongCity,
      calendar: chinaMainland,
      clock,
    });
    const seen: BanliNotification[] = [];
    banli.subscribe((n) => {
      seen.push(n);
    });
    const first = seedProposal132402.proposers[0] as { id: string };
    await banli.submit(seedProposal132402, { actor: { role: 'proposer', id: first.id } });
    clock.set('2023-02-21');
    await banli.send(id, { type: 'review.start' }, { actor: committee });
    clock.set('2023-03-01');
    await banli.send(id, { type: 'review.register' }, { actor: committee });
    clock.set('2023-03-15');
    await banli.send(id, { type: 'assignment.assign', assignment: seedAssignment132402 }, { actor: office });

    const reply = (await banli.deadlines(id)).find((d) => d.kind === 'reply');
    expect(reply).toMatchObject({ due: '2023-06-30', caseId, calendarId: chinaMainland.id, status: 'open' });
    expect(reply?.explanation['zh-CN']).toContain('2023年6月30日');
    expect(reply?.explanation.en).toContain('2023-06-30');

    clock.set('2023-03-16');
    await banli.send(id, { type: 'case.accept', caseId }, { actor: lead });
    for (const unit of seedAssignment132402.coUnits) {
      const opinion = {
        fromUnit: unit,
        toUnit: seedAssignment132402.leadUnit,
        text: `${unit.name}会办意见`,
        date: '2023-04-10',
      };
      await banli.send(
        id,
        { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId, opinion },
        { actor: { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } },
      );
    }
    await banli.send(id, { type: 'case.startDrafting', at: '2023-06-01', caseId }, { actor: lead });
    await banli.send(
      id,
      { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 },
      { actor: lead },
    );
    await banli.send(id, { type: 'signOff.approve', at: '2023-06-30', caseId, signer: '局长' }, { actor: leader });
    expect((await banli.get(id)).state.proposal).toMatchObject({ lifecycle: 'answered' });

    // A tick after the reply date fires nothing: the reply deadline was met.
    expect((await banli.tick('2023-07-03')).fired.filter((k) => k.deadlineId.includes('reply'))).toEqual([]);

    for (const p of seedProposal132402.proposers) {
      const feedback = { proposerId: p.id, level: 'satisfied', date: '2023-07-10' };
      await banli.send(
        id,
        { type: 'feedback.submit', at: '2023-07-10', caseId, feedback },
        { actor: { role: 'proposer', id: p.id } },
      );
    }
    await banli.send(id, { type: 'proposal.archive', at: '2023-07-20' }, { actor: committee });

    const view = await banli.get(id);
    expect(view.state.proposal).toMatchObject({ lifecycle: 'archived' });
    expect(view.facts.cases[caseId]).toMatchObject({
      firstReplyAt: '2023-06-30',
      firstClass: 'A',
      replyDue: '2023-06-30',
    });

    const log = await banli.history(id);
    expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
    expect(log[0]?.type).toBe('proposal.create');
    expect(log.filter((e) => e.type === 'coUnit.submitOpinion').map((e) => e.actor.unitId)).toEqual(
      seedAssignment132402.coUnits.map((u) => u.id),
    );
    const signOff = log.find((e) => e.type === 'signOff.approve');
    expect(signOff?.actor).toEqual(leader);
    expect(signOff?.emitted.map((n) => n.type)).toContain('reply.issued');
    expect(log.at(-1)?.stateAfter).toMatchObject({ proposal: { lifecycle: 'archived' } });
    const assign = log.find((e) => e.type === 'assignment.assign');
    expect(assign?.meta?.deadlineChanges).toContainEqual(
      expect.objectContaining({ kind: 'reply', newDue: '2023-06-30', caseId }),
    );

    expect(seen.find((n) => n.type === 'reply.issued')?.payload).toMatchObject({
      caseId,
      class: 'A',
      docNumber: '中商务电函〔2023〕12号',
    });

    const letter = await banli.letter(id, caseId, 'text');
    expect(squash(letter)).toBe(squash(seed));

    const stats = await banli.statistics({ from: '2023-01-01', to: '2023-12-31', asOf: '2023-12-31' });
    expect(stats.totals).toMatchObject({ cases: 1, repliedOnTime: 1, onTimeRate: 1, classes: { A: 1 } });
    expect(stats.totals.final.satisfied).toBe(fixtures.seedProposal132402.proposers.length);
  });
});
