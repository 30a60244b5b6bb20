import type { CaseContext } from '../case/types.js';
import type { Deadline, DeadlineKind } from '../deadlines.js';
import type { Bilingual, IsoDate } from '../domain.js';
import type { DeadlineRule } from '../policy/deadlineRule.js';
import type { ProposalContext } from '../proposal/types.js';
import { InvalidMigrationError } from './errors.js';

/** Where a state goes: a dotted leaf path of the new machine (e.g. `lifecycle.preDraftVisit`), or a refusal. */
export type StateTarget = string | { refuse: Bilingual };

/** A state mapping entry: a target, or a function of the machine context choosing one. */
export type StateRule<C> = StateTarget | ((context: C) => StateTarget);

/** How one machine's states move: explicit entries by dotted path (an ancestor path covers its subtree) and a default. */
export interface StateMapping<C> {
  /** Old leaf path (or ancestor path) → new path, refusal, or a function of the context. */
  map?: Record<string, StateRule<C>>;
  /** Unmapped paths: `'same'` keeps the path (it must exist in the new machine) or a refusal. @defaultValue 'same' */
  default?: 'same' | { refuse: Bilingual };
}

/** What happens to an open deadline: keep its due date, recompute it under the new rules, or drop (cancel) it. */
export type DeadlineAction =
  | 'keep'
  | 'drop'
  | 'recompute'
  | { recompute: DeadlineRule | ((deadline: Deadline, context: unknown) => DeadlineRule) };

/** What the context transforms are told. */
export interface MigrationInfo {
  /** The business date of the migration. */
  at: IsoDate;
  planId: string;
}

/** The migration of one machine (the proposal's, or every case's). */
export interface MachineMigration<C> {
  states?: StateMapping<C>;
  /** Transforms the context after the policy was swapped for the target system's. */
  context?: (context: C, info: MigrationInfo) => C;
}

/** The machine versions a plan migrates from or to. */
export interface DefinitionVersions {
  proposal: string;
  case: string;
}

/** A migration plan from one workflow definition to the next. */
export interface MigrationPlan {
  /** Unique and stable: the idempotency key of every migrated stream is derived from it. */
  id: string;
  label?: Bilingual;
  from: DefinitionVersions;
  to: DefinitionVersions;
  proposal?: MachineMigration<ProposalContext>;
  case?: MachineMigration<CaseContext>;
  /** A rule per deadline kind for open deadlines, and a default. @defaultValue `{ default: 'keep' }` */
  deadlines?: Partial<Record<DeadlineKind, DeadlineAction>> & { default?: DeadlineAction };
}

const PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function checkMapping(name: string, mapping: StateMapping<unknown> | undefined): void {
  for (const [from, rule] of Object.entries(mapping?.map ?? {})) {
    const bad = !PATH.test(from) || (typeof rule === 'string' && !PATH.test(rule));
    if (bad) {
      throw new InvalidMigrationError({
        'zh-CN': `迁移方案的${name}状态映射无效：${from}`,
        en: `Invalid ${name} state mapping in the migration plan: ${from}`,
      });
    }
  }
}

/**
 * Checks a migration plan's shape and returns it (paths are checked against the target machines when it runs).
 *
 * @example
 * ```ts
 * const plan = defineMigration({
 *   id: 'gd-v1-v2', from: { proposal: 'proposal@1', case: 'case@1' }, to: { proposal: 'proposal@1', case: 'case@2' },
 *   deadlines: { reply: 'recompute', default: 'keep' },
 * });
 * ```
 */
export function defineMigration(plan: MigrationPlan): MigrationPlan {
  const same = plan.from.proposal === plan.to.proposal && plan.from.case === plan.to.case;
  if (plan.id.trim() === '' || same) {
    throw new InvalidMigrationError({
      'zh-CN': '迁移方案须有编号，且源版本与目标版本不同',
      en: 'A migration plan needs an id and a target version different from its source',
    });
  }
  checkMapping('proposal', plan.proposal?.states as StateMapping<unknown> | undefined);
  checkMapping('case', plan.case?.states as StateMapping<unknown> | undefined);
  return plan;
}
