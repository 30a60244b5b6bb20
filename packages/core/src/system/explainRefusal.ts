import type { BanliEvent } from '@banli/schemas';
import type { AnyStateMachine } from 'xstate';
import type { DueDateResolver } from '../calendar.js';
import type { CaseEvent } from '../case/events.js';
import { caseRefusals } from '../case/refusals/index.js';
import type { CaseContext } from '../case/types.js';
import type { Bilingual } from '../domain.js';
import { restoreLive } from '../internal/engine/liveSnapshots.js';
import type { ProposalEvent } from '../proposal/events.js';
import { proposalRefusals } from '../proposal/refusals/index.js';
import type { ProposalContext } from '../proposal/types.js';
import { stageReason, unknownCaseReason } from '../refusal/generic.js';
import { firstReason, type RefusalReason } from '../refusal/reason.js';
import type { StateMeta } from '../stateMeta.js';
import type { Route } from './routing.js';
import type { HandlingState, PersistedMachineSnapshot } from './types.js';

/** The label of the deepest state of the machine's `lifecycle` region (or of any state), from the state meta. */
function stageLabel(machine: AnyStateMachine, persisted: PersistedMachineSnapshot): Bilingual {
  const meta = restoreLive(machine, persisted).getMeta() as Record<string, StateMeta | undefined>;
  const ids = Object.keys(meta).filter((id) => meta[id]?.label);
  const lifecycle = ids.filter((id) => id.includes('.lifecycle.'));
  const pool = lifecycle.length > 0 ? lifecycle : ids;
  const deepest = pool.sort((a, b) => b.split('.').length - a.split('.').length)[0];
  return (deepest && meta[deepest]?.label) || { 'zh-CN': '当前', en: 'current' };
}

/**
 * Why the machines refuse `event` in `state`: the first refusal rule of the target machine that explains it, else
 * the stage it cannot happen at (`state.notAccepting`), or `case.notFound` when the event names no case of this
 * proposal. `resolve` is the machines' own due-date resolver (their calendar), for the dates a reason names.
 */
export function explainRefusal(
  state: HandlingState,
  event: BanliEvent,
  target: Route,
  machines: { proposal: AnyStateMachine; case: AnyStateMachine },
  resolve: DueDateResolver,
): RefusalReason {
  if (target.to === 'none') {
    return unknownCaseReason(event.type, 'caseId' in event ? (event.caseId as string | undefined) : undefined);
  }
  if (target.to === 'proposal') {
    const ctx = state.proposal.context as ProposalContext;
    return (
      firstReason(proposalRefusals, ctx, event as ProposalEvent, resolve) ??
      stageReason(event.type, stageLabel(machines.proposal, state.proposal))
    );
  }
  const persisted = state.cases[target.caseId] as PersistedMachineSnapshot;
  return (
    firstReason(caseRefusals, persisted.context as CaseContext, event as CaseEvent, resolve) ??
    stageReason(event.type, stageLabel(machines.case, persisted))
  );
}
