import type { JsonValue } from '../json.js';
import type { SystemSummary } from '../system.js';

/** A machine state value as dotted paths, e.g. `{ handling: 'extension' }` → `['handling.extension']`; parallel regions give several. */
export function statePaths(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const children = statePaths(child);
    if (children.length === 0) out.push(key);
    for (const c of children) out.push(`${key}.${c}`);
  }
  return out;
}

/** The top-level state key of a value. */
export function topState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.keys(value)[0] ?? '';
  return '';
}

/** The state of a proposal and its cases, as logged before and after each event and attached to errors. */
export interface StateView {
  proposal: JsonValue;
  cases: Record<string, JsonValue>;
}

/** Builds the logged state view from the coordinator's summary. */
export function stateView(summary: SystemSummary): StateView {
  const cases: Record<string, JsonValue> = {};
  for (const c of summary.cases) cases[c.caseId] = c.value as JsonValue;
  return { proposal: summary.value as JsonValue, cases };
}

/** A short human label of a state view, for messages. */
export function stateLabel(view: StateView | undefined): string {
  if (!view) return 'none';
  const cases = Object.entries(view.cases).map(([id, v]) => `${id}: ${statePaths(v).join('|')}`);
  return [statePaths(view.proposal).join('|'), ...cases].join('; ');
}
