import { proposalSetup } from './setup.js';
import { archived, converted, merged, rejected, withdrawn } from './states/ended.js';
import { answered, assigned, closed, inHandling, registered } from './states/handling.js';
import { draft, review, submitted } from './states/intake.js';
import { timeliness } from './states/timeliness.js';
import type { ProposalContext, ProposalInput } from './types.js';

/**
 * Version of the proposal machine's definition, stored with persisted state. `proposal@2`: 并案 (items merged in),
 * withdrawal by the first proposer, co-signer signature withdrawal. `proposal@3`: the same structure, relabelled with
 * `case@3` (a follow-up reply's letter is checked), because a log entry names only the proposal machine's version:
 * entries written before the check replay under the rules of their time (`writtenUnderEarlierVersion`). `proposal@4`:
 * relabelled with `case@4` (merged items' commitments are kept). State of `proposal@1` to `proposal@3` is rebuilt from
 * its log.
 */
export const PROPOSAL_MACHINE_VERSION = 'proposal@4';

function createProposalContext(input: ProposalInput): ProposalContext {
  const ctx: ProposalContext = {
    proposal: input.proposal,
    policy: input.policy,
    calendar: input.calendar,
    createdAt: input.at,
    channel: input.proposal.channel,
    cases: [],
    deadlines: [],
    deadlineSeq: 0,
  };
  // The session's closing day travels with the proposal (`session.closedOn`); `start({ sessionClosedAt })` overrides it.
  const closed = input.sessionClosedAt ?? input.proposal.session.closedOn;
  if (closed) ctx.sessionClosedAt = closed;
  return ctx;
}

/**
 * One proposal or suggestion: intake, review, assignment, and the roll-up of its cases until archived.
 *
 * @example
 * ```ts
 * const machine = withCalendar(proposalMachine, chinaMainland);
 * const [s0] = initialTransition(machine, { proposal, at: '2023-02-20', policy, calendar: { id, version } });
 * const [s1] = transition(machine, s0, { type: 'proposal.submit', at: '2023-02-20' });
 * ```
 */
export const proposalMachine = proposalSetup.createMachine({
  id: 'proposal',
  version: PROPOSAL_MACHINE_VERSION,
  type: 'parallel',
  context: ({ input }) => createProposalContext(input),
  meta: { label: { 'zh-CN': '提案/建议', en: 'Proposal' } },
  always: { guard: 'hasUncomputedDueDates', actions: 'computeDueDates' },
  states: {
    lifecycle: {
      description: 'Intake, review, assignment and roll-up of the cases',
      meta: { label: { 'zh-CN': '办理流程', en: 'Lifecycle' } },
      initial: 'draft',
      states: {
        draft,
        submitted,
        review,
        registered,
        assigned,
        inHandling,
        answered,
        closed,
        archived,
        merged,
        converted,
        rejected,
        withdrawn,
      },
    },
    timeliness,
  },
});
