import type { HandlingState } from '@banli/core';
import type { HandlingSystemLike } from '../system.js';

/** The machine versions a definition runs, e.g. `{ proposal: 'proposal@4', case: 'case@5' }`. */
export interface DefinitionKey {
  proposal: string;
  case: string;
}

type Versioned = { version?: string };

/** The versions a coordinator runs, when it exposes its machines (as @banli/core's does). */
export function definitionKeyOf(system: HandlingSystemLike): DefinitionKey | undefined {
  const s = system as { proposalMachine?: Versioned; caseMachine?: Versioned };
  if (!s.proposalMachine?.version || !s.caseMachine?.version) return undefined;
  return { proposal: s.proposalMachine.version, case: s.caseMachine.version };
}

/** The versions a persisted state was written by. */
export function stateKeyOf(state: HandlingState): DefinitionKey {
  const caseMachine = state.caseMachine as { version?: string } | undefined;
  return { proposal: state.machine.version, case: caseMachine?.version ?? '' };
}

const text = (k: DefinitionKey) => `${k.proposal}|${k.case}`;

/** A coordinator that serves several definitions side by side, plus lookup by version. */
export interface SystemRegistry extends HandlingSystemLike {
  /** The current definition: new proposals start on it. */
  readonly current: HandlingSystemLike;
  /** Every definition, current first. */
  readonly systems: readonly HandlingSystemLike[];
  /** The system running these versions, if registered. */
  find(key: DefinitionKey): HandlingSystemLike | undefined;
}

/**
 * Combines coordinators of several definition versions: `start` uses the first (current) one, every other call goes to
 * the system whose versions the state names (state of an unregistered version goes to the current one, which refuses
 * it with `VersionMismatchError`).
 *
 * @example
 * ```ts
 * const registry = createSystemRegistry([systemV2, systemV1]);
 * registry.summary(stateWrittenByV1); // served by systemV1
 * ```
 */
export function createSystemRegistry(systems: readonly HandlingSystemLike[]): SystemRegistry {
  const [current] = systems;
  if (!current) throw new TypeError('createSystemRegistry needs at least one system');
  const byKey = new Map<string, HandlingSystemLike>();
  for (const s of [...systems].reverse()) {
    const key = definitionKeyOf(s);
    if (key) byKey.set(text(key), s);
  }
  const of = (state: HandlingState) =>
    systems.length === 1 ? current : (byKey.get(text(stateKeyOf(state))) ?? current);
  return {
    current,
    systems,
    find: (key) => byKey.get(text(key)),
    start: (input) => current.start(input),
    ...(current.begin ? { begin: current.begin.bind(current) } : {}),
    can: (state, event) => of(state).can(state, event),
    send: (state, event) => of(state).send(state, event),
    deadlines: (state) => of(state).deadlines(state),
    summary: (state) => of(state).summary(state),
  };
}
