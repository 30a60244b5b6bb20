import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { PersistedMachineSnapshot } from '../../system/types.js';
import { isEmpty } from '../objects.js';

// Persisted objects written by `persistLive`, mapped to the live snapshot they came from (states are immutable).
const live = new WeakMap<object, AnyMachineSnapshot>();

/**
 * A snapshot as plain JSON data, like `persist` but without the JSON round-trip: the context is shared, not copied
 * (contexts are immutable and JSON-safe; snapshots with children, output or history fall back to the round-trip).
 */
export function persistLive(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): PersistedMachineSnapshot {
  const plain =
    isEmpty(snapshot.children) &&
    isEmpty(snapshot.historyValue) &&
    snapshot.output === undefined &&
    snapshot.error === undefined;
  if (!plain) return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as PersistedMachineSnapshot;
  const persisted: PersistedMachineSnapshot = {
    status: snapshot.status,
    value: snapshot.value,
    historyValue: {},
    context: snapshot.context,
    children: {},
  };
  live.set(persisted, snapshot);
  return persisted;
}

/** The live snapshot of persisted JSON: the cached one when this machine wrote it, else `machine.resolveState`. */
export function restoreLive<M extends AnyStateMachine>(machine: M, persisted: PersistedMachineSnapshot) {
  const hit = live.get(persisted);
  if (hit !== undefined && hit.machine === machine) return hit as ReturnType<M['resolveState']>;
  return machine.resolveState({ value: persisted.value, context: persisted.context }) as ReturnType<M['resolveState']>;
}
