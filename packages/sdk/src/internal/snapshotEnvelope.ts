import type { PersistedMachineSnapshot } from '@banli/core';
import { COMPACT } from './snapshotCases.js';

type Json = Record<string, unknown>;

const isEmpty = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/**
 * A machine snapshot as stored, with `context` as given: an active one without child actors or history (every
 * snapshot the machines persist between commands) keeps only its `value` and `context`, marked `COMPACT`; any other
 * keeps every field.
 */
export function compactEnvelope(snapshot: PersistedMachineSnapshot, context: unknown): PersistedMachineSnapshot {
  const s: Json = snapshot;
  const keys = Object.keys(s);
  const usual =
    keys.length === 5 &&
    keys[0] === 'status' &&
    keys[1] === 'value' &&
    keys[2] === 'historyValue' &&
    keys[3] === 'context' &&
    keys[4] === 'children' &&
    s.status === 'active' &&
    isEmpty(s.historyValue) &&
    isEmpty(s.children);
  if (!usual) return context === snapshot.context ? snapshot : { ...snapshot, context };
  const out: Json = { [COMPACT]: 1, value: s.value, context };
  return out as PersistedMachineSnapshot;
}

/** A stored machine snapshot with the fields `compactEnvelope` left out restored, `context` as given. */
export function expandEnvelope(stored: PersistedMachineSnapshot, context: unknown): PersistedMachineSnapshot {
  const s: Json = stored;
  if (!(COMPACT in s)) return context === stored.context ? stored : { ...stored, context };
  return { status: 'active', value: s.value, historyValue: {}, context, children: {} } as PersistedMachineSnapshot;
}
