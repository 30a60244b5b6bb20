/**
 * Earlier versions of the built-in machines, superseded by the current ones. Their state is not migrated by a plan:
 * the SDK rebuilds it by replaying the stream's log under the current definitions (events are the source of truth;
 * a snapshot is a cache), and writes a fresh snapshot on the next append.
 */
export const REPLAYED_VERSIONS: { readonly proposal: readonly string[]; readonly case: readonly string[] } = {
  proposal: ['proposal@1', 'proposal@2', 'proposal@3'],
  case: ['case@1', 'case@2', 'case@3'],
};

/**
 * Whether an event replays a log entry written under `proposal@1` (with `case@1`), `proposal@2` (with `case@1` or
 * `case@2`) or `proposal@3` (with `case@3`), an earlier built-in version: its
 * `writtenUnder` field (the proposal machine version the entry logged) is one of `REPLAYED_VERSIONS.proposal`. Only the replaying SDK sets that field; it is
 * in no event type or schema, and commands never carry it (the event schemas are strict). Guards whose rule changed
 * since then do not refuse such an entry again: it was checked by the rules of its time, so an old stream still loads.
 *
 * @example
 * ```ts
 * writtenUnderEarlierVersion({ type: 'signOff.approve', writtenUnder: 'proposal@1' }); // true
 * writtenUnderEarlierVersion({ type: 'signOff.approve' }); // false: a live event, under today's rules
 * ```
 */
export function writtenUnderEarlierVersion(event: object): boolean {
  const v = (event as { writtenUnder?: unknown }).writtenUnder;
  return typeof v === 'string' && REPLAYED_VERSIONS.proposal.includes(v);
}
