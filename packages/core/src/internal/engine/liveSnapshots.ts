import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { PersistedMachineSnapshot } from '../../system/types.js';
import { rememberBounded } from '../boundedMemo.js';
import { innerMap } from '../innerMap.js';
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

/** How many resolved state values `restoreLive` keeps per machine (a machine has far fewer: about 40 each here). */
const RESOLVED_MAX = 512;
/** Per machine, the snapshot `resolveState` gave for a state value (keyed by its JSON), its context left out. */
const resolvedByMachine = new WeakMap<AnyStateMachine, Map<string, AnyMachineSnapshot>>();

/**
 * `machine.resolveState({ value, context })`, with what depends on the value alone (its state nodes, status, tags,
 * the value as resolved) worked out once per machine and value: `resolveState` derives those from the value and
 * copies the context in, so a state value met again takes the snapshot it gave before with this context. Snapshots
 * are not changed once made (a transition makes new ones), so the node list, tag set and value are shared; `children`
 * and `historyValue` are new objects each time, as `resolveState` makes them. Every proposal loaded from the store
 * restores its machines here (issue 19, scaling: `resolveState` allocated about 10 KB a load).
 */
function resolveLive(machine: AnyStateMachine, persisted: PersistedMachineSnapshot): AnyMachineSnapshot {
  const value = persisted.value;
  const key = typeof value === 'string' ? value : JSON.stringify(value);
  const resolved = innerMap(resolvedByMachine, machine);
  const base = resolved.get(key);
  if (base === undefined) {
    const made = machine.resolveState({ value, context: persisted.context }) as AnyMachineSnapshot;
    // Kept without the context, so no proposal's data is held here.
    rememberBounded(resolved, key, { ...made, context: undefined }, RESOLVED_MAX, 'all');
    return made;
  }
  return { ...base, context: persisted.context || {}, children: {}, historyValue: {} } as AnyMachineSnapshot;
}

/** The live snapshot of persisted JSON: the cached one when this machine wrote it, else as `machine.resolveState` gives. */
export function restoreLive<M extends AnyStateMachine>(machine: M, persisted: PersistedMachineSnapshot) {
  const hit = LiveStamp.of(persisted);
  if (hit !== undefined && hit.machine === machine) return hit as ReturnType<M['resolveState']>;
  return resolveLive(machine, persisted) as ReturnType<M['resolveState']>;
}
