import { chinaMainland, computeDueDate } from '@banli/calendar';
import { describe, expect, it } from 'vitest';
import {
  BanliCoreError,
  type CaseContext,
  type ConfigNode,
  caseMachine,
  createHandlingSystem,
  defineMigration,
  InvalidMigrationError,
  leafPaths,
  type MigrationPlan,
  migrateHandlingState,
  type Policy,
  presets,
  reviseMachine,
  structureHash,
  successorRule,
  VersionMismatchError,
  valueOfPaths,
} from '../src/index.js';
import { Driver, intake, leadCaseId, seedProposal, seedSystem, soleAssignment, soleCase } from './helpers/seed.js';

// v2 of the case machine: 办前沟通 — a visit to the proposers between handling and drafting.
const withVisit = (config: ConfigNode): ConfigNode => {
  const lifecycle = config.states?.lifecycle as ConfigNode;
  const states = lifecycle.states as Record<string, ConfigNode>;
  const handling = states.handling as ConfigNode;
  const preDraftVisit: ConfigNode = {
    meta: { label: { 'zh-CN': '办前沟通', en: 'Pre-drafting visit' } },
    tags: ['awaitingUnit', 'clock.running'],
    on: {
      'case.recordContact': { guard: 'isVisit', target: 'drafting', actions: 'recordContact' },
      'case.terminate': { target: '#case.lifecycle.terminated', actions: ['terminateCase', 'emitCaseTerminated'] },
    },
  };
  const rerouted = { ...handling, on: { ...handling.on, 'case.startDrafting': { target: 'preDraftVisit' } } };
  return {
    ...config,
    states: { ...config.states, lifecycle: { ...lifecycle, states: { ...states, handling: rerouted, preDraftVisit } } },
  };
};
const isVisit = ({ event }: { event: { type: string; method?: string } }) =>
  event.type === 'case.recordContact' && event.method === 'visit';
const caseV2 = reviseMachine(caseMachine, { version: 'case@5', config: withVisit, guards: { isVisit } });
const policyV2: Policy = {
  ...presets.guangdongCity,
  id: 'cn-gd-city-2',
  // No fixed dates any more: every item 3 months from 交办.
  replyPeriods: [],
  periods: { ...presets.guangdongCity.periods, reply: { kind: 'months', months: 3, rollForward: true } },
};
const systemV2 = () => createHandlingSystem({ policy: policyV2, calendar: chinaMainland, caseMachine: caseV2 });

const plan: MigrationPlan = defineMigration({
  id: 'test-v2-v3',
  from: { proposal: 'proposal@4', case: 'case@4' },
  to: { proposal: 'proposal@4', case: 'case@5' },
  case: {
    states: {
      map: {
        'lifecycle.drafting': (ctx: CaseContext) =>
          ctx.contacts.some((c) => c.method === 'visit') ? 'lifecycle.drafting' : 'lifecycle.preDraftVisit',
        'lifecycle.adjustmentRequested': { refuse: { 'zh-CN': '调整申请未决', en: 'Adjustment pending' } },
      },
    },
  },
  deadlines: { reply: 'recompute', firstContact: 'drop', default: 'keep' },
});

describe('structureHash', () => {
  it('should ignore provided implementations and version labels but see an added state', () => {
    const base = structureHash(caseMachine);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(structureHash(caseMachine.provide({ actions: {} }))).toBe(base);
    expect(structureHash(reviseMachine(caseMachine, { version: 'case@9' }))).toBe(base);
    expect(structureHash(caseV2)).not.toBe(base);
  });
});

describe('createHandlingSystem versions', () => {
  it('should record id, version and structure hash of both machines', () => {
    const state = soleCase().state;
    expect(state.caseMachine).toEqual({ id: 'case', version: 'case@4', hash: structureHash(caseMachine) });
    expect(systemV2().start({ proposal: seedProposal, at: '2023-02-20' }).caseMachine).toMatchObject({
      version: 'case@5',
      hash: structureHash(caseV2),
    });
  });

  it('should refuse a v1 snapshot under v2 with a bilingual VersionMismatchError', () => {
    const state = soleCase().state;
    const event = { type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId } as const;
    const error = (() => {
      try {
        systemV2().can(state, event);
      } catch (e) {
        return e;
      }
    })() as VersionMismatchError;
    expect(error).toBeInstanceOf(VersionMismatchError);
    expect(error).toBeInstanceOf(BanliCoreError);
    expect(error.code).toBe('version_mismatch');
    expect(error.actual.version).toBe('case@4');
    expect(error.messages['zh-CN']).toContain('case@4');
    expect(error.messages.en).toContain('case@5');
  });

  it('should refuse state whose structure hash differs under the same version label', () => {
    const state = soleCase().state;
    const forged = { ...state, caseMachine: { ...state.caseMachine, hash: structureHash(caseV2) } };
    expect(() =>
      seedSystem().can(forged, { type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId }),
    ).toThrow(VersionMismatchError);
    const legacy = { ...state, caseMachine: { id: 'case', version: 'case@4' } };
    expect(seedSystem().can(legacy, { type: 'case.startDrafting', at: '2023-06-01', caseId: leadCaseId })).toBe(true);
  });
});

describe('leafPaths', () => {
  it('should round-trip parallel and nested values through valueOfPaths', () => {
    const value = { lifecycle: { replied: 'awaitingFeedback' }, publication: 'due', timeliness: 'onTime' };
    const paths = leafPaths(value);
    expect(paths).toEqual(['lifecycle.replied.awaitingFeedback', 'publication.due', 'timeliness.onTime']);
    expect(valueOfPaths(paths)).toEqual(value);
    expect(valueOfPaths(['lifecycle.handling', 'lifecycle.handling'])).toBeUndefined();
  });
});

describe('defineMigration', () => {
  it('should refuse a plan without an id or to the same versions', () => {
    const error = (() => {
      try {
        defineMigration({ ...plan, id: ' ' });
      } catch (e) {
        return e as InvalidMigrationError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidMigrationError);
    expect(error?.code).toBe('invalid_migration');
    expect(error?.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(error?.messages.en).toMatch(/^[\x20-\x7e]+$/);
    expect(() => defineMigration({ ...plan, to: plan.from })).toThrow(InvalidMigrationError);
    expect(() => defineMigration({ ...plan, case: { states: { map: { 'bad path': 'x' } } } })).toThrow(
      InvalidMigrationError,
    );
  });
});

describe('migrateHandlingState', () => {
  const env = { target: systemV2(), calendar: chinaMainland, at: '2023-05-04' };

  it('should map a drafting case without a visit to preDraftVisit and recompute the reply deadline', () => {
    const d = soleCase().send({ type: 'case.startDrafting', at: '2023-05-01', caseId: leadCaseId });
    const before = d.system.deadlines(d.state);
    const r = migrateHandlingState(d.state, plan, env);
    if (!r.ok) throw new Error(r.reason.en);
    const summary = env.target.summary(r.state);
    expect(summary.cases[0]?.value).toMatchObject({ lifecycle: 'preDraftVisit' });
    const reply = before.find((x) => x.kind === 'reply' && x.status === 'open');
    const moved = r.deadlines.find((m) => m.id === reply?.id);
    const expected = computeDueDate(chinaMainland, policyV2.periods.reply, reply?.start as string).due;
    expect(moved).toMatchObject({ action: 'recompute', before: '2023-06-30', after: expected });
    expect(env.target.deadlines(r.state).find((x) => x.id === reply?.id)?.due).toBe(expected);
    const first = env.target.deadlines(r.state).find((x) => x.kind === 'firstContact');
    expect(first).toMatchObject({ status: 'cancelled', closedAt: '2023-05-04' });
    // The new step works on v2: a visit moves the case on to drafting.
    const visit = {
      type: 'case.recordContact',
      at: '2023-05-05',
      caseId: leadCaseId,
      proposerId: 'member-liang-xiaoheng',
      method: 'visit',
    } as const;
    expect(env.target.summary(env.target.send(r.state, visit).state).cases[0]?.value).toMatchObject({
      lifecycle: 'drafting',
    });
  });

  it('should refuse a case in a state the plan cannot migrate, naming the case', () => {
    const d = intake(new Driver(seedSystem()));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
    d.send({ type: 'case.requestAdjustment', at: '2023-03-16', caseId: leadCaseId, reason: '职能不符' });
    const r = migrateHandlingState(d.state, plan, env);
    expect(r).toMatchObject({ ok: false, caseId: leadCaseId, reason: { en: 'Adjustment pending' } });
  });

  it('should refuse a mapping to a state the new machine lacks', () => {
    const broken = { ...plan, case: { states: { map: { 'lifecycle.handling': 'lifecycle.nowhere' } } } };
    const r = migrateHandlingState(soleCase().state, broken, env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason['zh-CN']).toContain('lifecycle.nowhere');
  });

  it('should throw when the target system does not run the plan target', () => {
    expect(() => migrateHandlingState(soleCase().state, plan, { ...env, target: seedSystem() })).toThrow(
      InvalidMigrationError,
    );
  });
});

describe('successorRule', () => {
  it('should follow the period that produced the rule, or keep a rule no period produced', () => {
    const reply = { kind: 'reply', rule: presets.guangdongCity.periods.reply } as never;
    expect(successorRule(reply, presets.guangdongCity, policyV2)).toEqual(policyV2.periods.reply);
    const custom = { kind: 'reply', rule: { kind: 'workingDays', days: 99 } } as never;
    expect(successorRule(custom, presets.guangdongCity, policyV2)).toEqual({ kind: 'workingDays', days: 99 });
  });
});
