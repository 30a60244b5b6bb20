import { chinaMainland, computeDueDate } from '@banli/calendar';
import { type Deadline, leafPaths, presets, VersionMismatchError } from '@banli/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBanli,
  createManualClock,
  createMemoryStore,
  MIGRATION_EVENT,
  type MigrationReport,
  systemFactory,
} from '../src/index.js';
import { caseOf, driveTo, STAGES, type Stage } from './support/inFlight.js';
import { caseMachineV2, planV1toV2, policyV2, publishV2 } from './support/migrateGuide.js';

const N = 1000;
const clock = createManualClock('2024-05-10');
const store = createMemoryStore();
const stageOf = (i: number): Stage => STAGES[i % STAGES.length] as Stage;
const idOf = (i: number) => `p-${String(i).padStart(4, '0')}`;

// Where the plan says each stage ends, as the case's lifecycle path (undefined: no case yet).
const EXPECTED: Partial<Record<Stage, string>> = {
  accepting: 'lifecycle.accepting',
  adjustmentRequested: 'lifecycle.adjustmentRequested',
  handling: 'lifecycle.handling',
  draftingNoVisit: 'lifecycle.preDraftVisit',
  draftingVisited: 'lifecycle.drafting',
  signOff: 'lifecycle.signOff',
  awaitingFeedback: 'lifecycle.replied.awaitingFeedback',
  rehandling: 'lifecycle.rehandling',
  closed: 'lifecycle.closed',
  withdrawn: 'lifecycle.terminated',
};

const before = new Map<string, { version: number; deadlines: Deadline[] }>();
let dry: MigrationReport;
let applied: MigrationReport;
let applyMs = 0;

beforeAll(async () => {
  const v1 = createBanli({ store, clock, policy: presets.guangdongCity });
  for (let i = 0; i < N; i++) await driveTo(v1, idOf(i), stageOf(i));
  for (let i = 0; i < N; i++) {
    const view = await v1.get(idOf(i));
    const deadlines = (await v1.deadlines(idOf(i))) as unknown as Deadline[];
    before.set(idOf(i), { version: view.version, deadlines });
  }
  const v2 = publishV2(store, clock);
  dry = await v2.migrate(planV1toV2, { dryRun: true });
  const started = performance.now();
  applied = await v2.migrate(planV1toV2);
  applyMs = performance.now() - started;
  console.info(`migrated ${applied.counts.migrated} of ${N} proposals in ${applyMs.toFixed(0)} ms`);
}, 600_000);

describe('migrate', () => {
  it('should report every stream in a dry run and write nothing', async () => {
    expect(dry.dryRun).toBe(true);
    expect(dry.streams).toHaveLength(N);
    const refused = dry.streams.filter((s) => s.status === 'refused');
    expect(refused.map((s) => s.streamId)).toEqual(
      [...Array(N).keys()].filter((i) => stageOf(i) === 'adjustmentRequested').map(idOf),
    );
    expect(refused[0]?.reason?.['zh-CN']).toBe('调整申请尚待交办机关处理');
    expect(dry.counts.wouldMigrate).toBe(N - refused.length);
    // the dry run reported exactly what the apply then did
    const strip = (r: MigrationReport) => r.streams.map(({ status: _, version: __, ...rest }) => rest);
    expect(strip(dry)).toEqual(strip(applied));
  });

  it('should move each case where the plan says, one migration event per stream', async () => {
    expect(applied.counts).toMatchObject({ migrated: N - dry.counts.refused, refused: dry.counts.refused });
    for (let i = 0; i < N; i++) {
      const id = idOf(i);
      const stage = stageOf(i);
      const row = applied.streams.find((s) => s.streamId === id);
      const caseMove = row?.states.find((s) => s.caseId === caseOf(id));
      const refused = stage === 'adjustmentRequested';
      if (EXPECTED[stage]) expect(refused ? caseMove?.from : caseMove?.to).toContain(EXPECTED[stage]);
      else expect(caseMove).toBeUndefined();
      const log = await store.readStream(id);
      const migrations = log.filter((e) => e.type === MIGRATION_EVENT);
      expect(migrations).toHaveLength(stage === 'adjustmentRequested' ? 0 : 1);
      const snapshotMachine = (await store.load(id))?.snapshot?.state as {
        handling: { caseMachine: { version: string } };
      };
      expect(snapshotMachine.handling.caseMachine.version).toBe(stage === 'adjustmentRequested' ? 'case@4' : 'case@5');
      if (migrations[0]) expect(migrations[0].machine).toMatchObject({ version: 'proposal@4' });
      expect(migrations[0]?.version ?? before.get(id)?.version).toBe(
        (before.get(id)?.version ?? 0) + (migrations[0] ? 1 : 0),
      );
    }
  });

  it('should keep, recompute or drop every open deadline by its kind', async () => {
    const v2 = publishV2(store, clock);
    for (const row of applied.streams.filter((s) => s.status === 'migrated')) {
      const after = new Map(((await v2.deadlines(row.streamId)) as unknown as Deadline[]).map((d) => [d.id, d]));
      const index = new Map((await store.listDeadlines(row.streamId)).map((e) => [e.deadlineId, e]));
      for (const d of before.get(row.streamId)?.deadlines ?? []) {
        const now = after.get(d.id);
        if (d.status !== 'open' || d.closedAt !== undefined) {
          expect(now).toMatchObject({ status: d.status, due: d.due });
        } else if (d.kind === 'reply') {
          const due = computeDueDate(chinaMainland, policyV2.periods.reply, d.start).due;
          expect(due).not.toBe(d.due);
          expect(now).toMatchObject({ status: 'open', due });
          expect(index.get(d.id)?.due).toBe(due);
        } else if (d.kind === 'firstContact') {
          expect(now).toMatchObject({ status: 'cancelled', closedAt: applied.at });
          expect(index.has(d.id)).toBe(false);
        } else {
          expect(now).toMatchObject({ status: 'open', due: d.due });
        }
      }
    }
  });

  it('should run refused v1 cases on v1 and new proposals on v2 side by side', async () => {
    const v2 = publishV2(store, clock);
    const held = idOf(STAGES.indexOf('adjustmentRequested'));
    const office = { role: 'assigningOffice', id: 'o', unitId: 'zs-government-office' } as const;
    await v2.send(held, { type: 'adjustment.keep', at: '2024-05-11', caseId: caseOf(held) }, { actor: office });
    expect((await v2.get(held)).cases[0]?.value).toMatchObject({ lifecycle: 'accepting' });
    expect((await store.readStream(held)).at(-1)?.machine.version).toBe('proposal@4');
    await driveTo(v2, 'p-new', 'draftingNoVisit');
    const fresh = (await store.load('p-new'))?.snapshot?.state as { handling: { caseMachine: { version: string } } };
    expect(fresh.handling.caseMachine.version).toBe('case@5');
    expect(leafPaths((await v2.get('p-new')).cases[0]?.value as never)).toContain('lifecycle.preDraftVisit');
  });

  it('should skip migrated streams when run again and move a refused case once it left the refused state', async () => {
    const again = await publishV2(store, clock).migrate(planV1toV2);
    const held = idOf(STAGES.indexOf('adjustmentRequested'));
    expect(again.streams.filter((s) => s.status === 'migrated').map((s) => s.streamId)).toEqual([held]);
    expect(again.counts.alreadyMigrated).toBe(applied.counts.migrated);
    expect(again.counts.refused).toBe(applied.counts.refused - 1);
    // the proposal started on v2 is not on the plan's source version
    expect(again.streams.find((s) => s.streamId === 'p-new')).toMatchObject({ status: 'skipped' });
    expect(again.streams.find((s) => s.streamId === 'p-new')?.reason?.en).toContain('proposal@4/case@5');
  });

  it('should refuse a v1 snapshot loaded under v2 alone, without a plan', async () => {
    const v2only = createBanli({
      store,
      clock,
      policy: policyV2,
      createSystem: systemFactory({ caseMachine: caseMachineV2 }),
    });
    const held = idOf(STAGES.indexOf('adjustmentRequested') + STAGES.length);
    const error = await v2only.get(held).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionMismatchError);
    expect((error as VersionMismatchError).messages['zh-CN']).toContain('case@4');
  });
});
