import { emit, enqueueActions } from 'xstate';
import type { Deadline } from '../../deadlines.js';
import { findLast } from '../../internal/arrays.js';
import { adoptionsOf } from '../adoptions.js';
import { commitmentOpen, openCommitments } from '../commitments.js';
import type { CaseEmitted } from '../emitted.js';
import type { CaseEvent } from '../events.js';
import { mergedDraftProblems } from '../guards/reply.js';
import { letterProblems } from '../letterProblems.js';
import { everyProposer, ownLetters } from '../merged.js';
import type { CaseContext } from '../types.js';

type Ctx = { context: CaseContext; event: CaseEvent };
const on = (expr: (args: Ctx) => CaseEmitted) => emit<CaseContext, CaseEvent, undefined, CaseEvent, CaseEmitted>(expr);
const base = ({ context, event }: Ctx) => ({ caseId: context.caseId, at: event.at });

/** XState's `enqueueActions` with the case machine's nine type parameters bound once, for emitters that emit several. */
type CaseEnqueue<P extends object | undefined> = typeof enqueueActions<
  CaseContext,
  CaseEvent,
  P,
  CaseEvent,
  never,
  never,
  never,
  never,
  CaseEmitted
>;
const caseEnqueue = <P extends object | undefined = undefined>(
  collect: Parameters<CaseEnqueue<P>>[0],
): ReturnType<CaseEnqueue<P>> => enqueueActions(collect);

/** The case machine's emit actions, each named so integrators may replace it with `provide()`. */
export const caseEmitters = {
  emitCaseAccepted: on((a) => ({ type: 'case.accepted', ...base(a), unitId: a.context.unit.id })),
  emitAdjustmentRequested: on((a) => {
    const last = a.context.adjustments.at(-1);
    return {
      type: 'adjustment.requested',
      ...base(a),
      unitId: a.context.unit.id,
      reason: last?.reason ?? '',
      ...(last?.suggestedUnit ? { suggestedUnit: last.suggestedUnit } : {}),
    };
  }),
  emitAdjustmentKept: on((a) => ({ type: 'adjustment.kept', ...base(a) })),
  emitCaseReassigned: on((a) => {
    const last = a.context.adjustments.at(-1);
    return { type: 'case.reassigned', ...base(a), fromUnit: last?.fromUnit ?? a.context.unit, toUnit: a.context.unit };
  }),
  emitOpinionsMissing: caseEnqueue<{ step: 'drafting' | 'reply' }>(
    ({ context, event, enqueue }, params: { step: 'drafting' | 'reply' }) => {
      for (const m of context.missingOpinions) {
        if (m.recordedAt !== event.at || m.step !== params.step) continue;
        enqueue.emit({
          type: 'coUnit.opinionMissing',
          caseId: context.caseId,
          at: event.at,
          unitId: m.unitId,
          due: m.due,
        });
      }
    },
  ),
  /** Warns of what the submitted draft lacks or gets wrong (the sign-off refusal's list, issue 15), if anything. */
  emitDraftFlagged: caseEnqueue(({ context, event, enqueue }) => {
    if (event.type !== 'reply.submitDraft') return;
    const own = event.letter
      ? letterProblems(event.letter, {
          kind: context.kind,
          requirements: context.policy.letterRequirements,
          effectiveClass: event.letter.class,
        })
      : [];
    // 并案: the letters to merged items are flagged too, each problem naming its item.
    const { kind, policy } = context;
    const merged = event.mergedLetters ? mergedDraftProblems({ kind, policy, mergedDrafts: event.mergedLetters }) : [];
    const problems = merged.length === 0 ? own : [...own, ...merged];
    if (problems.length > 0)
      enqueue.emit({ type: 'reply.draftFlagged', caseId: context.caseId, at: event.at, problems });
  }),
  emitExtensionRequested: on((a) => ({
    type: 'extension.requested',
    ...base(a),
    reason: a.context.extensions.at(-1)?.reason ?? '',
    notify: everyProposer(a.context).map((p) => p.id),
  })),
  emitExtensionDecided: on((a) => {
    const approved = a.event.type === 'extension.approve';
    const running = findLast(a.context.deadlines, (d: Deadline) => d.kind === 'reply' || d.kind === 'rehandling');
    const notify = everyProposer(a.context).map((p) => p.id);
    return {
      type: 'extension.decided',
      ...base(a),
      approved,
      notify,
      ...(approved && running ? { due: running.due } : {}),
    };
  }),
  emitReplyIssued: on((a) => {
    const issued = ownLetters(a.context).at(-1);
    return {
      type: 'reply.issued',
      ...base(a),
      class: issued?.letter.class ?? 'A',
      docNumber: issued?.letter.docNumber ?? '',
      round: a.context.round,
      // A commitment made by this reply or still owed: to the item's own proposers or to a merged item's (S10, S20).
      commitment: commitmentOpen(a.context),
      ownCommitment: openCommitments(a.context).some((c) => c.mergedItemId === undefined),
      adoptions: adoptionsOf(issued?.letter),
    };
  }),
  emitMergedRepliesIssued: caseEnqueue(({ context, event, enqueue }) => {
    // 并案: one notification per merged item's letter of this round, naming whom to tell (S20) and whether it commits.
    const committed = new Set(openCommitments(context).map((c) => c.mergedItemId));
    for (const l of context.letters) {
      if (l.mergedItemId === undefined || l.round !== context.round || l.issuedAt !== event.at || l.followUp) continue;
      const item = context.mergedItems?.find((m) => m.proposalId === l.mergedItemId);
      enqueue.emit({
        type: 'mergedReply.issued',
        caseId: context.caseId,
        at: event.at,
        mergedItemId: l.mergedItemId,
        class: l.letter.class ?? 'A',
        docNumber: l.letter.docNumber ?? '',
        round: l.round,
        notify: (item?.proposers ?? []).map((p) => p.id),
        commitment: committed.has(l.mergedItemId),
      });
    }
  }),
  emitFeedbackReceived: on((a) => {
    const f = a.context.feedback.at(-1);
    return { type: 'feedback.received', ...base(a), proposerId: f?.proposerId ?? '', level: f?.level ?? 'satisfied' };
  }),
  emitRehandlingStarted: on((a) => ({ type: 'rehandling.started', ...base(a), round: a.context.round })),
  emitFollowUpReplied: on((a) => {
    const e = a.event.type === 'followUp.reply' ? a.event : undefined;
    const merged = e?.mergedLetters ?? [];
    const letter = e?.letter ?? merged[0];
    return {
      type: 'followUp.replied',
      ...base(a),
      class: letter?.class ?? 'A',
      docNumber: letter?.docNumber ?? '',
      mergedItemIds: merged.map((l) => l.proposalId ?? ''),
      commitmentsOpen: openCommitments(a.context).length,
    };
  }),
  emitCaseClosed: on((a) => ({ type: 'case.closed', ...base(a) })),
  emitCloseOverridden: on((a) => ({
    type: 'case.closeOverridden',
    ...base(a),
    reason: a.context.closeOverride?.reason ?? '',
  })),
  emitCaseTerminated: on((a) => ({ type: 'case.terminated', ...base(a), reason: a.context.terminated?.reason ?? '' })),
  emitDeadlineMissed: on((a) => {
    const id = a.event.type === 'deadline.elapsed' ? a.event.deadlineId : '';
    const d = a.context.deadlines.find((x) => x.id === id);
    return { type: 'deadline.missed', ...base(a), deadlineId: id, kind: d?.kind ?? 'reply', due: d?.due ?? '' };
  }),
  emitPublicationDue: on((a) => {
    const d = findLast(a.context.deadlines, (x: Deadline) => x.kind === 'publication');
    return { type: 'publication.due', ...base(a), due: d?.due ?? '' };
  }),
  emitReplyPublished: on((a) => ({
    type: 'reply.published',
    ...base(a),
    ...(a.context.publication.url ? { url: a.context.publication.url } : {}),
  })),
};
