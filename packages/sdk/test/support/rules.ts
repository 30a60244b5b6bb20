import { chinaMainland } from '@banli/calendar';
import { type Policy, presets } from '@banli/core';
import { type Proposal, type ReplyClass, type ReplyLetter, type Unit, withLetterClass } from '@banli/schemas';
import { fixtures } from '@banli/schemas/fixtures';
import { expect } from 'vitest';
import {
  type Actor,
  type Banli,
  type BanliError,
  createBanli,
  createManualClock,
  createMemoryStore,
} from '../../src/index.js';
import { copiedAsRequired } from './letters.js';

// Shared set-up of the issue-13 rule tests: one item of either kind, driven through the SDK under any preset.

/** The four presets, by name. */
export const PRESET_NAMES = ['nationalNpc', 'guangdongCity', 'sichuan2024', 'chongqing'] as const;
/** A preset name. */
export type PresetName = (typeof PRESET_NAMES)[number];
/** Both kinds of item. */
const KINDS = ['proposal', 'suggestion'] as const;
/** A kind of item. */
export type Kind = (typeof KINDS)[number];

/**
 * One preset per kind, as `[preset, kind]` for `describe.each`: guangdongCity for proposals, nationalNpc for
 * suggestions (both sourced).
 */
export const ONE_PRESET_PER_KIND: [PresetName, Kind][] = [
  ['guangdongCity', 'proposal'],
  ['nationalNpc', 'suggestion'],
];

/** The kinds a preset covers (rule 13.1: other kinds are refused at submission with `NotCovered`). */
export function kindsOf(preset: PresetName): Kind[] {
  return KINDS.filter((k) => presets[preset].coverage.some((c) => c.kind === k));
}

const lead = fixtures.sampleNpcAssignment.leadUnit as Unit;
const office = fixtures.sampleNpcAssignment.assigningOffice;
export const coUnit: Unit = { id: 'sample-transport', name: '示例市交通运输局' };

export const actors = {
  first: { role: 'proposer', id: 'p-first' },
  cosigner: { role: 'proposer', id: 'p-cosigner' },
  committee: { role: 'committee', id: 'committee' },
  office: { role: 'assigningOffice', id: 'office', unitId: office.id },
  lead: { role: 'leadUnit', id: 'clerk', unitId: lead.id },
  co: { role: 'coUnit', id: 'co-clerk', unitId: coUnit.id },
  leader: { role: 'leader', id: 'director', unitId: lead.id },
  supervisor: { role: 'supervisor', id: 'duban' },
  system: { role: 'system', id: 'scheduler' },
} satisfies Record<string, Actor>;

/** A joint item of the given kind: a first proposer and one co-signer, two points. */
export function ruleItem(kind: Kind, id = `item-${kind}`, number = 101): Proposal {
  return {
    kind,
    id,
    number,
    // The closing day: Chongqing counts session items' reply period from it (S13), so it must be given.
    session: { term: 16, meeting: 3, year: 2024, closedOn: '2024-01-26' },
    title: '关于加快老旧小区加装电梯的建议',
    suggestions: [
      { id: 'n1', title: '简化审批流程' },
      { id: 'n2', title: '提高补贴标准' },
    ],
    proposers: [
      { id: actors.first.id, type: 'member', name: '甲', first: true, placeholder: true },
      { id: actors.cosigner.id, type: 'member', name: '乙', placeholder: true },
    ],
    channel: 'session',
  };
}

/** A banli on the named preset with an in-memory store and a manual clock. */
export function ruleBanli(preset: PresetName, policy: Policy = presets[preset]) {
  const clock = createManualClock('2024-01-20');
  const store = createMemoryStore({ isolate: true });
  const banli = createBanli({ store, clock, policy, calendar: chinaMainland });
  return { banli, store, clock, policy };
}

/** The sample suggestion letter reworded as a CPPCC proposal's reply (addressed to 委员, copied to 政协). */
const proposalWording: Partial<ReplyLetter> = {
  reference: { kind: 'proposal', printed: '市政协十三届三次会议第101号提案', term: 13, session: 3, number: '101' },
  title: '示例市住房和城乡建设局关于市政协十三届三次会议第101号提案答复的函',
  addressees: ['甲（占位）等委员'],
  copyTo: { separator: '、', recipients: [{ name: '市政协提案委员会' }, { name: '市人民政府办公室' }] },
};

/**
 * A reply letter of `cls` answering both points, for the item `id`: worded for its kind (issue 13.11), its class mark
 * stating `cls` (issue 15.3), and copied where the policy's letter requirements say (e.g. nationalNpc's 全国人大常委会
 * 办公厅, S8), so it may be signed off under any preset.
 */
export function replyLetter(
  id: string,
  cls: string,
  adoption: ('adopted' | 'partlyAdopted' | 'planned')[] = [],
  kind: Kind = 'suggestion',
  policy?: Policy,
) {
  const base = withLetterClass(fixtures.sampleNpcReplyLetter, cls as ReplyClass);
  const responses = (base.responses ?? []).map((r, i) => ({ ...r, adoption: adoption[i] ?? r.adoption }));
  const letter = { ...base, ...(kind === 'proposal' ? proposalWording : {}), proposalId: id, responses };
  return copiedAsRequired(letter, kind, policy);
}

/** The case id of the lead unit's case. */
export const caseOf = (id: string) => `${id}/${lead.id}`;

/** The dates of the steps before 交办 (each defaults to the assignment's day), and the assignment's options. */
export interface AssignOptions {
  /** Add one co-handling unit (lead mode). */
  co?: boolean;
  /** Register the item as urgent (急事快办). */
  urgent?: boolean;
  submitted?: string;
  reviewed?: string;
  registered?: string;
}

/** Submits, reviews, registers (urgent when asked) and assigns the item on `at` (交办); `co` adds one co-handling unit. */
export async function assignOn(banli: Banli, item: Proposal, at: string, options: AssignOptions = {}) {
  await banli.submit(item, { actor: actors.first, at: options.submitted ?? at });
  await banli.send(item.id, { type: 'review.start', at: options.reviewed ?? at }, { actor: actors.committee });
  const register = {
    type: 'review.register',
    at: options.registered ?? at,
    ...(options.urgent ? { urgent: true } : {}),
  };
  await banli.send(item.id, register, { actor: actors.committee });
  const assignment = {
    mode: options.co ? 'lead' : 'sole',
    leadUnit: lead,
    coUnits: options.co ? [coUnit] : [],
    assigningOffice: office,
    date: at,
  };
  await banli.send(item.id, { type: 'assignment.assign', at, assignment }, { actor: actors.office });
}

/** The dates before 交办 of the issue-13 scenarios: submitted 2024-01-20, reviewed 01-22, registered 02-01. */
export const SCENARIO_INTAKE = { submitted: '2024-01-20', reviewed: '2024-01-22', registered: '2024-02-01' } as const;

/** Submits, registers, assigns (2024-03-04) and has the lead unit accept; `co` adds one co-handling unit. */
export async function toHandling(banli: Banli, item: Proposal, options: { co?: boolean } = {}) {
  await assignOn(banli, item, '2024-03-04', { ...SCENARIO_INTAKE, ...options });
  await banli.send(item.id, { type: 'case.accept', at: '2024-03-05', caseId: caseOf(item.id) }, { actor: actors.lead });
}

/** Drafts, countersigns and supervises where the policy asks, and signs off a reply of `cls` on 2024-04-16. */
export async function reply(
  banli: Banli,
  item: Proposal,
  cls: string,
  letter = replyLetter(item.id, cls, [], item.kind, banli.policy as Policy),
) {
  const caseId = caseOf(item.id);
  const send = (event: Record<string, unknown>, actor: Actor) => banli.send(item.id, { caseId, ...event }, { actor });
  await send({ type: 'case.startDrafting', at: '2024-04-08' }, actors.lead);
  await send({ type: 'reply.submitDraft', at: '2024-04-10', letter }, actors.lead);
  const view = await banli.get(item.id);
  const caseState = JSON.stringify(view.state.cases[caseId]);
  if (caseState.includes('countersigning')) {
    await send({ type: 'countersign.approve', at: '2024-04-12', unitId: coUnit.id }, actors.co);
  }
  await send({ type: 'signOff.approve', at: '2024-04-15', signer: '局长' }, actors.leader);
  if (JSON.stringify((await banli.get(item.id)).state.cases[caseId]).includes('supervisorReview')) {
    await send({ type: 'supervisor.approve', at: '2024-04-16' }, actors.supervisor);
  }
}

/** Both proposers rate the reply on 2024-04-20. */
export async function rate(banli: Banli, item: Proposal, first: string, cosigner = 'satisfied', at = '2024-04-20') {
  const caseId = caseOf(item.id);
  for (const [actor, level] of [
    [actors.first, first],
    [actors.cosigner, cosigner],
  ] as const) {
    const feedback = {
      proposerId: actor.id,
      level,
      date: at,
      ...(level === 'dissatisfied' ? { comment: '未解决' } : {}),
    };
    await banli.send(item.id, { type: 'feedback.submit', at, caseId, feedback }, { actor });
  }
}

/** The lead case's state value as dotted paths. */
export async function caseState(banli: Banli, id: string): Promise<string> {
  return JSON.stringify((await banli.get(id)).state.cases[caseOf(id)]);
}

/** Runs a command that must be refused with `code`, and proves nothing was written. */
export async function refused(banli: Banli, id: string, run: () => Promise<unknown>, code: string) {
  const before = (await banli.get(id)).version;
  const error = (await run().then(
    () => undefined,
    (e: unknown) => e,
  )) as BanliError | undefined;
  expect(error?.code).toBe(code);
  expect((await banli.get(id)).version).toBe(before);
  return error as BanliError;
}

/**
 * The follow-up letter (二次答复) once the commitment is met: class A, worded for the item's kind and copied where the
 * policy's letter requirements say (a second reply meets them as a first one does, issue 15).
 */
export const followUpLetter = (id: string, kind: Kind = 'suggestion', policy?: Policy) => ({
  ...replyLetter(id, 'A', [], kind, policy),
  docNumber: '示住建函〔2024〕88号',
});

/** The class that means 留作参考 in the preset's scheme. */
export function referenceClass(policy: Policy): string {
  const entry = Object.entries(policy.classMeanings).find(([, m]) => m?.['zh-CN'] === '留作参考');
  if (!entry) throw new Error(`${policy.id} has no 留作参考 class`);
  return entry[0];
}
