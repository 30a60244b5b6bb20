import { rememberBounded } from '@banli/core/internal';
import type { LoggedTransition } from '../store/port.js';

const MAX_TRANSITIONS = 4096;
const SEP = '\u0001';

/**
 * Logged transitions of one `createBanli` instance: a proposal machine's transition is one shared object between
 * every entry and proposal that took it (the log is read-only), a case's is a copy of its own (it names its case).
 */
export type TransitionTable = (t: LoggedTransition) => LoggedTransition;

/** A new copy of a reported transition with exactly the port's fields, so nothing else the engine attached is stored. */
function copyTransition(t: LoggedTransition): LoggedTransition {
  const { machine, caseId, source, eventType, targets, event } = t;
  return caseId === undefined
    ? { machine, source, eventType, targets: targets.slice(), event }
    : { machine, caseId, source, eventType, targets: targets.slice(), event };
}

/** Whether a logged transition has the same fields as a reported one. */
function sameTransition(a: LoggedTransition, b: LoggedTransition): boolean {
  if (a.machine !== b.machine || a.caseId !== b.caseId || a.source !== b.source) return false;
  if (a.eventType !== b.eventType || a.event !== b.event || a.targets.length !== b.targets.length) return false;
  for (let i = 0; i < a.targets.length; i++) if (a.targets[i] !== b.targets[i]) return false;
  return true;
}

/**
 * A new transition table, owned by one instance (never shared between instances, so nothing is global). A proposal
 * machine takes the same few transitions in every proposal: without the table each entry kept its own copy of each,
 * an object and a targets array, about 3 KB a lifecycle kept as long as the log (issue 19, scaling: the in-memory
 * store keeps every entry, and the old generation's size is what makes each young collection cost more). Keyed by
 * source and event, checked field by field on a hit (a differing transition under the same key gets a copy of its own);
 * forgets everything past 4096 transitions.
 */
export function createTransitionTable(): TransitionTable {
  const shared = new Map<string, LoggedTransition>();
  return (t) => {
    if (t.caseId !== undefined || t.machine !== 'proposal') return copyTransition(t);
    const key = t.source + SEP + t.event;
    const hit = shared.get(key);
    if (hit !== undefined) return sameTransition(hit, t) ? hit : copyTransition(t);
    const copy = copyTransition(t);
    return rememberBounded(shared, key, copy, MAX_TRANSITIONS, 'all');
  };
}
