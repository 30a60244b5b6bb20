import { seedLifecycle132402, seedLifecycleActors132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import {
  type BanliOptions,
  createBanli,
  createManualClock,
  createMemoryStore,
  PermissionError,
  ValidationError,
} from '../src/index.js';
import { type BoundaryValidation, MEASUREMENT_KEY, type Measurement } from '../src/internal/measurement.js';
import { seedBanli } from './support/seedBanli.js';

// The benchmarks' switches (issue 19): the zod and authorisation shares of a command are measured in place, with the
// SDK run with and without them. Off unless set under the symbol key; set, they leave out exactly that part.

const committee = { role: 'committee', id: 'office' } as const;
const stranger = { role: 'proposer', id: 'not-a-proposer' } as const;
const proposal = { ...seedProposal132402, id: 'm-1' };

const banliWith = (m?: Measurement) =>
  createBanli({
    store: createMemoryStore(),
    clock: createManualClock('2023-02-20'),
    ...(m ? { [MEASUREMENT_KEY]: m } : {}),
  } as BanliOptions);

describe('measurement switches', () => {
  it('should be reached through the global symbol the benchmarks use', () => {
    expect(MEASUREMENT_KEY).toBe(Symbol.for('@banli/sdk.measurement'));
  });

  it('should validate and authorise as usual when no switch is set', async () => {
    const banli = banliWith({ skipValidation: false, skipAuthorization: false });
    await banli.submit(proposal, { actor: committee, draft: true, at: '2023-02-20' });
    await expect(
      banli.send(proposal.id, { type: 'review.start', at: 'not a date' }, { actor: committee }),
    ).rejects.toThrow(ValidationError);
    await expect(
      banli.send(proposal.id, { type: 'review.start', at: '2023-02-21' }, { actor: stranger }),
    ).rejects.toThrow(PermissionError);
  });

  it('should take the input as parsed with skipValidation, still authorising', async () => {
    const banli = banliWith({ skipValidation: true });
    // An unknown key the schema refuses is taken and logged: nothing parsed the event.
    await banli.submit(proposal, { actor: committee, draft: true, at: '2023-02-20' });
    await banli.send(proposal.id, { type: 'proposal.submit', at: '2023-02-20', extra: 1 }, { actor: committee });
    const logged = (await banli.history(proposal.id)).map((e) => e.event);
    expect(logged[1]).toMatchObject({ type: 'proposal.submit', extra: 1 });
    await expect(
      banli.send(proposal.id, { type: 'review.start', at: '2023-02-21' }, { actor: stranger }),
    ).rejects.toThrow(PermissionError);
  });

  it('should leave out the payload walk too with skipValidation (validation is the walk and the schema)', async () => {
    const banli = banliWith({ skipValidation: true });
    await banli.submit(proposal, { actor: committee, draft: true, at: '2023-02-20' });
    // A NUL the walk (or the schema) would refuse is taken: nothing of validation ran.
    const event = { type: 'proposal.submit', at: '2023-02-20', channel: 'session', note: 'a\u0000b' };
    await banli.send(proposal.id, event, { actor: committee });
    expect((await banli.history(proposal.id))[1]?.event).toMatchObject({ note: 'a\u0000b' });
    const validating = banliWith();
    await validating.submit(proposal, { actor: committee, draft: true, at: '2023-02-20' });
    await expect(validating.send(proposal.id, event, { actor: committee })).rejects.toMatchObject({
      issues: [{ code: 'nul_character', path: ['note'] }],
    });
  });

  it('should still copy the input with skipValidation, as parsing does (the switch leaves out validation only)', async () => {
    // Parsing gives a command its own copy of the input: the log never aliases what the caller may change later. The
    // switch must keep that copy, or the benchmark counts it as validation.
    for (const m of [undefined, { skipValidation: true }]) {
      const banli = banliWith(m);
      const input = { ...proposal, proposers: [...proposal.proposers] };
      await banli.submit(input, { actor: committee, draft: true, at: '2023-02-20' });
      const event = { type: 'proposal.submit', at: '2023-02-20', channel: 'session' };
      await banli.send(proposal.id, event, { actor: committee });
      event.at = '1999-01-01';
      input.proposers.length = 0;
      const [created, submitted] = await banli.history(proposal.id);
      expect(submitted?.event).toMatchObject({ at: '2023-02-20' });
      expect(created?.event).toMatchObject({ proposal: { proposers: proposal.proposers } });
    }
  });

  it('should let any actor send with skipAuthorization, still validating', async () => {
    const banli = banliWith({ skipAuthorization: true });
    await banli.submit(proposal, { actor: stranger, draft: false, at: '2023-02-20' });
    const started = await banli.send(proposal.id, { type: 'review.start', at: '2023-02-21' }, { actor: stranger });
    expect(started.version).toBe(3);
    await expect(banli.send(proposal.id, { type: 'review.register', at: 'x' }, { actor: stranger })).rejects.toThrow(
      ValidationError,
    );
  });

  it("should hand the benchmarks the boundary's validation with exposeBoundary, to run outside a timed command", () => {
    // Session 14: a diagnostic row runs validation's code, untimed, in the SDK without validation too (issue 19).
    const exposed: BoundaryValidation[] = [];
    banliWith({ skipValidation: true, exposeBoundary: (v) => exposed.push(v) });
    expect(exposed).toHaveLength(1);
    const [validation] = exposed as [BoundaryValidation];
    const parsed = validation.proposal(proposal);
    expect(parsed).toEqual(proposal);
    expect(parsed).not.toBe(proposal);
    expect(() => validation.proposal({ ...proposal, title: '' })).toThrow(ValidationError);
    const event = { type: 'review.start', at: '2023-02-21' };
    expect(validation.event(event)).toEqual({ event });
    expect(validation.event({ ...event, at: '2023-02-30' })).toMatchObject({ issues: [{ path: ['at'] }] });
  });

  it('should refuse the same unknown key without the switches', async () => {
    const banli = banliWith();
    await banli.submit(proposal, { actor: committee, draft: true, at: '2023-02-20' });
    await expect(
      banli.send(proposal.id, { type: 'proposal.submit', at: '2023-02-20', extra: 1 }, { actor: committee }),
    ).rejects.toThrow(ValidationError);
  });

  it('should take a letter event as letterParse answers it, in place of the letter parser (the floor, issue 15)', async () => {
    // The benchmarks measure the least a letter's validation can cost in place by running a plain copy (or a copy
    // reading the text rules) where the command parses the letter: what it answers is the event the command runs.
    const id = seedProposal132402.id;
    const parsed: unknown[] = [];
    const letterParse = (event: unknown) => {
      parsed.push(event);
      return structuredClone(event);
    };
    const drafting = async (m?: Measurement) => {
      const { banli } = seedBanli(m ? ({ [MEASUREMENT_KEY]: m } as BanliOptions) : {});
      const lifecycle = seedLifecycle132402(id);
      await banli.submit(seedProposal132402, {
        actor: seedLifecycleActors132402.committee,
        draft: true,
        at: '2023-02-20',
      });
      for (const [event, actor] of lifecycle.slice(0, 6)) await banli.send(id, event, { actor });
      const [event, actor] = lifecycle[6] as (typeof lifecycle)[number];
      // A key no letter schema knows: the parser refuses the letter, the plain copy takes it.
      return { banli, actor, event: { ...event, letter: { ...(event.letter as object), extra: 'x' } } };
    };
    const measured = await drafting({ letterParse });
    await measured.banli.send(id, measured.event, { actor: measured.actor });
    expect(parsed).toEqual([measured.event]);
    expect((await measured.banli.history(id)).at(-1)?.event).toMatchObject({ letter: { extra: 'x' } });
    // Only the events that carry letters: the others are parsed as usual.
    await expect(
      measured.banli.send(id, { type: 'signOff.approve', at: 'x', caseId: 'c' }, { actor: measured.actor }),
    ).rejects.toThrow(ValidationError);
    expect(parsed).toHaveLength(1);
    const usual = await drafting();
    await expect(usual.banli.send(id, usual.event, { actor: usual.actor })).rejects.toThrow(ValidationError);
  });
});
