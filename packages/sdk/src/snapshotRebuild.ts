/**
 * Why a stream's snapshot could not be read and the stream was rebuilt from its log instead (the snapshot is only a
 * cache of the log, so nothing is lost; the next snapshot written is readable again):
 * - `policy`: it names a policy (by id and content hash) this instance does not run,
 * - `logEntry`: a value it refers to is not in the log entry it names,
 * - `deadlineRule`: a deadline names a rule its policy does not have.
 */
export type SnapshotRebuildReason = 'policy' | 'logEntry' | 'deadlineRule';

/**
 * What `BanliOptions.onSnapshotRebuild` is told when a stream is rebuilt from its log because its snapshot could not
 * be read.
 *
 * @example
 * ```ts
 * createBanli({ onSnapshotRebuild: (r) => log.info(`${r.streamId}: snapshot v${r.snapshotVersion} not read (${r.reason})`) });
 * ```
 */
export interface SnapshotRebuild {
  streamId: string;
  /** The version of the snapshot that was not read. */
  snapshotVersion: number;
  reason: SnapshotRebuildReason;
  /** What could not be resolved (`policy cn-gd-city 9d07d8a3acc4f1fd`, `deadline <caseId>:reply:2 rule 31`, …). */
  detail: string;
}
