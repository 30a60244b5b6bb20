import { addWorkingDays, type Calendar } from '@banli/calendar';
import { caseIdFor, policyClasses } from '@banli/core';
import { type Assignment, type Proposal, type ReplyClass, type Unit, withLetterClass } from '@banli/schemas';
import { sampleNpcReplyLetter, sampleNpcSuggestion, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import type { Actor, PolicyLike } from '@banli/sdk';
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
  policy: PolicyLike & { requireCountersign?: boolean; requireSupervisorReview?: boolean; followUpClasses?: string[] };
  year: number;
  units: readonly UnitProfile[];
  jointShare: number;
  suggestionShare: number;
  /** The session's closing day, carried by suggestions filed at the session (Chongqing counts from it, S13). */
  sessionEnd: string;
  modes: Record<'sole' | 'lead' | 'split', number>;
  extensionRate: number;
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
  send(reviewAt, committee, { type: 'review.start' });
  send(wd(reviewAt, 2), committee, { type: 'review.register' });
  const assignAt = wd(reviewAt, rng.fork('assignDays').int(3, 10));
  const mode = weighted(rng.fork('mode'), ctx.modes);
  const size = mode === 'sole' ? 1 : mode === 'split' ? 2 : rng.fork('coUnitCount').int(2, 4);
  const picked = pickUnits(rng.fork('units'), ctx.units, size);
  const effective = picked.length < 2 ? 'sole' : mode;
  const [lead, ...rest] = picked as [UnitProfile, ...UnitProfile[]];
  const assignment: Assignment = {
    mode: effective,
    ...(effective === 'split' ? { splitUnits: picked.map((u) => u.unit) } : { leadUnit: lead.unit }),
    coUnits: effective === 'lead' ? rest.map((u) => u.unit) : [],
    assigningOffice: OFFICE,
    date: assignAt,
  };
  send(assignAt, office, { type: 'assignment.assign', assignment });
  const handlers = effective === 'split' ? picked : [lead];
  const coUnits = effective === 'lead' ? rest : [];
  let last = assignAt;
  for (const h of handlers) {
    last = max(
      last,
      planCase(ctx, streamsOf(rng, h.unit.id), { id, proposal, unit: h, coUnits, assignAt, send, wd, max, index }),
    );
  }
  send(wd(last, 2), committee, { type: 'proposal.archive' });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
  | 'followUpDays';

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
  assignAt: string;
  send: (date: string, actor: Actor, event: Record<string, unknown>) => void;
  wd: (date: string, n: number) => string;
  max: (...dates: string[]) => string;
}

/** Plans one case; returns the date of its last command. */
function planCase(ctx: PlanContext, rng: Streams, a: CaseArgs): string {
  const { send, wd, max } = a;
  const caseId = caseIdFor(a.id, a.unit.unit.id);
  const unitId = a.unit.unit.id;
  const clerk: Actor = { role: 'leadUnit', id: `${unitId}-clerk`, unitId };
  const leader: Actor = { role: 'leader', id: `${unitId}-director`, unitId };
  const acceptAt = wd(a.assignAt, rng.accept.int(1, 2));
  send(acceptAt, clerk, { type: 'case.accept', caseId });
  let ready = acceptAt;
  if (!rng.contactMissed.chance(ctx.missedContactRate)) {
    const at = wd(acceptAt, rng.contactDay.int(2, 12));
    send(at, clerk, { type: 'case.recordContact', caseId, proposerId: a.proposal.proposers[0]?.id, method: 'phone' });
    ready = max(ready, at);
  }
  for (const co of a.coUnits) {
    const at = wd(acceptAt, sample(rng.opinionDays, co.opinionDays ?? DEFAULT_OPINION));
    const opinion = { fromUnit: co.unit, toUnit: a.unit.unit, text: '会办意见', date: at };
    send(
      at,
      { role: 'coUnit', id: `${co.unit.id}-clerk`, unitId: co.unit.id },
      { type: 'coUnit.submitOpinion', caseId, opinion },
    );
    ready = max(ready, at);
  }
  let days = sample(rng.replyDays, a.unit.replyDays);
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
  const issue = (at: string, l: Record<string, unknown>) => {
    send(at, clerk, { type: 'reply.submitDraft', caseId, letter: l });
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
  let last = feedbackRound(rng, a, caseId, wd(replyAt, 2), ctx.dissatisfactionRate);
  if (last.dissatisfied) {
    const start = wd(last.date, 1);
    send(start, office, { type: 'rehandling.start', caseId });
    send(wd(start, 3), clerk, { type: 'case.startDrafting', caseId });
    const again = wd(start, rng.rehandlingDays.int(6, 18));
    issue(again, letterFor(ctx, a, cls, again));
    last = feedbackRound(rng, a, caseId, again, 0);
  }
  if ((ctx.policy.followUpClasses ?? []).includes(cls)) {
    const at = wd(last.date, rng.followUpDays.int(15, 50));
    send(at, clerk, { type: 'followUp.reply', caseId, letter: letterFor(ctx, a, 'A', at) });
    return at;
  }
  return last.date;
}

function feedbackRound(rng: Streams, a: CaseArgs, caseId: string, after: string, rate: number) {
  let date = after;
  let dissatisfied = false;
  for (const p of a.proposal.proposers) {
    const at = a.wd(after, rng.feedbackDay.int(1, 10));
    const unhappy = rng.dissatisfaction.chance(rate);
    dissatisfied ||= unhappy;
    const feedback = unhappy
      ? { proposerId: p.id, level: 'dissatisfied', comment: '答复未解决实际问题', date: at }
      : { proposerId: p.id, level: rng.satisfaction.chance(0.8) ? 'satisfied' : 'basicallySatisfied', date: at };
    a.send(at, { role: 'proposer', id: p.id }, { type: 'feedback.submit', caseId, feedback });
    date = a.max(date, at);
  }
  return { date, dissatisfied };
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
