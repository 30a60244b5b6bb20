import { createCaseContext } from './context.js';
import { caseSetup } from './setup.js';
import { accepting, adjustmentRequested } from './states/accepting.js';
import { countersigning, signOff, supervisorReview } from './states/approval.js';
import { closed, terminated } from './states/ended.js';
import { drafting, handling, rehandling } from './states/handling.js';
import { publication } from './states/publication.js';
import { replied } from './states/replied.js';
import { timeliness } from './states/timeliness.js';

/**
 * Version of the case machine's definition, stored with persisted state. `case@2`: merged items and their letters,
 * commitments kept open, the co-unit opinion deadline, the extension cap. `case@3`: a follow-up (second) reply is
 * refused unless its letter answers every point and meets the letter requirements (issue 15). `case@4`: a B/C class given
 * to a merged item's letter is a commitment kept open like the item's own (closing is refused until its second reply,
 * which `followUp.reply` carries in `mergedLetters`). State of `case@1` to `case@3` is rebuilt from its log.
 */
export const CASE_MACHINE_VERSION = 'case@4';

/**
 * One responsible unit's handling of a proposal: acceptance, handling, drafting, approvals, reply, feedback,
 * with publication and deadline tracking as parallel regions.
 *
 * @example
 * ```ts
 * const machine = withCalendar(caseMachine, chinaMainland);
 * const [snapshot] = initialTransition(machine, caseInput);
 * snapshot.value; // { lifecycle: 'accepting', publication: 'pendingReply', timeliness: 'onTime' }
 * ```
 */
export const caseMachine = caseSetup.createMachine({
  id: 'case',
  version: CASE_MACHINE_VERSION,
  type: 'parallel',
  context: ({ input }) => createCaseContext(input),
  meta: { label: { 'zh-CN': '承办办件', en: 'Handling case' } },
  always: { guard: 'hasUncomputedDueDates', actions: 'computeDueDates' },
  states: {
    lifecycle: {
      description: 'The handling itself',
      meta: { label: { 'zh-CN': '办理流程', en: 'Lifecycle' } },
      initial: 'accepting',
      // A co-signer who withdrew their signature is no longer awaited, whatever the step (S31).
      // 并案: an item merged into the proposal joins the case until its reply goes out (S20).
      on: {
        'case.dropProposer': { actions: 'dropProposer' },
        'case.addMergedItem': { guard: 'canAddMergedItem', actions: 'addMergedItem' },
      },
      states: {
        accepting,
        adjustmentRequested,
        handling,
        drafting,
        countersigning,
        signOff,
        supervisorReview,
        replied,
        rehandling,
        closed,
        terminated,
      },
    },
    publication,
    timeliness,
  },
});
