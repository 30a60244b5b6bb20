import { innerMap } from '@banli/core/internal';
import type { Actor } from '../roles/roles.js';
import type { StoredActor } from '../store/port.js';

const MAX_ACTORS = 4096;

/** Logged actors of one `createBanli` instance: equal actors share one object between entries (the log is read-only). */
export type ActorTable = (actor: Actor) => StoredActor;

/**
 * A new actor table, owned by one instance (never shared between instances, so nothing is global): role → id → unit
 * id (or '' for none) → the actor as logged (role, id and unit id only). Forgets everything past 4096 actors.
 */
export function createActorTable(): ActorTable {
  const actors = new Map<string, Map<string, Map<string, StoredActor>>>();
  let actorCount = 0;
  return (actor) => {
    const { role, id, unitId } = actor;
    if (typeof id !== 'string' || (unitId !== undefined && typeof unitId !== 'string')) {
      return { role, id, ...(unitId === undefined ? {} : { unitId }) };
    }
    // A unit id is never empty for unit roles; an empty one is stored as given, unshared.
    if (unitId === '') return { role, id, unitId };
    const byUnit = innerMap(innerMap(actors, role), id);
    const unitKey = unitId ?? '';
    let hit = byUnit.get(unitKey);
    if (hit === undefined) {
      hit = unitId === undefined ? { role, id } : { role, id, unitId };
      if (++actorCount > MAX_ACTORS) {
        actors.clear();
        actorCount = 0;
      }
      byUnit.set(unitKey, hit);
    }
    return hit;
  };
}
