import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { MachineVersion, PersistedMachineSnapshot } from '../../system/types.js';
import { VersionMismatchError } from '../../versioning/errors.js';
import { structureHash } from '../../versioning/hash.js';

/** A snapshot as plain JSON. */
export function persist(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): PersistedMachineSnapshot {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as PersistedMachineSnapshot;
}

/** A live snapshot rebuilt from persisted JSON (no entry actions re-run). */
export function restore<M extends AnyStateMachine>(machine: M, persisted: PersistedMachineSnapshot) {
  return machine.resolveState({ value: persisted.value, context: persisted.context }) as ReturnType<M['resolveState']>;
}

/** The id, version and structure hash of a machine. */
export function versionOf(machine: AnyStateMachine): MachineVersion {
  return { id: machine.id, version: machine.version ?? `${machine.id}@0`, hash: structureHash(machine) };
}

/** Refuses state written by another machine definition, or by a changed structure under the same version. */
export function assertVersion(expected: MachineVersion, actual: MachineVersion): void {
  const sameLabel = expected.id === actual.id && expected.version === actual.version;
  const sameHash = expected.hash === undefined || actual.hash === undefined || expected.hash === actual.hash;
  if (sameLabel && sameHash) return;
  throw new VersionMismatchError(expected, actual);
}
