import type { DeadlineMove, MigrationPlan, StateMove } from '@banli/core';
import type { Bilingual } from '@banli/schemas';

/** What happened (or, in a dry run, would happen) to one stream. */
export type StreamMigrationStatus =
  /** Moved to the target definition (applied). */
  | 'migrated'
  /** Would move (dry run). */
  | 'wouldMigrate'
  /** The plan refuses it (a "cannot migrate" entry, or a state the new machine lacks); it stays on its version. */
  | 'refused'
  /** This plan already migrated it (its idempotency key exists): a resumed run skips it. */
  | 'alreadyMigrated'
  /** It runs another version than the plan's source. */
  | 'skipped'
  /**
   * Its stream holds `limits.streamEvents` events already: the migration event would write past the limit, so it
   * stays on its version (like `tick`'s and a calendar correction's `full`), in a dry run too.
   */
  | 'full';

/** One stream in a migration report: states and open deadlines before and after, or why it cannot move. */
export interface StreamMigration {
  streamId: string;
  status: StreamMigrationStatus;
  /** The proposal's and every case's state paths before and after. */
  states: StateMove[];
  /** Every open deadline with the rule applied (keep / drop / recompute), its due date before and after. */
  deadlines: DeadlineMove[];
  /** Why it cannot move (refused, full) or was skipped. */
  reason?: Bilingual;
  /** The stream version after the migration event (applied only). */
  version?: number;
}

/** The result of `migrate`. */
export interface MigrationReport {
  planId: string;
  from: MigrationPlan['from'];
  to: MigrationPlan['to'];
  dryRun: boolean;
  /** The business date recorded on migration events. */
  at: string;
  streams: StreamMigration[];
  /** Counts per status. */
  counts: Record<StreamMigrationStatus, number>;
}

/** An empty count per status. */
export function emptyCounts(): Record<StreamMigrationStatus, number> {
  return { migrated: 0, wouldMigrate: 0, refused: 0, alreadyMigrated: 0, skipped: 0, full: 0 };
}
