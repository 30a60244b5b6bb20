import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { type Banli, createManualClock } from '@banli/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/index.js';
import { actors, banliOn, caseIdOf, seedAccepted, seedId } from './support/seed.js';

const seedLetter = readFileSync(
  new URL('../../schemas/test/fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url),
  'utf8',
);
const squash = (s: string) => s.replace(/\s+/g, '');
const caseId = caseIdOf(seedId);

describe('createBanli({ store: createPgliteStore(...) })', () => {
  let dataDir = '';
  afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));

  it('should run seed case 132402 from submission to archive and survive close and reopen', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'banli-seed-'));
    const clock = createManualClock('2023-03-16');
    const reopen = async (previous?: Banli): Promise<Banli> => {
      await previous?.store.close?.();
      return banliOn(await createPgliteStore({ dataDir }), clock);
    };
    let banli = await reopen();
    await seedAccepted(banli);
    expect((await banli.deadlines(seedId)).find((d) => d.kind === 'reply')).toMatchObject({ due: '2023-06-30' });

    banli = await reopen(banli);
    for (const unit of seedAssignment132402.coUnits) {
      const opinion = {
        fromUnit: unit,
        toUnit: seedAssignment132402.leadUnit,
        text: `${unit.name}会办意见`,
        date: '2023-04-10',
      };
      const actor = { role: 'coUnit', id: `${unit.id}-clerk`, unitId: unit.id } as const;
      await banli.send(seedId, { type: 'coUnit.submitOpinion', at: '2023-04-10', caseId, opinion }, { actor });
    }
    await banli.send(seedId, { type: 'case.startDrafting', at: '2023-06-01', caseId }, { actor: actors.lead });
    const draft = { type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 };
    await banli.send(seedId, draft, { actor: actors.lead });
    const signOff = { type: 'signOff.approve', at: '2023-06-30', caseId, signer: '局长' };
    await banli.send(seedId, signOff, { actor: actors.leader });
    expect((await banli.tick('2023-07-03')).fired.filter((k) => k.deadlineId.includes('reply'))).toEqual([]);

    banli = await reopen(banli);
    for (const p of fixtures.seedProposal132402.proposers) {
      const feedback = { proposerId: p.id, level: 'satisfied', date: '2023-07-10' };
      const event = { type: 'feedback.submit', at: '2023-07-10', caseId, feedback };
      await banli.send(seedId, event, { actor: { role: 'proposer', id: p.id } });
    }
    await banli.send(seedId, { type: 'proposal.archive', at: '2023-07-20' }, { actor: actors.committee });
    const view = await banli.get(seedId);
    const log = await banli.history(seedId);

    banli = await reopen(banli);
    expect(await banli.get(seedId)).toEqual(view);
    expect(await banli.history(seedId)).toEqual(log);
    expect(view.state.proposal).toMatchObject({ lifecycle: 'archived' });
    expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
    expect(log[0]?.type).toBe('proposal.create');
    expect(view.facts.cases[caseId]).toMatchObject({
      firstReplyAt: '2023-06-30',
      firstClass: 'A',
      replyDue: '2023-06-30',
    });
    expect(squash(await banli.letter(seedId, caseId, 'text'))).toBe(squash(seedLetter));
    const stats = await banli.statistics({ from: '2023-01-01', to: '2023-12-31', asOf: '2023-12-31' });
    expect(stats.totals).toMatchObject({ cases: 1, repliedOnTime: 1, onTimeRate: 1, classes: { A: 1 } });
    await banli.store.close?.();
  });
});
