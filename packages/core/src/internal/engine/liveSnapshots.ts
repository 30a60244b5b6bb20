import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { PersistedMachineSnapshot } from '../../system/types.js';
import { isEmpty } from '../objects.js';

/** Hands its argument back from `super()`, so a subclass's private field is added to that very object. */
class Returning {
  constructor(o: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the object given is the one a subclass stamps.
    return o;
  }
}

/**
 * Persisted objects written by `persistLive` carry the live snapshot they came from (states are immutable) in a
 * private field: invisible to JSON, `Object.keys`, spreads, `structuredClone` and equality checks, so a copy of the
 * object does not carry it. A WeakMap did the same at about 20 times the cost per write (and more GC work).
 */
class LiveStamp extends Returning {
  #live: AnyMachineSnapshot;
  private constructor(o: object, snapshot: AnyMachineSnapshot) {
    super(o);
    this.#live = snapshot;
  }
  /** Stamps `o` with the live snapshot it was written from. */
  static stamp(o: object, snapshot: AnyMachineSnapshot): void {
    new LiveStamp(o, snapshot);
  }
  /** The live snapshot `o` was written from, if `persistLive` wrote it. */
  static of(o: object): AnyMachineSnapshot | undefined {
    return #live in o ? (o as LiveStamp).#live : undefined;
  }
}

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
  LiveStamp.stamp(persisted, snapshot);
  return persisted;
}

/** The live snapshot of persisted JSON: the cached one when this machine wrote it, else `machine.resolveState`. */
export function restoreLive<M extends AnyStateMachine>(machine: M, persisted: PersistedMachineSnapshot) {
  const hit = LiveStamp.of(persisted);
  if (hit !== undefined && hit.machine === machine) return hit as ReturnType<M['resolveState']>;
  return machine.resolveState({ value: persisted.value, context: persisted.context }) as ReturnType<M['resolveState']>;
}
