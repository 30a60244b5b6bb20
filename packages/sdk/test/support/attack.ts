import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';
import { expect } from 'vitest';
import { defaultSystemFactory } from '../../src/defaults.js';
import {
  type Banli,
  BanliError,
  createBanli,
  createManualClock,
  EVENT_TYPES,
  ROLES,
  type Store,
} from '../../src/index.js';
import { createDerivations, loadAggregate, replayAll } from '../../src/internal/aggregate.js';
import { allowedActor, SAMPLE_EVENTS } from './sampleEvents.js';
import { seedAccepted, seedId } from './seedBanli.js';

/**
 * The standing attack suite of issue 16: random command sequences through the SDK, from mutated valid events,
 * spoofed actors, hostile strings and hostile options. Every refusal must be a typed `BanliError` with zh-CN and en
 * messages that wrote nothing; the stored state must always equal a replay of the log. Seeded (`FUZZ_SEED`) and
 * bounded (`FUZZ_RUNS` runs; the caller's default keeps CI fast).
 */

/** What an attack run tried. */
interface AttackCounts {
  tried: number;
  accepted: number;
  refused: number;
  /** Refusals by error code. */
  byCode: Record<string, number>;
}

/** Strings that broke stores or renderers before, plus arbitrary ones. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00',
    '\ufeffzs-commerce',
    "'; drop table banli_events; --",
    '<script>alert(1)</script>',
    '\n# heading\n===\n- item\n```\ncode',
    'https://evil.example/x',
    '𠮷😀',
    ' ',
    '',
    'p'.repeat(129),
    'x'.repeat(70_000),
    '2023-02-30',
    '__proto__',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, [], {}, 10n),
  fc.constant(undefined),
);

const knownIds = ['member-liang-xiaoheng', 'zs-commerce', 'zs-education', 'zs-government-office', 'clerk', 'dban'];
const spoofedActor = fc.record({
  role: fc.oneof(fc.constantFrom(...ROLES), hostileString),
  id: fc.oneof(fc.constantFrom(...knownIds), hostileString),
  unitId: fc.option(fc.oneof(fc.constantFrom(...knownIds), hostileString), { nil: undefined }),
});

type Command =
  | { kind: 'send'; event: Record<string, unknown>; actor: unknown; options: Record<string, unknown> | undefined }
  | { kind: 'submit'; proposal: Record<string, unknown>; actor: unknown; options: Record<string, unknown> }
  | { kind: 'tick'; now: unknown }
  | { kind: 'deliver'; consumer: unknown; options: unknown; fail: boolean }
  | { kind: 'read'; after: unknown; options: unknown };

const mutate = (base: Record<string, unknown>) =>
  fc.oneof(
    fc.constant(base),
    fc.record({ key: fc.constantFrom(...Object.keys(base)), value: hostileValue }).map(({ key, value }) => ({
      ...base,
      [key]: value,
    })),
    fc.constantFrom(...Object.keys(base)).map((key) => {
      const { [key]: _, ...rest } = base;
      return rest;
    }),
    fc.record({ key: hostileString, value: hostileValue }).map(({ key, value }) => ({ ...base, [key]: value })),
  );

const sendCommand: fc.Arbitrary<Command> = fc
  .constantFrom(...EVENT_TYPES)
  .chain((type) =>
    fc.record({
      event: mutate(SAMPLE_EVENTS[type] as Record<string, unknown>),
      actor: fc.oneof(
        { weight: 3, arbitrary: fc.constant(allowedActor(type) ?? { role: 'system', id: 'scheduler' }) },
        { weight: 1, arbitrary: spoofedActor },
      ),
      options: fc.option(
        fc.record(
          {
            idempotencyKey: fc.oneof(fc.constantFrom('k1', 'k2'), hostileString),
            expectedVersion: fc.oneof(fc.integer({ min: -1, max: 12 }), hostileValue),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined, freq: 8 },
      ),
    }),
  )
  .chain((cmd) =>
    // One command in twenty has no options argument at all (`send(id, event)`).
    fc
      .nat({ max: 19 })
      .map((n) => ({ kind: 'send' as const, ...cmd, options: n === 0 ? undefined : (cmd.options ?? {}) })),
  );

const submitCommand: fc.Arbitrary<Command> = fc
  .record({
    proposal: mutate({ ...seedProposal132402, id: 'attack-new' } as unknown as Record<string, unknown>),
    actor: fc.oneof(fc.constant({ role: 'proposer', id: 'member-liang-xiaoheng' }), spoofedActor),
    at: fc.option(fc.oneof(fc.constantFrom('2023-03-20', '2023-02-30'), hostileValue), { nil: undefined }),
    draft: fc.option(fc.oneof(fc.boolean(), hostileValue), { nil: undefined }),
    key: fc.option(fc.oneof(fc.constantFrom('k1', 's1'), hostileString), { nil: undefined }),
  })
  .map(({ proposal, actor, at, draft, key }) => ({
    kind: 'submit' as const,
    proposal,
    actor,
    options: { at, draft, idempotencyKey: key },
  }));

const tickCommand: fc.Arbitrary<Command> = fc
  .oneof(fc.constantFrom('2023-05-01', '2023-07-01', '2023-09-01'), hostileValue)
  .map((now) => ({ kind: 'tick' as const, now }));

// The outbox (issue 16 item 4): hostile consumer names, positions and options; a handler that sometimes fails.
const outboxTypes = fc.oneof(fc.constant(['deadline.missed', 'reminder.due']), hostileValue);
const deliverCommand: fc.Arbitrary<Command> = fc
  .record({
    consumer: fc.oneof(fc.constantFrom('sms', 'mail'), hostileString),
    options: fc.option(
      fc.record(
        {
          claimant: fc.oneof(fc.constant('w1'), hostileString),
          leaseMs: fc.oneof(fc.integer({ min: 1, max: 100_000 }), hostileValue),
          batchSize: fc.oneof(fc.integer({ min: 1, max: 20 }), hostileValue),
          max: fc.oneof(fc.integer({ min: 0, max: 5 }), hostileValue),
          types: outboxTypes,
          start: fc.oneof(fc.constantFrom('beginning', 'now'), hostileValue),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    fail: fc.boolean(),
  })
  .map((c) => ({ kind: 'deliver' as const, ...c }));

const readCommand: fc.Arbitrary<Command> = fc
  .record({
    after: fc.oneof(fc.constantFrom('', '0:1', '0:1|1', '1:2', '99999999999999999999:1'), hostileValue),
    options: fc.option(
      fc.record(
        { limit: fc.oneof(fc.integer({ min: 1, max: 50 }), hostileValue), types: outboxTypes },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  })
  .map((c) => ({ kind: 'read' as const, ...c }));

const command = fc.oneof(
  { weight: 6, arbitrary: sendCommand },
  { weight: 2, arbitrary: submitCommand },
  { weight: 1, arbitrary: tickCommand },
  { weight: 1, arbitrary: deliverCommand },
  { weight: 1, arbitrary: readCommand },
);

const system = defaultSystemFactory({ policy: presets.guangdongCity, calendar: chinaMainland });
const derive = createDerivations(system);

/** Everything a refused command must leave as it was. */
async function observe(store: Store, ids: readonly string[], keys: readonly unknown[]) {
  const out: unknown[] = [];
  for (const id of ids) {
    out.push((await store.readStream(id)).length, await store.getSummary(id), await store.listDeadlines(id));
  }
  for (const key of keys) {
    if (typeof key === 'string' && key !== '' && key.length <= 256 && !key.includes('\u0000')) {
      out.push(await store.getIdempotency(key).catch(() => 'unreadable'));
    }
  }
  return JSON.stringify(out);
}

async function run(banli: Banli, cmd: Command): Promise<unknown> {
  if (cmd.kind === 'send') {
    const send = banli.send as (id: string, e: unknown, o?: unknown) => Promise<unknown>;
    return send(seedId, cmd.event, cmd.options === undefined ? undefined : { ...cmd.options, actor: cmd.actor });
  }
  if (cmd.kind === 'submit') return banli.submit(cmd.proposal, { actor: cmd.actor as never, ...cmd.options });
  if (cmd.kind === 'deliver') {
    const handler = () => {
      if (cmd.fail) throw new Error('handler down');
    };
    return banli.outbox.deliver(cmd.consumer as string, handler, cmd.options as never);
  }
  if (cmd.kind === 'read') return banli.outbox.read(cmd.after as string, cmd.options as never);
  return banli.tick(cmd.now as string);
}

/**
 * Runs the attack property on stores from `open` (each run gets a fresh store, closed afterwards) and returns counts.
 */
export async function runAttacks(open: () => Promise<Store>, options: { runs: number; seed?: number }) {
  const counts: AttackCounts = { tried: 0, accepted: 0, refused: 0, byCode: {} };
  const runs = Number(process.env.FUZZ_RUNS ?? options.runs);
  const seed = Number(process.env.FUZZ_SEED ?? options.seed ?? 16);
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
      const store = await open();
      try {
        const banli = createBanli({
          store,
          clock: createManualClock('2023-03-17'),
          policy: presets.guangdongCity,
          calendar: chinaMainland,
        });
        await seedAccepted(banli);
        const ids = [seedId, 'attack-new'];
        for (const cmd of commands) {
          const keys = [
            cmd.kind === 'send' ? cmd.options?.idempotencyKey : cmd.kind === 'submit' ? cmd.options.idempotencyKey : 0,
          ];
          const before = await observe(store, ids, keys);
          counts.tried++;
          const outcome = await run(banli, cmd).then(
            () => undefined,
            (e: unknown) => e ?? new Error('rejected with nothing'),
          );
          if (outcome === undefined) {
            counts.accepted++;
            continue;
          }
          counts.refused++;
          // Every refusal is typed, bilingual, and wrote nothing.
          expect(outcome, String(outcome)).toBeInstanceOf(BanliError);
          const error = outcome as BanliError;
          counts.byCode[error.code] = (counts.byCode[error.code] ?? 0) + 1;
          expect(error.messages['zh-CN']).toMatch(/\S/);
          expect(error.messages.en).toMatch(/\S/);
          expect(error.messages.en.length).toBeLessThan(4_000);
          expect(await observe(store, ids, keys)).toBe(before);
        }
        // The stored state always equals a replay of the log, and the summary row is at the log's version.
        for (const id of ids) {
          const log = await store.readStream(id);
          if (log.length === 0) continue;
          const loaded = await loadAggregate(store, system, derive, id);
          const full = replayAll(() => ({ system, derive }), id, log);
          // `derived` is a memo (a load may seed it with the last logged view), not state.
          expect({ ...loaded, lastSnapshotVersion: 0, derived: undefined }).toEqual({ ...full, derived: undefined });
          expect((await store.getSummary(id))?.version).toBe(log.length);
          expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
        }
        // The outbox holds every notification of the log exactly once, in log order per proposal: a new consumer
        // gets them all, and a second pass gets nothing.
        const got: string[] = [];
        const pass = await banli.outbox.deliver('attack-check', (n) => void got.push(n.key));
        expect(pass.failed).toBeUndefined();
        const fromLog: string[] = [];
        for (const id of ids) {
          for (const e of await store.readStream(id)) {
            for (let i = 0; i < e.emitted.length; i++) fromLog.push(`${id}:${e.version}:${i}`);
          }
        }
        const ofEntries = got.filter((k) => /^[^:]+:\d+:\d+$/.test(k));
        expect([...ofEntries].sort()).toEqual([...fromLog].sort());
        expect(new Set(got).size).toBe(got.length);
        expect((await banli.outbox.deliver('attack-check', () => undefined)).delivered).toBe(0);
      } finally {
        await store.close?.();
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return counts;
}
