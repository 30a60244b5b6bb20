import { seedProposal132402 } from '@banli/schemas/fixtures';
import { type Banli, createMemoryStore, type Store } from '@banli/sdk';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaPerTest } from './support/pglite.js';
import { actors, banliOn, contact, seedAccepted } from './support/seed.js';
import { describeWithServer, serverStore } from './support/server.js';

// Issue 16 items 6 and 9: on PostgreSQL and PGlite these inputs raised raw SQLSTATEs (22P05, 22P02, 22021, 54000)
// or came back changed (a leading U+FEFF stripped); on the memory store they were accepted. Now every store refuses
// them with the same ValidationError, before the database sees them.

const id = 'hostile-1';
const cases: [string, (banli: Banli) => Promise<unknown>][] = [
  ['a NUL byte in a note', (b) => b.send(id, contact(id, 'a\u0000b'), { actor: actors.lead })],
  ['a lone surrogate in a note', (b) => b.send(id, contact(id, 'a\ud800b'), { actor: actors.lead })],
  ['an id containing NUL', (b) => b.submit({ ...seedProposal132402, id: 'x\u0000y' }, { actor: actors.proposer })],
  [
    'a 3,000-character id',
    (b) => b.submit({ ...seedProposal132402, id: 'x'.repeat(3000) }, { actor: actors.proposer }),
  ],
  [
    'a 3,000-character idempotency key',
    (b) => b.send(id, contact(id, 'k'), { actor: actors.lead, idempotencyKey: 'k'.repeat(3000) }),
  ],
  [
    'an id with a leading U+FEFF',
    (b) => b.submit({ ...seedProposal132402, id: '\ufeffbom' }, { actor: actors.proposer }),
  ],
  ['a NUL byte in an id argument', (b) => b.get(`${id}\u0000`)],
  ['a lone surrogate in a unit id filter', (b) => b.query({ unitId: '\udfff' })],
];

async function outcomes(open: () => Promise<Store>) {
  const store = await open();
  try {
    const banli = banliOn(store);
    await seedAccepted(banli, id);
    const log = await store.readStream(id);
    const out: Record<string, unknown> = {};
    for (const [name, run] of cases) {
      const error = await run(banli).then(
        () => undefined,
        (e: unknown) => e as { code?: string; issues?: { code: string }[]; messages?: Record<string, string> },
      );
      out[name] = {
        code: error?.code,
        issues: error?.issues?.map((i) => i.code),
        zh: Boolean(error?.messages?.['zh-CN']),
      };
    }
    expect(await store.readStream(id)).toEqual(log);
    expect((await store.queryStreams()).map((r) => r.streamId)).toEqual([id]);
    return out;
  } finally {
    await store.close?.();
  }
}

const expected = {
  'a NUL byte in a note': { code: 'VALIDATION', issues: ['nul_character'], zh: true },
  'a lone surrogate in a note': { code: 'VALIDATION', issues: ['lone_surrogate'], zh: true },
  'an id containing NUL': { code: 'VALIDATION', issues: ['nul_character'], zh: true },
  'a 3,000-character id': { code: 'VALIDATION', issues: ['too_long'], zh: true },
  'a 3,000-character idempotency key': { code: 'VALIDATION', issues: ['too_long'], zh: true },
  'an id with a leading U+FEFF': { code: 'VALIDATION', issues: ['leading_bom'], zh: true },
  'a NUL byte in an id argument': { code: 'VALIDATION', issues: ['nul_character'], zh: true },
  'a lone surrogate in a unit id filter': { code: 'VALIDATION', issues: ['lone_surrogate'], zh: true },
};

describe('hostile text is refused identically on every store', () => {
  const pglite = schemaPerTest(() => PGlite.create());
  afterAll(() => pglite.closeAll());

  it('should refuse each with a ValidationError on the memory store', async () => {
    expect(await outcomes(async () => createMemoryStore())).toEqual(expected);
  });

  it('should refuse each with the same ValidationError on PGlite, writing nothing', async () => {
    expect(await outcomes(pglite.factory)).toEqual(expected);
  });
});

describeWithServer('hostile text on PostgreSQL', () => {
  it('should refuse each with the same ValidationError, writing nothing', async () => {
    expect(await outcomes(() => serverStore())).toEqual(expected);
  });
});
