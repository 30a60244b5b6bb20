import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { BanliCoreError } from '../errors.js';
import type { MachineVersion, PersistedMachineSnapshot } from './types.js';

/** A snapshot as plain JSON. */
export function persist(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): PersistedMachineSnapshot {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as PersistedMachineSnapshot;
}

/** A live snapshot rebuilt from persisted JSON (no entry actions re-run). */
export function restore<M extends AnyStateMachine>(machine: M, persisted: PersistedMachineSnapshot) {
  return machine.resolveState({ value: persisted.value, context: persisted.context }) as ReturnType<M['resolveState']>;
}

/** The id and version of a machine. */
export function versionOf(machine: AnyStateMachine): MachineVersion {
  return { id: machine.id, version: machine.version ?? `${machine.id}@0` };
}

/** Refuses state written by another machine definition (use a migration instead). */
export function assertVersion(expected: MachineVersion, actual: MachineVersion): void {
  if (expected.id === actual.id && expected.version === actual.version) return;
  throw new BanliCoreError('invalid_state', {
    'zh-CN': `状态由 ${actual.version} 写入，当前定义为 ${expected.version}：请先迁移`,
    en: `State was written by ${actual.version} but this system runs ${expected.version}: migrate it first`,
  });
}
