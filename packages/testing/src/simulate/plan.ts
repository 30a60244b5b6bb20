import { addWorkingDays, type Calendar, computeDueDate, type DeadlineRule } from '@banli/calendar';
import { caseIdFor, policyClasses } from '@banli/core';
import {
  type Assignment,
  type MergedItem,
  type Proposal,
  type ReplyClass,
  type ReplyLetter,
  type Unit,
  withLetterClass,
} from '@banli/schemas';
import { sampleNpcReplyLetter, sampleNpcSuggestion, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import type { Actor, PolicyLike } from '@banli/sdk';
import { mergedLetterFor } from '../paths/sdkCommands.js';
import { mergedItemOf } from '../paths/sdkMoves.js';
import type { Random } from '../prng.js';
import { type Distribution, sample, type UnitProfile, weighted } from './options.js';

/** One command the simulator sends on a date. */
export interface PlannedCommand {
  date: string;
  proposalId: string;
  actor: Actor;
  /** The event to send, or the proposal to submit. */
  event?: Record<string, unknown>;
  submit?: Proposal;
}

/** What the planner needs. */
export interface PlanContext {
  calendar: Calendar;
  policy: PolicyLike & {
    requireCountersign?: boolean;
    requireSupervisorReview?: boolean;
    followUpClasses?: string[];
    periods?: { coOpinion?: DeadlineRule };
  };
  year: number;
  units: readonly UnitProfile[];
  jointShare: number;
  suggestionShare: number;
  /** The session's closing day, carried by suggestions filed at the session (Chongqing counts from it, S13). */
  sessionEnd: string;
  modes: Record<'sole' | 'lead' | 'split' | 'reference', number>;
  extensionRate: number;
  mergeRate: number;
  adjustmentRate: number;
  reassignShare: number;
  overrideCloseRate: number;
  missedOpinionRate: number;
  coUnitContactRate: number;
  dissatisfactionRate: number;
  missedContactRate: number;
  classes: Partial<Record<string, number>>;
}

const OFFICE: Unit = { id: 'sim-government-office', name: '市政府办公室', shortName: '市政府办公室' };
const committee: Actor = { role: 'committee', id: 'proposals-committee' };
const office: Actor = { role: 'assigningOffice', id: 'assigning-office', unitId: OFFICE.id };
const DEFAULT_OPINION: Distribution = { kind: 'uniform', min: 5, max: 18 };

/** Picks `n` distinct units by weight. */
function pickUnits(rng: Random, units: readonly UnitProfile[], n: number): UnitProfile[] {
  const pool = [...units];
  const out: UnitProfile[] = [];
  while (out.length < n && pool.length > 0) {
    const weights = Object.fromEntries(pool.map((u, i) => [String(i), u.weight ?? 1]));
    const i = Number(weighted(rng, weights));
    out.push(pool.splice(i, 1)[0] as UnitProfile);
  }
  return out;
}

/** Plans one proposal from submission to archive: every command with its date, in order. */
export function planProposal(
  ctx: PlanContext,
  rng: Random,
  index: number,
  arrival: string,
  channel: 'session' | 'interSession',
): PlannedCommand[] {
  const wd = (date: string, n: number) => addWorkingDays(ctx.calendar, date, n, { uncovered: 'statutory' });
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare lexically, Math.max would turn them into NaN
  const max = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));
  const id = `sim-${ctx.year}-${String(index + 1).padStart(6, '0')}`;
  // One stream per decision kind: changing one rate (and the draws its branch makes) never shifts another decision.
  const kind = ctx.suggestionShare > 0 && rng.fork('kind').chance(ctx.suggestionShare) ? 'suggestion' : 'proposal';
  const signers = rng.fork('joint').chance(ctx.jointShare) ? rng.fork('signers').int(2, 5) : 1;
  const proposers = Array.from({ length: signers }, (_, k) => ({
    id: `${id}-m${k + 1}`,
    type: 'member' as const,
    name: `委员${k + 1}`,
    ...(signers > 1 && k === 0 ? { first: true } : {}),
  }));
  const proposal: Proposal = (
    kind === 'proposal'
      ? {
          kind,
          id,
          number: index + 1,
          session: { term: 1, meeting: 1, year: ctx.year },
          title: `模拟提案第${index + 1}号`,
          suggestions: [{ id: 's1', title: '建议' }],
          proposers,
          channel,
        }
      : {
          kind,
          id,
          number: index + 1,
          assembly: sampleNpcSuggestion.assembly,
          session: {
            term: 1,
            meeting: 1,
            year: ctx.year,
            ...(channel === 'session' ? { closedOn: ctx.sessionEnd } : {}),
          },
          title: `模拟建议第${index + 1}号`,
          suggestions: [
            { id: 's1', title: '建议一' },
            { id: 's2', title: '建议二' },
          ],
          proposers,
          channel,
        }
  ) as Proposal;
  const out: PlannedCommand[] = [
    { date: arrival, proposalId: id, actor: { role: 'proposer', id: proposers[0]?.id ?? id }, submit: proposal },
  ];
  const send = (date: string, actor: Actor, event: Record<string, unknown>) =>
    out.push({ date, proposalId: id, actor, event: { at: date, ...event } });

  const reviewAt = wd(arrival, 1);
  // 并案: a second item on the same subject, filed the same day, is merged into this one during its review (S20).
  const merged = ctx.mergeRate > 0 && rng.fork('merge').chance(ctx.mergeRate) ? mergedCompanion(proposal) : undefined;
  if (merged) {
    const by: Actor = { role: 'proposer', id: merged.proposers[0]?.id ?? merged.id };
    out.push({ date: arrival, proposalId: merged.id, actor: by, submit: merged });
    const onMerged = (date: string, event: Record<string, unknown>) =>
      out.push({ date, proposalId: merged.id, actor: committee, event: { at: date, ...event } });
    onMerged(reviewAt, { type: 'review.start' });
    onMerged(wd(reviewAt, 1), { type: 'review.merge', into: id, reason: '内容相近，并案办理' });
  }
  send(reviewAt, committee, { type: 'review.start' });
  send(wd(reviewAt, 2), committee, { type: 'review.register' });
  const assignAt = wd(reviewAt, rng.fork('assignDays').int(3, 10));
  const mode = weighted(rng.fork('mode'), ctx.modes);
  const size =
    mode === 'sole'
      ? 1
      : mode === 'split'
        ? 2
        : mode === 'reference'
          ? rng.fork('referenceCount').int(1, 2)
          : rng.fork('coUnitCount').int(2, 4);
  const picked = pickUnits(rng.fork('units'), ctx.units, size);
  const effective = mode === 'reference' ? mode : picked.length < 2 ? 'sole' : mode;
  const [lead, ...rest] = picked as [UnitProfile, ...UnitProfile[]];
  const assignment: Assignment = {
    mode: effective,
    ...(effective === 'split'
      ? { splitUnits: picked.map((u) => u.unit) }
      : effective === 'reference'
        ? { referenceUnits: picked.map((u) => u.unit) }
        : { leadUnit: lead.unit }),
    coUnits: effective === 'lead' ? rest.map((u) => u.unit) : [],
    assigningOffice: OFFICE,
    date: assignAt,
  };
  send(assignAt, office, { type: 'assignment.assign', assignment });
  let last = assignAt;
  if (effective === 'reference') {
    // 参阅 (S80): each unit signs for the item, which closes its case; nobody replies.
    for (const h of picked) {
      const at = wd(assignAt, streamsOf(rng, h.unit.id).accept.int(1, 2));
      const clerk: Actor = { role: 'leadUnit', id: `${h.unit.id}-clerk`, unitId: h.unit.id };
      send(at, clerk, { type: 'case.accept', caseId: caseIdFor(id, h.unit.id) });
      last = max(last, at);
    }
  }
  const handlers = effective === 'split' ? picked : effective === 'reference' ? [] : [lead];
  const coUnits = effective === 'lead' ? rest : [];
  const mergedItem = merged ? mergedItemOf(merged, wd(reviewAt, 1)) : undefined;
  for (const h of handlers) {
    last = max(
      last,
      planCase(ctx, streamsOf(rng, h.unit.id), {
        id,
        proposal,
        unit: h,
        coUnits,
        assigned: picked,
        assignAt,
        send,
        wd,
        max,
        index,
        ...(mergedItem ? { merged: mergedItem } : {}),
      }),
    );
  }
  send(wd(last, 2), committee, { type: 'proposal.archive' });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The item merged into `proposal` (并案): the same kind and session, its own id, number, title, point and proposer. */
function mergedCompanion(proposal: Proposal): Proposal {
  const id = `${proposal.id}-merged`;
  return {
    ...proposal,
    id,
    number: proposal.number + 100_000,
    title: `${proposal.title}（并案）`,
    suggestions: [{ id: 's1', title: '同题建议' }],
    proposers: [{ id: `${id}-m1`, type: 'member', name: '并案提案人' }],
  } as Proposal;
}

/** The decision kinds of a case, each with its own random stream. */
type Decision =
  | 'accept'
  | 'contactMissed'
  | 'contactDay'
  | 'opinionDays'
  | 'replyDays'
  | 'extension'
  | 'extensionDays'
  | 'class'
  | 'feedbackDay'
  | 'dissatisfaction'
  | 'satisfaction'
  | 'rehandlingDays'
  | 'followUpDays'
  | 'adjustment'
  | 'adjustmentDays'
  | 'reassign'
  | 'override'
  | 'opinionMissed'
  | 'coContact'
  | 'coContactDay';

type Streams = Record<Decision, Random>;

const DECISIONS: readonly Decision[] = [
  'accept',
  'contactMissed',
  'contactDay',
  'opinionDays',
  'replyDays',
  'extension',
  'extensionDays',
  'class',
  'feedbackDay',
  'dissatisfaction',
  'satisfaction',
  'rehandlingDays',
  'followUpDays',
  'adjustment',
  'adjustmentDays',
  'reassign',
  'override',
  'opinionMissed',
  'coContact',
  'coContactDay',
];

function streamsOf(rng: Random, unitId: string): Streams {
  return Object.fromEntries(DECISIONS.map((kind) => [kind, rng.fork(`${unitId}:${kind}`)])) as Streams;
}

interface CaseArgs {
  id: string;
  index: number;
  proposal: Proposal;
  unit: UnitProfile;
  coUnits: readonly UnitProfile[];
  /** Every unit the assignment names (a reassignment goes to another one). */
  assigned: readonly UnitProfile[];
  /** The item merged into this one (并案), replied to with each letter. */
  merged?: MergedItem;
  assignAt: string;
  send: (date: string, actor: Actor, event: Record<string, unknown>) => void;
  wd: (date: string, n: number) => string;
  max: (...dates: string[]) => string;
}

/** Plans one case; returns the date of its last command. */
function planCase(ctx: PlanContext, rng: Streams, a: CaseArgs): string {
  const { send, wd, max } = a;
  const caseId = caseIdFor(a.id, a.unit.unit.id);
  // 申请调整 inside the window, before signing for the case: kept, or reassigned to another unit (改派).
  let handlingFrom = a.assignAt;
  let acceptAt = wd(a.assignAt, rng.accept.int(1, 2));
  let unit = a.unit;
  if (ctx.adjustmentRate > 0 && rng.adjustment.chance(ctx.adjustmentRate)) {
    const asker: Actor = { role: 'leadUnit', id: `${unit.unit.id}-clerk`, unitId: unit.unit.id };
    const askedAt = wd(a.assignAt, 1);
    send(askedAt, asker, { type: 'case.requestAdjustment', caseId, reason: '不属本单位职能' });
    const decidedAt = wd(askedAt, rng.adjustmentDays.int(1, 3));
    const others = ctx.units.filter((u) => !a.assigned.some((x) => x.unit.id === u.unit.id));
    const to = rng.reassign.chance(ctx.reassignShare) ? pickUnits(rng.reassign, others, 1)[0] : undefined;
    if (to) {
      send(decidedAt, office, {
        type: 'adjustment.reassign',
        caseId,
        toUnit: to.unit,
        note: `改由${to.unit.name}办理`,
      });
      unit = to;
      handlingFrom = decidedAt;
    } else send(decidedAt, office, { type: 'adjustment.keep', caseId, note: '维持原交办' });
    acceptAt = wd(decidedAt, rng.accept.int(1, 2));
  }
  const unitId = unit.unit.id;
  const clerk: Actor = { role: 'leadUnit', id: `${unitId}-clerk`, unitId };
  const leader: Actor = { role: 'leader', id: `${unitId}-director`, unitId };
  send(acceptAt, clerk, { type: 'case.accept', caseId });
  let ready = acceptAt;
  if (!rng.contactMissed.chance(ctx.missedContactRate)) {
    const at = wd(acceptAt, rng.contactDay.int(2, 12));
    send(at, clerk, { type: 'case.recordContact', caseId, proposerId: a.proposal.proposers[0]?.id, method: 'phone' });
    ready = max(ready, at);
  }
  let opinionsMissed = false;
  for (const co of a.coUnits) {
    const coActor: Actor = { role: 'coUnit', id: `${co.unit.id}-clerk`, unitId: co.unit.id };
    if (ctx.coUnitContactRate > 0 && rng.coContact.chance(ctx.coUnitContactRate)) {
      // A co-handler may talk to the proposer itself (S17): here, a visit.
      const at = wd(acceptAt, rng.coContactDay.int(2, 15));
      send(at, coActor, {
        type: 'case.recordContact',
        caseId,
        proposerId: a.proposal.proposers[0]?.id,
        method: 'visit',
      });
      ready = max(ready, at);
    }
    const opinionAt = wd(acceptAt, sample(rng.opinionDays, co.opinionDays ?? DEFAULT_OPINION));
    if (ctx.missedOpinionRate > 0 && ctx.policy.periods?.coOpinion && rng.opinionMissed.chance(ctx.missedOpinionRate)) {
      opinionsMissed = true;
      continue;
    }
    const opinion = { fromUnit: co.unit, toUnit: unit.unit, text: '会办意见', date: opinionAt };
    send(opinionAt, coActor, { type: 'coUnit.submitOpinion', caseId, opinion });
    ready = max(ready, opinionAt);
  }
  const coOpinion = ctx.policy.periods?.coOpinion;
  if (opinionsMissed && coOpinion) {
    // A silent co-unit cannot hold the lead unit up past its opinion deadline (S11, S17, S21): it drafts after it,
    // with a margin of working days for a calendar correction that moves the deadline.
    const due = computeDueDate(ctx.calendar, coOpinion, handlingFrom, { uncovered: 'statutory' }).due;
    ready = max(ready, wd(due, 3));
  }
  let days = sample(rng.replyDays, unit.replyDays);
  if (rng.extension.chance(ctx.extensionRate)) {
    const at = wd(acceptAt, rng.extensionDays.int(3, 10));
    send(at, clerk, { type: 'case.requestExtension', caseId, reason: '情况复杂，需要更多时间' });
    send(wd(at, 1), office, { type: 'extension.approve', caseId });
    ready = max(ready, wd(at, 1));
    days += rng.extensionDays.int(15, 45);
  }
  const classes = policyClasses(ctx.policy as never) as string[];
  const cls = weighted(rng.class, Object.fromEntries(classes.map((c) => [c, ctx.classes[c] ?? 0.01])));
  const draftAt = wd(ready, 1);
  const replyAt = max(wd(acceptAt, days), wd(draftAt, 1));
  const letter = letterFor(ctx, a, cls, replyAt);
  send(draftAt, clerk, { type: 'case.startDrafting', caseId });
  // A re-handled reply answers again only the items whose proposers were dissatisfied (the own item, a merged one).
  const issue = (at: string, l: Record<string, unknown>, to: Addressees = BOTH) => {
    const merged = to.merged ? mergedLetters(a, l) : {};
    send(at, clerk, { type: 'reply.submitDraft', caseId, ...(to.own ? { letter: l } : {}), ...merged });
    if (ctx.policy.requireCountersign)
      for (const co of a.coUnits)
        send(
          at,
          { role: 'coUnit', id: `${co.unit.id}-clerk`, unitId: co.unit.id },
          { type: 'countersign.approve', caseId, unitId: co.unit.id },
        );
    send(at, leader, { type: 'signOff.approve', caseId, signer: '局长' });
    if (ctx.policy.requireSupervisorReview)
      send(at, { role: 'supervisor', id: 'supervisor' }, { type: 'supervisor.approve', caseId });
  };
  issue(replyAt, letter);
  send(wd(replyAt, 2), clerk, { type: 'publication.publish', caseId });
  let last = feedbackRound(rng, a, caseId, wd(replyAt, 2), ctx.dissatisfactionRate, BOTH);
  if (last.dissatisfied.own || last.dissatisfied.merged) {
    const start = wd(last.date, 1);
    send(start, office, { type: 'rehandling.start', caseId });
    send(wd(start, 3), clerk, { type: 'case.startDrafting', caseId });
    const again = wd(start, rng.rehandlingDays.int(6, 18));
    issue(again, letterFor(ctx, a, cls, again), last.dissatisfied);
    last = feedbackRound(rng, a, caseId, again, 0, last.dissatisfied);
  }
  if ((ctx.policy.followUpClasses ?? []).includes(cls)) {
    const at = wd(last.date, rng.followUpDays.int(15, 50));
    if (ctx.overrideCloseRate > 0 && rng.override.chance(ctx.overrideCloseRate))
      send(at, committee, { type: 'case.overrideClose', caseId, reason: '提案委员会决定不再跟踪办理' });
    else {
      const l = letterFor(ctx, a, 'A', at);
      send(at, clerk, { type: 'followUp.reply', caseId, letter: l, ...mergedLetters(a, l) });
    }
    return at;
  }
  return last.date;
}

/** Whom a letter goes to: the item's own proposers, the merged item's (并案), or both. */
interface Addressees {
  own: boolean;
  merged: boolean;
}

const BOTH: Addressees = { own: true, merged: true };

/** Every addressee of `to` rates the reply; returns the last rating's date and whose proposers were dissatisfied. */
function feedbackRound(rng: Streams, a: CaseArgs, caseId: string, after: string, rate: number, to: Addressees) {
  let date = after;
  const dissatisfied: Addressees = { own: false, merged: false };
  // A merged item's proposers rate the reply too (并案: replied to separately, S20).
  const raters = [
    ...(to.own ? a.proposal.proposers.map((p) => ({ p, own: true })) : []),
    ...(to.merged ? (a.merged?.proposers ?? []).map((p) => ({ p, own: false })) : []),
  ];
  for (const { p, own } of raters) {
    const at = a.wd(after, rng.feedbackDay.int(1, 10));
    const unhappy = rng.dissatisfaction.chance(rate);
    if (unhappy && own) dissatisfied.own = true;
    else if (unhappy) dissatisfied.merged = true;
    const feedback = unhappy
      ? { proposerId: p.id, level: 'dissatisfied', comment: '答复未解决实际问题', date: at }
      : { proposerId: p.id, level: rng.satisfaction.chance(0.8) ? 'satisfied' : 'basicallySatisfied', date: at };
    a.send(at, { role: 'proposer', id: p.id }, { type: 'feedback.submit', caseId, feedback });
    date = a.max(date, at);
  }
  return { date, dissatisfied };
}

/** The letters to a merged item's proposers that go with `letter` (none when nothing was merged). */
function mergedLetters(a: CaseArgs, letter: Record<string, unknown>): { mergedLetters?: ReplyLetter[] } {
  return a.merged ? { mergedLetters: [mergedLetterFor(letter as unknown as ReplyLetter, a.merged)] } : {};
}

function letterFor(ctx: PlanContext, a: CaseArgs, cls: string, date: string): Record<string, unknown> {
  if (a.proposal.kind === 'suggestion') return suggestionLetterFor(ctx, a, cls, date);
  const { dateText: _printedDate, ...seed } = seedReplyLetter132402;
  const [response] = seed.responses ?? [];
  // A short letter: the seed's ten-kilobyte body in every event and snapshot would dominate memory at 10,000 proposals.
  return {
    // The class mark is restated with the class: a stale mark is refused at sign-off.
    ...withLetterClass(seed, cls as ReplyClass),
    proposalId: a.id,
    docNumber: `中商务电函〔${date.slice(0, 4)}〕${(a.index % 9000) + 1}号`,
    title: `关于${a.proposal.title}答复的函`,
    opening: '你们提出的建议收悉，现答复如下：',
    responses: [{ ...response, suggestionIds: ['s1'], body: ['（模拟答复正文）'] }],
    date,
    imprint: { printedBy: '中山市商务局办公室', printDate: date },
  };
}

/**
 * A reply to a deputies' suggestion: the sample NPC letter (two points, 列入计划 and 部分采纳), disclosed as the
 * proposals' replies are, and copied to every office
 * the policy's letter requirements name (nationalNpc: 全国人大常委会办公厅, S8).
 */
function suggestionLetterFor(ctx: PlanContext, a: CaseArgs, cls: string, date: string): Record<string, unknown> {
  const seed = sampleNpcReplyLetter;
  const recipients = [...(seed.copyTo?.recipients ?? [])];
  for (const r of ctx.policy.letterRequirements ?? [])
    for (const name of r.field === 'copyTo' ? (r.naming ?? []) : [])
      if (!recipients.some((x) => x.name.includes(name))) recipients.push({ name, copies: 2 });
  const [first, second] = seed.responses ?? [];
  return {
    ...withLetterClass(seed, cls as ReplyClass),
    proposalId: a.id,
    docNumber: `示住建函〔${date.slice(0, 4)}〕${(a.index % 9000) + 1}号`,
    title: `关于${a.proposal.title}答复的函`,
    responses: [
      { ...first, suggestionIds: ['s1'] },
      { ...second, suggestionIds: ['s2'] },
    ],
    copyTo: { ...seed.copyTo, recipients },
    // Published as the proposals' replies are (the sample is disclosed on request only, which publishes nothing).
    disclosure: seedReplyLetter132402.disclosure,
    date,
    imprint: { printedBy: '示例市住房和城乡建设局办公室', printDate: date },
  };
}
