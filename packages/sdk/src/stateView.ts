import type { JsonValue } from './json.js';

/** The state of a proposal and its cases, as logged before and after each event and attached to errors. */
export interface StateView {
  proposal: JsonValue;
  cases: Record<string, JsonValue>;
}
