import type { Calendar } from '@banli/calendar';
import type { AnyStateMachine } from 'xstate';
import type { Deadline } from '../deadlines.js';
import type { Bilingual, IsoDate } from '../domain.js';
import { persist, versionOf } from '../internal/engine/persist.js';
import type { Policy } from '../policy/schema.js';
import type { HandlingState, HandlingSystem, PersistedMachineSnapshot } from '../system/types.js';
import { type DeadlineMove, migrateDeadlines } from './deadlineRules.js';
import { InvalidMigrationError } from './errors.js';
import { leafPaths, valueOfPaths } from './paths.js';
import type { MachineMigration, MigrationPlan, StateTarget } from './plan.js';

/** One machine's states before and after (the proposal's when `caseId` is absent). */
export interface StateMove {
  caseId?: string;
  from: string[];
  to: string[];
}

/** The outcome of migrating one proposal's state: the new state, or why it cannot move. */
export type StateMigration =
  | { ok: true; state: HandlingState; states: StateMove[]; deadlines: DeadlineMove[] }
  | { ok: false; reason: Bilingual; caseId?: string; states: StateMove[] };

/** What `migrateHandlingState` needs besides the state and the plan. */
export interface MigrationEnvironment {
  /** The system of the target definition (its versions must be the plan's `to`). */
  target: HandlingSystem;
  /** The calendar recomputed deadlines use. */
  calendar: Calendar;
  /** The business date of the migration (dropped deadlines are closed on it). */
  at: IsoDate;
}

class Refusal {
  constructor(
    readonly reason: Bilingual,
    readonly caseId?: string,
  ) {}
}

function targetOf<C>(path: string, migration: MachineMigration<C> | undefined, context: C): StateTarget {
  const map = migration?.states?.map ?? {};
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const rule = map[p];
    if (rule !== undefined) return typeof rule === 'function' ? rule(context) : rule;
  }
  const fallback = migration?.states?.default ?? 'same';
  return fallback === 'same' ? path : fallback;
}

function migrateMachine<C extends { policy?: Policy; deadlines: Deadline[] }>(
  snapshot: PersistedMachineSnapshot,
  machine: AnyStateMachine,
  migration: MachineMigration<C> | undefined,
  plan: MigrationPlan,
  env: MigrationEnvironment,
  caseId: string | undefined,
  out: { states: StateMove[]; deadlines: DeadlineMove[] },
): PersistedMachineSnapshot {
  const old = snapshot.context as C;
  const swapped = { ...old, policy: env.target.policy } as C;
  const context = migration?.context ? migration.context(swapped, { at: env.at, planId: plan.id }) : swapped;
  const from = leafPaths(snapshot.value);
  const to: string[] = [];
  const move: StateMove = { ...(caseId === undefined ? {} : { caseId }), from, to };
  out.states.push(move);
  for (const path of from) {
    const target = targetOf(path, migration, context);
    if (typeof target !== 'string') throw new Refusal(target.refuse, caseId);
    to.push(target);
  }
  const value = valueOfPaths(to);
  const missing: Bilingual = {
    'zh-CN': `新版本 ${machine.version} 没有状态 ${to.join('、')}`,
    en: `${machine.version} has no state ${to.join(', ')}`,
  };
  if (value === undefined) throw new Refusal(missing, caseId);
  const env2 = { calendar: env.calendar, at: env.at, oldPolicy: old.policy, newPolicy: env.target.policy, context };
  const moved = migrateDeadlines(context.deadlines, plan, env2, caseId);
  out.deadlines.push(...moved.moves);
  let resolved: ReturnType<AnyStateMachine['resolveState']>;
  try {
    resolved = machine.resolveState({ value, context: { ...context, deadlines: moved.deadlines } });
  } catch {
    throw new Refusal(missing, caseId);
  }
  if (leafPaths(resolved.value).sort().join('|') !== [...to].sort().join('|')) throw new Refusal(missing, caseId);
  return persist(machine, resolved);
}

/**
 * Moves one proposal's persisted state (the proposal and every case) from the plan's source definition to the target
 * system's, applying the state mapping, context transforms and deadline rules; entry actions of new states do not run.
 *
 * @example
 * ```ts
 * const r = migrateHandlingState(state, plan, { target: systemV2, calendar: chinaMainland, at: '2024-01-02' });
 * if (r.ok) state = r.state; else console.log(r.reason['zh-CN']);
 * ```
 */
export function migrateHandlingState(
  state: HandlingState,
  plan: MigrationPlan,
  env: MigrationEnvironment,
): StateMigration {
  const proposalVersion = versionOf(env.target.proposalMachine);
  const caseVersion = versionOf(env.target.caseMachine);
  if (proposalVersion.version !== plan.to.proposal || caseVersion.version !== plan.to.case) {
    throw new InvalidMigrationError({
      'zh-CN': `迁移方案 ${plan.id} 的目标为 ${plan.to.proposal}/${plan.to.case}，但目标系统为 ${proposalVersion.version}/${caseVersion.version}`,
      en: `Plan ${plan.id} targets ${plan.to.proposal}/${plan.to.case} but the target system runs ${proposalVersion.version}/${caseVersion.version}`,
    });
  }
  const out = { states: [] as StateMove[], deadlines: [] as DeadlineMove[] };
  if (state.machine.version !== plan.from.proposal || state.caseMachine.version !== plan.from.case) {
    const reason = {
      'zh-CN': `状态版本为 ${state.machine.version}/${state.caseMachine.version}，不是方案的源版本 ${plan.from.proposal}/${plan.from.case}`,
      en: `State is on ${state.machine.version}/${state.caseMachine.version}, not the plan's source ${plan.from.proposal}/${plan.from.case}`,
    };
    return { ok: false, reason, states: out.states };
  }
  try {
    const pm = env.target.proposalMachine as AnyStateMachine;
    const cm = env.target.caseMachine as AnyStateMachine;
    const proposal = migrateMachine(state.proposal, pm, plan.proposal, plan, env, undefined, out);
    const cases: Record<string, PersistedMachineSnapshot> = {};
    for (const [caseId, snap] of Object.entries(state.cases)) {
      cases[caseId] = migrateMachine(snap, cm, plan.case, plan, env, caseId, out);
    }
    const next: HandlingState = { machine: proposalVersion, caseMachine: caseVersion, proposal, cases };
    return { ok: true, state: next, states: out.states, deadlines: out.deadlines };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const caseId = error.caseId === undefined ? {} : { caseId: error.caseId };
    return { ok: false, reason: error.reason, ...caseId, states: out.states };
  }
}
