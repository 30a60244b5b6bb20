import type { PersistedMachineSnapshot } from '@banli/core';
import { COMPACT } from './snapshotCases.js';

type Json = Record<string, unknown>;

const isEmpty = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const _ in v) return false;
  return true;
};

// The fields of a machine snapshot as XState persists it, in its order.
const USUAL = ['status', 'value', 'historyValue', 'context', 'children'];

/**
 * A machine snapshot as stored, with `context` as given: an active one without child actors or history (every
 * snapshot the machines persist between commands) keeps only its `value` and `context`, marked `COMPACT`; any other
 * keeps every field.
 */
export function compactEnvelope(snapshot: PersistedMachineSnapshot, context: unknown): PersistedMachineSnapshot {
  const s: Json = snapshot;
  // Exactly the usual fields in their order (read without building a key list: this runs for every context).
  let fields = 0;
  for (const key in s) {
    if (key !== USUAL[fields]) {
      fields = -1;
      break;
    }
    fields++;
  }
  const usual = fields === USUAL.length && s.status === 'active' && isEmpty(s.historyValue) && isEmpty(s.children);
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
