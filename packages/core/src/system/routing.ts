import { type BanliEvent, PROPOSAL_EVENT_TYPES } from '@banli/schemas';
import type { CaseContext } from '../case/types.js';
import type { ProposalContext } from '../proposal/types.js';
import type { HandlingState } from './types.js';

/** Where an event goes: the proposal, one case, or nowhere. */
export type Route = { to: 'proposal' } | { to: 'case'; caseId: string } | { to: 'none' };

const PROPOSAL_TYPES = new Set<string>(PROPOSAL_EVENT_TYPES);

/** Routes an event: proposal events to the proposal, case events by `caseId`, `deadline.elapsed` by its owner. */
export function route(state: HandlingState, event: BanliEvent): Route {
  if (event.type === 'deadline.elapsed') {
    if (event.caseId) return event.caseId in state.cases ? { to: 'case', caseId: event.caseId } : { to: 'none' };
    const own = (state.proposal.context as ProposalContext).deadlines.some((d) => d.id === event.deadlineId);
    if (own) return { to: 'proposal' };
    for (const [caseId, snap] of Object.entries(state.cases)) {
      if ((snap.context as CaseContext).deadlines.some((d) => d.id === event.deadlineId)) return { to: 'case', caseId };
    }
    return { to: 'none' };
  }
  if (PROPOSAL_TYPES.has(event.type)) return { to: 'proposal' };
  const caseId = 'caseId' in event ? event.caseId : undefined;
  return caseId && caseId in state.cases ? { to: 'case', caseId } : { to: 'none' };
}
