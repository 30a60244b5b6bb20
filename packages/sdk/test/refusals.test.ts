import { BanliEventSchema } from '@banli/schemas';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSystemFactory } from '../src/defaults.js';
import { type Actor, type Banli, type BanliError, EVENT_TYPES, type Store } from '../src/index.js';
import { createDerivations, loadAggregate } from '../src/internal/aggregate.js';
import { allowedActor, refusedActor, SAMPLE_EVENTS } from './support/sampleEvents.js';
import { seedAccepted, seedActors, seedBanli, seedCaseId, seedId } from './support/seedBanli.js';

let banli: Banli;
let store: Store;

/** Runs a command that must be refused and proves the store did not change. */
async function refused(run: () => Promise<unknown>, code: string) {
  const before = await store.load(seedId);
  const error = (await run().then(
    () => undefined,
    (e: unknown) => e,
  )) as BanliError | undefined;
  expect(error?.code).toBe(code);
  expect(error?.messages['zh-CN']).toMatch(/\p{Script=Han}/u);
  expect(error?.messages.en).not.toBe('');
  expect(await store.load(seedId)).toEqual(before);
  return error as BanliError;
}

beforeAll(async () => {
  ({ banli, store } = seedBanli());
  await seedAccepted(banli);
});

describe('send refusals for every event type', () => {
  it('should use schema-valid samples', () => {
    for (const type of EVENT_TYPES) expect(BanliEventSchema.safeParse(SAMPLE_EVENTS[type]).success, type).toBe(true);
  });

  for (const type of EVENT_TYPES) {
    const sample = SAMPLE_EVENTS[type];
    const actor = allowedActor(type);

    it(`should refuse a malformed ${type} and write nothing`, async () => {
      const error = await refused(
        () => banli.send(seedId, { ...sample, at: '2023-13-45' }, { actor: actor ?? seedActors.committee }),
        'VALIDATION',
      );
      expect(error.state).toMatchObject({ version: 6 });
    });

    it(`should refuse ${type} from a wrong role and write nothing`, async () => {
      await refused(() => banli.send(seedId, sample, { actor: refusedActor(type) }), 'PERMISSION');
    });

    if (actor) {
      it(`should refuse ${type} with a stale version and write nothing`, async () => {
        await refused(() => banli.send(seedId, sample, { actor, expectedVersion: 5 }), 'CONCURRENCY_CONFLICT');
      });
    }
  }

  it('should refuse every event the machine does not accept in the current state and write nothing', async () => {
    const system = defaultSystemFactory({ policy: banli.policy, calendar: banli.calendar });
    // The state as loaded (a stored snapshot refers to the policy and to logged values; loading resolves them).
    const { handling } = await loadAggregate(store, system, createDerivations(system), seedId);
    let checked = 0;
    for (const type of EVENT_TYPES) {
      const actor = allowedActor(type);
      if (!actor || system.can(handling, SAMPLE_EVENTS[type] as never)) continue;
      await refused(() => banli.send(seedId, SAMPLE_EVENTS[type], { actor }), 'TRANSITION_REFUSED');
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('should refuse a malformed, foreign or duplicate submit and write nothing', async () => {
    await refused(
      () => banli.submit({ ...seedProposal132402, proposers: [] }, { actor: seedActors.proposer }),
      'VALIDATION',
    );
    await refused(
      () =>
        banli.submit(
          { ...seedProposal132402, id: 'x' },
          { actor: { role: 'leadUnit', id: 'c', unitId: 'zs-commerce' } },
        ),
      'PERMISSION',
    );
    await refused(() => banli.submit(seedProposal132402, { actor: seedActors.proposer }), 'ALREADY_EXISTS');
    expect(await store.load('x')).toBeUndefined();
  });
});

describe('idempotency keys across a whole lifecycle', () => {
  it('should return the first result and write nothing for every repeated command', async () => {
    const fresh = seedBanli();
    const { proposer, committee, office, lead } = seedActors;
    const caseId = seedCaseId;
    const steps: [Record<string, unknown>, Actor][] = [
      [{ type: 'review.start', at: '2023-02-21' }, committee],
      [{ type: 'review.register', at: '2023-03-01' }, committee],
      [{ ...SAMPLE_EVENTS['assignment.assign'], at: '2023-03-15' }, office],
      [{ type: 'case.accept', at: '2023-03-16', caseId }, lead],
      [{ type: 'case.recordContact', at: '2023-03-20', caseId, proposerId: proposer.id, method: 'visit' }, lead],
    ];
    const first = await fresh.banli.submit(seedProposal132402, {
      actor: proposer,
      at: '2023-02-20',
      idempotencyKey: 'submit',
    });
    expect(
      await fresh.banli.submit(seedProposal132402, { actor: proposer, at: '2023-02-20', idempotencyKey: 'submit' }),
    ).toEqual(first);
    for (const [i, [event, actor]] of steps.entries()) {
      const result = await fresh.banli.send(seedId, event, { actor, idempotencyKey: `k${i}` });
      const before = await fresh.store.load(seedId);
      const again = await fresh.banli.send(seedId, event, { actor, idempotencyKey: `k${i}` });
      expect(again).toEqual(result);
      expect(await fresh.store.load(seedId)).toEqual(before);
    }
  });
});
