import type { DateOrderScope } from './errors.js';

/** Why an act is entered with an earlier date than the latest event it follows (a paper form entered late). */
export interface Backdated {
  /** The reason, logged with the event. */
  reason: string;
}

/** How a backdated event is logged (`meta.backdated` of its entry). */
export interface BackdatedRecord {
  reason: string;
  /** The latest date it precedes. */
  lastAt: string;
  scope: DateOrderScope;
}
