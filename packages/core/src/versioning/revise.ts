import { type AnyStateMachine, createMachine } from 'xstate';

/** A machine config node as plain data, loosely typed so revisions can add states and reroute transitions. */
export interface ConfigNode {
  states?: Record<string, ConfigNode>;
  on?: Record<string, unknown>;
  [key: string]: unknown;
}

/** How to derive a new version of a machine. */
export interface MachineRevision {
  /** The new version label, e.g. `case@2`. */
  version: string;
  /** Edits the machine's config (add a state, reroute a transition); omitted for a version bump only. */
  config?: (config: ConfigNode) => ConfigNode;
  /** Guards the new config names (plain functions of `{ context, event }`), added to the machine's own. */
  guards?: Record<string, (args: { context: never; event: never }) => boolean>;
  /** Actions the new config names, added to the machine's own. */
  actions?: Record<string, unknown>;
}

/**
 * Returns a new version of a machine with the same implementations (actions, guards) and an edited config; the
 * original is untouched. Add implementations the new states need with `.provide()`.
 *
 * @example
 * ```ts
 * const caseV2 = reviseMachine(caseMachine, { version: 'case@2' }); // same structure, new version label
 * ```
 */
export function reviseMachine<M extends AnyStateMachine>(machine: M, revision: MachineRevision): M {
  const original = machine.config as ConfigNode;
  const config = revision.config ? revision.config(original) : original;
  const own = machine.implementations;
  const implementations = {
    ...own,
    guards: { ...own.guards, ...revision.guards },
    actions: { ...own.actions, ...revision.actions },
  };
  return createMachine({ ...config, version: revision.version } as never, implementations as never) as never;
}
