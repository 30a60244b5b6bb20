import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { PermissionError } from '../src/index.js';
import { seedAccepted, seedActors, seedAssigned, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

const types = (list: readonly { type: string }[]) => list.map((c) => c.type);

describe('Banli.can: the commands an actor may send now', () => {
  it('should offer the committee review.start after submission, and nothing that needs another stage', async () => {
    const { banli } = seedBanli();
    const { proposer, committee } = seedActors;
    await banli.submit(seedProposal132402, { actor: proposer, at: '2023-02-20' });
    const offered = await banli.can(seedId, committee);
    expect(types(offered)).toContain('review.start');
    expect(types(offered)).not.toContain('review.register');
    expect(types(offered)).not.toContain('proposal.archive');
    // Each offered command is one the machines then accept.
    await banli.send(seedId, { type: 'review.start', at: '2023-02-21' }, { actor: committee });
    const next = types(await banli.can(seedId, committee));
    expect(next).toContain('review.register');
    expect(next).not.toContain('review.start');
  });

  it('should offer case commands per case, only to the unit handling it', async () => {
    const { banli } = seedBanli();
    await seedAssigned(banli);
    const lead = await banli.can(seedId, seedActors.lead);
    expect(lead).toContainEqual({ type: 'case.accept', caseId: seedCaseId, accepted: true });
    expect(lead.every((c) => c.caseId === seedCaseId)).toBe(true);
    const other = await banli.can(seedId, { role: 'leadUnit', id: 'x', unitId: 'zs-education' });
    expect(other).toEqual([]);
    // A proposer who did not file the proposal is offered nothing.
    const stranger = await banli.can(seedId, { role: 'proposer', id: 'someone-else' });
    expect(stranger).toEqual([]);
  });

  it('should mark commands whose guards read the payload as accepted: false, and still list them', async () => {
    const { banli } = seedBanli();
    await seedAccepted(banli);
    const lead = await banli.can(seedId, seedActors.lead);
    const names = types(lead);
    expect(names).not.toContain('case.accept');
    expect(names).toContain('case.requestExtension');
    // Drafting waits for the co-handlers' opinions (a guard on the state alone), so it is not offered yet.
    expect(names).not.toContain('case.startDrafting');
    // A contact names the proposer it was with: the machine cannot say yes before it sees who.
    const contact = lead.find((c) => c.type === 'case.recordContact');
    expect(contact?.accepted).toBe(false);
  });

  it('should refuse an actor without the unit its role needs, as send does', async () => {
    const { banli } = seedBanli();
    await seedAssigned(banli);
    await expect(banli.can(seedId, { role: 'leadUnit', id: 'x' })).rejects.toBeInstanceOf(PermissionError);
  });
});
