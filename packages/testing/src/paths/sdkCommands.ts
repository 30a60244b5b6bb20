import { addWorkingDays, type Calendar } from '@banli/calendar';
import { caseIdFor, type HandlingState, type HandlingSystem, policyClasses, type TakenTransition } from '@banli/core';
import {
  type Assignment,
  type MergedItem,
  type Proposal,
  type ReplyLetter,
  type Unit,
  withLetterClass,
} from '@banli/schemas';
import type { SendStep, StepEvent } from '../scenario.js';

/** What the SDK-level command alphabet needs to know about the item being handled. */
export interface CommandContext {
  proposal: Proposal;
  /** The assignment sent at 交办 (its `date` is set to the step's date). */
  assignment: Assignment;
  /** The reply letter drafted (and sent again as the second reply of a B/C commitment). */
  letter: ReplyLetter;
  /** A unit the office may reassign a case to on an adjustment request. */
  reassignTo: Unit;
}

/** A command an actor may send now, as a scenario step without its date. */
export type CommandStep = Omit<SendStep, 'on'>;

/**
 * The reply letters a draft may carry: the context's letter, then the same letter in each other class of the policy's
 * class scheme (`withLetterClass`), so B and C commitments (and the follow-up a B/C reply owes) are reached. The
 * classes after the letter's own take the other disclosure modes in turn (依申请公开, then 不予公开 with a reason), so
 * every publication branch is reached as well.
 */
export function draftLetters(system: HandlingSystem, letter: ReplyLetter): ReplyLetter[] {
  const others = policyClasses(system.policy).filter((c) => c !== letter.class);
  const modes: ReplyLetter['disclosure'][] = [{ mode: 'onRequest' }, { mode: 'withheld', reason: '涉及个人信息' }];
  return [
    letter,
    ...others.map((cls, i) => {
      const disclosure = modes[i];
      return { ...withLetterClass(letter, cls), ...(disclosure ? { disclosure } : {}) };
    }),
  ];
}

/**
 * The SDK commands worth trying in a state: every user event of the role matrix, with the actor allowed to send it,
 * for the proposal and each of its cases: drafts in every class of the policy (`draftLetters`), each co-signer's
 * withdrawal of their signature, a draft's submission, publication, and the supervisor's reclassification among them.
 * Internal events, the scheduler's ticks and 并案 (which needs a second item on file) are not in it: `nextMoves` adds
 * those. Which of them the state accepts is for the coordinator to say (`acceptedCommands`).
 */
export function commandAlphabet(system: HandlingSystem, state: HandlingState, ctx: CommandContext): CommandStep[] {
  const { proposal, assignment, letter, reassignTo } = ctx;
  const first = proposal.proposers.find((p) => p.first) ?? proposal.proposers[0];
  const out: CommandStep[] = [
    { by: 'committee', send: { type: 'review.start' } },
    { by: 'committee', send: { type: 'review.register' } },
    { by: 'committee', send: { type: 'review.reject', reason: 'emptyContent' } },
    { by: 'committee', send: { type: 'review.convert' } },
    { by: 'office', send: { type: 'assignment.assign', assignment } },
    { by: 'committee', send: { type: 'proposal.archive' } },
  ];
  if (first) {
    // A draft (the SDK's `submit(…, { draft: true })`) is submitted later by its first proposer, or withdrawn (S31).
    out.push({ by: `proposer:${first.id}`, send: { type: 'proposal.submit', channel: proposal.channel } });
    out.push({ by: `proposer:${first.id}`, send: { type: 'proposal.withdraw', by: first.id } });
  }
  // A co-signer withdraws their own signature (S31); the first proposer cannot (they withdraw the whole item).
  for (const p of proposal.proposers)
    if (p !== first) out.push({ by: `proposer:${p.id}`, send: { type: 'proposal.withdrawSignature', by: p.id } });
  const drafts = draftLetters(system, { ...letter, proposalId: proposal.id });
  for (const c of system.summary(state).cases) {
    // A case keeps the id it was opened with (`caseIdFor(proposal, first unit)`) when it is reassigned.
    const key = caseKeyOf(proposal.id, c.caseId);
    const unit = c.unitId;
    const onCase = (by: string, send: StepEvent): CommandStep => ({ by, case: key, send });
    // 并案: a draft carries one letter per item merged into the proposal, and their proposers rate it too.
    const merged = mergedItemsOfCase(state, c.caseId);
    const withMerged = (l: ReplyLetter): StepEvent =>
      merged.length > 0
        ? { type: 'reply.submitDraft', letter: l, mergedLetters: merged.map((m) => mergedLetterFor(l, m)) }
        : { type: 'reply.submitDraft', letter: l };
    out.push(
      onCase(`unit:${unit}`, { type: 'case.accept' }),
      onCase(`unit:${unit}`, { type: 'case.requestAdjustment', reason: '职能不符' }),
      onCase('office', { type: 'adjustment.keep' }),
      onCase('office', { type: 'adjustment.reassign', toUnit: reassignTo }),
      onCase(`unit:${unit}`, { type: 'case.recordContact', proposerId: first?.id, method: 'phone' }),
      onCase(`unit:${unit}`, { type: 'case.requestExtension', reason: '情况复杂' }),
      onCase('office', { type: 'extension.approve' }),
      onCase('office', { type: 'extension.deny' }),
      onCase(`unit:${unit}`, { type: 'case.startDrafting' }),
      ...drafts.map((l) => onCase(`unit:${unit}`, withMerged(l))),
      onCase(`leader:${unit}`, { type: 'signOff.approve', signer: '局长', principal: true }),
      onCase(`leader:${unit}`, { type: 'signOff.return', note: '请修改' }),
      onCase('supervisor', { type: 'supervisor.approve' }),
      // The supervisor may approve a draft as a commitment of another class (督办审核 reclassifies an A reply as B).
      onCase('supervisor', { type: 'supervisor.approve', class: 'B' }),
      onCase('supervisor', { type: 'supervisor.return', note: '请修改' }),
      onCase(`unit:${unit}`, { type: 'publication.publish' }),
      onCase(`unit:${unit}`, { type: 'publication.disclose', requestId: '依申请公开-1' }),
      onCase('office', { type: 'rehandling.start' }),
      onCase(`unit:${unit}`, { type: 'followUp.reply', letter: { ...letter, proposalId: proposal.id } }),
      onCase('office', { type: 'case.close' }),
      onCase('committee', { type: 'case.overrideClose', reason: '提案委员会决定' }),
    );
    for (const co of assignment.coUnits) {
      out.push(
        onCase(`coUnit:${co.id}`, {
          type: 'coUnit.submitOpinion',
          opinion: { fromUnit: co, toUnit: assignment.leadUnit, text: `${co.name}会办意见` },
        }),
        onCase(`coUnit:${co.id}`, { type: 'countersign.approve', unitId: co.id }),
        onCase(`coUnit:${co.id}`, { type: 'countersign.requestChanges', unitId: co.id, note: '请修改会签意见' }),
      );
    }
    const raters = [...proposal.proposers, ...merged.flatMap((m) => m.proposers)];
    for (const p of raters)
      for (const level of ['satisfied', 'dissatisfied'] as const)
        out.push(
          onCase(`proposer:${p.id}`, {
            type: 'feedback.submit',
            feedback: {
              proposerId: p.id,
              level,
              ...(level === 'dissatisfied' ? { comment: '答复未回应核心诉求' } : {}),
            },
          }),
        );
  }
  return out;
}

/** The items merged into a case's proposal (并案), as the case's context holds them. */
function mergedItemsOfCase(state: HandlingState, caseId: string): MergedItem[] {
  const kase = (state.cases as Record<string, { context?: { mergedItems?: MergedItem[] } }>)[caseId];
  return kase?.context?.mergedItems ?? [];
}

/** The letter to a merged item's proposers: the draft's letter, addressed to them and answering each of its points. */
export function mergedLetterFor(letter: ReplyLetter, item: MergedItem): ReplyLetter {
  const first = (letter.responses ?? [])[0];
  return {
    ...letter,
    proposalId: item.proposalId,
    addressees: item.proposers.map((p) => p.name),
    responses: first ? [{ ...first, suggestionIds: [...item.suggestionIds] }] : [],
  };
}

/** The unit id a scenario names a case by (`case: …`): its id after the proposal's, as `caseIdFor` built it. */
export function caseKeyOf(proposalId: string, caseId: string): string {
  return caseId.startsWith(`${proposalId}/`) ? caseId.slice(proposalId.length + 1) : caseId;
}

/**
 * The coordinator event a command step sends on a date, as the SDK builds it: `at` is the date, a case's id comes
 * from its unit, and dated parts (assignment, opinion, feedback, written request) carry the date too.
 */
export function eventOfStep(step: CommandStep, proposalId: string, on: string): StepEvent & { at: string } {
  const send = step.send;
  const event: StepEvent & { at: string } = { ...send, at: on };
  if (step.case !== undefined) event.caseId = caseIdFor(proposalId, step.case);
  if (send.type === 'assignment.assign') event.assignment = { ...(send.assignment as object), date: on };
  if (send.type === 'coUnit.submitOpinion') event.opinion = { ...(send.opinion as object), date: on };
  if (send.type === 'feedback.submit') event.feedback = { ...(send.feedback as object), date: on };
  if (send.type === 'proposal.withdraw' || send.type === 'proposal.withdrawSignature')
    event.writtenRequest = { date: on };
  return event;
}

/** The step as a scenario writes it: the dated parts filled in as `eventOfStep` fills them, without `at`. */
export function datedStep(step: CommandStep, proposalId: string, on: string): SendStep {
  const { at: _, caseId: __, ...send } = eventOfStep(step, proposalId, on);
  return { ...step, on, send: send as StepEvent };
}

/**
 * The commands of the alphabet the coordinator accepts in a state on a date, with the state each leads to and the
 * transitions it took (as the coordinator reports them, and the SDK logs them).
 */
export function acceptedCommands(
  system: HandlingSystem,
  state: HandlingState,
  ctx: CommandContext,
  on: string,
): { step: SendStep; state: HandlingState; transitions: TakenTransition[] }[] {
  const out: { step: SendStep; state: HandlingState; transitions: TakenTransition[] }[] = [];
  for (const command of commandAlphabet(system, state, ctx)) {
    const event = eventOfStep(command, ctx.proposal.id, on);
    if (!system.can(state, event as never)) continue;
    try {
      const sent = system.send(state, event as never);
      out.push({ step: datedStep(command, ctx.proposal.id, on), state: sent.state, transitions: sent.transitions });
    } catch {
      // Accepted by `can` but refused by `send` (a refusal the guards alone do not see): not a step.
    }
  }
  return out;
}

/** The next working day after a date. */
export const nextWorkingDay = (calendar: Calendar, date: string): string =>
  addWorkingDays(calendar, date, 1, { uncovered: 'statutory' });
