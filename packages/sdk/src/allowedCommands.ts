import { type BanliEvent, BanliEventSchema } from '@banli/schemas';
import { PermissionError } from './errors.js';
import type { Aggregate } from './internal/aggregate.js';
import { accessOf, type Engine } from './internal/engine.js';
import { authorize, checkActor } from './roles/authorize.js';
import { EVENT_TYPES, type EventType, roleMaySend } from './roles/matrix.js';
import type { Actor } from './roles/roles.js';

/** A command an actor may send to a proposal now (see `Banli.can`). */
export interface AllowedCommand {
  /** The event type. */
  type: EventType;
  /** The case it is addressed to, for case events (one entry per case the actor may act on). */
  caseId?: string;
  /**
   * `true` when the machines accept the type now whatever its payload; `false` when a guard of the current state
   * reads the payload (a date, a reason, a unit), so a send may still be refused with the rule that decided.
   */
  accepted: boolean;
}

/** Event types that name the case they are addressed to (their schema has a `caseId`). */
const CASE_EVENT_TYPES: ReadonlySet<string> = new Set(
  BanliEventSchema.options
    .filter((option) => 'caseId' in option.shape)
    .map((option) => option.shape.type.value as string),
);

/** Thrown by the probe event when a guard reads a payload field the probe does not have. */
class PayloadNeeded extends Error {}

/**
 * An event with only `type`, `at` and `caseId`: reading any other field throws `PayloadNeeded`, so the machines'
 * `can` tells "accepted whatever the payload" (true), "refused by the state alone" (false) and "depends on the
 * payload" (throws) apart.
 */
function probe(base: Record<string, unknown>): BanliEvent {
  // Typed as the event it stands for: every field it lacks throws `PayloadNeeded` when read.
  return new Proxy(base as BanliEvent, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      throw new PayloadNeeded(String(key));
    },
  });
}

/** Fills the fields the permission check reads with the actor's own identity (a proposer acts for themself). */
function scopedAs(actor: Actor, base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    by: actor.id,
    feedback: { proposerId: actor.id },
    ...(actor.unitId ? { unitId: actor.unitId, opinion: { fromUnit: { id: actor.unitId } } } : {}),
  };
}

/**
 * The commands `actor` may send to the proposal in `agg` now: the role may send the type (`ROLE_MATRIX`), the
 * proposal or case is within the actor's scope (own proposal, own case), and the machines accept the type in the
 * current state. Internal events (no role may send them) are never listed.
 */
export function allowedCommands(engine: Engine, agg: Aggregate, actor: Actor): AllowedCommand[] {
  checkActor(actor);
  const access = accessOf(engine, agg);
  const caseIds = Object.keys(access.cases);
  const at = engine.today();
  const out: AllowedCommand[] = [];
  for (const type of EVENT_TYPES) {
    if (!roleMaySend(actor.role, type)) continue;
    const targets = CASE_EVENT_TYPES.has(type) ? caseIds : [undefined];
    for (const caseId of targets) {
      const base = caseId === undefined ? { type, at } : { type, at, caseId };
      try {
        authorize(actor, scopedAs(actor, base) as never, access);
      } catch (error) {
        if (error instanceof PermissionError) continue;
        throw error;
      }
      let accepted: boolean | 'payload';
      try {
        accepted = engine.system.can(agg.handling, probe(base));
      } catch {
        // A guard read the payload (or choked on its absence): the state has a transition for this type.
        accepted = 'payload';
      }
      if (accepted === false) continue;
      out.push({ type, ...(caseId === undefined ? {} : { caseId }), accepted: accepted === true });
    }
  }
  return out;
}
