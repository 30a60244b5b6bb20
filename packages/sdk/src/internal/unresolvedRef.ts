import type { SnapshotRebuildReason } from '../snapshotRebuild.js';

/**
 * A reference a snapshot holds that this instance cannot resolve: a policy it is not configured with, a letter whose
 * log entry does not carry it, or a deadline rule its policy does not have. The snapshot is only a cache of the log,
 * so the stream is rebuilt from the log.
 */
export class UnresolvedRef extends Error {
  constructor(
    readonly reason: SnapshotRebuildReason,
    readonly detail: string,
  ) {
    super(`Snapshot reference not resolved: ${detail}`);
    this.name = 'UnresolvedRef';
  }
}
