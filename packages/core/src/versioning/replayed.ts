import { CASE_MACHINE_VERSION } from '../case/machine.js';
import { PROPOSAL_MACHINE_VERSION } from '../proposal/machine.js';
import { REPLAYED_VERSIONS } from './replayedVersions.js';

export { REPLAYED_VERSIONS } from './replayedVersions.js';

/**
 * Whether state written with these machine versions is rebuilt by replay when loaded under `current`: the state was
 * written by an earlier built-in version (`REPLAYED_VERSIONS`) and `current` runs the built-in machines' versions.
 *
 * @example
 * ```ts
 * isReplayedVersion({ proposal: 'proposal@1', case: 'case@1' }, { proposal: 'proposal@4', case: 'case@4' }); // true
 * ```
 */
export function isReplayedVersion(
  written: { proposal: string; case: string },
  current: { proposal: string; case: string },
): boolean {
  if (current.proposal !== PROPOSAL_MACHINE_VERSION || current.case !== CASE_MACHINE_VERSION) return false;
  const proposal = written.proposal === current.proposal || REPLAYED_VERSIONS.proposal.includes(written.proposal);
  const kase = written.case === current.case || written.case === '' || REPLAYED_VERSIONS.case.includes(written.case);
  const older = REPLAYED_VERSIONS.proposal.includes(written.proposal) || REPLAYED_VERSIONS.case.includes(written.case);
  return proposal && kase && older;
}
