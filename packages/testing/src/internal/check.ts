import { caseIdFor } from '@banli/core';
import type { Bilingual } from '@banli/schemas';
import type { BanliNotification, DeadlineView } from '@banli/sdk';
import type { FailureCheck, ScenarioFailure, StepLocation } from '../failures.js';
import type { TestHarness } from '../harness.js';
import type { TimelineEntry } from '../runScenario.js';
import type { DeadlineExpectation, Expectation, FinalExpectation, LetterExpectation } from '../scenario.js';
import { mainPath, pathMatches } from './statePath.js';

/** What a run observed, for the final checks. */
export interface Observed {
  notifications: BanliNotification[];
  timeline: TimelineEntry[];
}

type Fail = (
  check: FailureCheck,
  expected: unknown,
  actual: unknown,
  messages: Bilingual,
  sdkMessage?: Bilingual,
) => void;

const counted = (types: readonly string[]) => [...types].sort();
const unitOf = (id: string, caseId: string | undefined) =>
  caseId?.startsWith(`${id}/`) ? caseId.slice(id.length + 1) : caseId;

function describeDeadline(d: DeadlineExpectation): string {
  return `${d.kind}${d.unit ? ` of ${d.unit}` : ''}${d.from ? ` from ${d.from}` : ''}${d.due ? ` due ${d.due}` : ''}${d.status ? ` (${d.status})` : ''}`;
}

function matches(id: string, x: DeadlineView, d: DeadlineExpectation): boolean {
  return (
    x.kind === d.kind &&
    (d.unit === undefined || x.caseId === caseIdFor(id, d.unit)) &&
    (d.from === undefined || x.unitId === d.from) &&
    (d.due === undefined || x.due === d.due) &&
    (d.status === undefined || x.status === d.status)
  );
}

function checkEmitted(e: Expectation, emitted: readonly string[], fail: Fail): void {
  if (e.emitted !== undefined) {
    if (e.emitted.length === 0 && emitted.length > 0)
      fail('emitted', [], emitted, { 'zh-CN': '预期不发出任何通知', en: 'expected no notification' });
    const missing = e.emitted.filter((t) => !emitted.includes(t));
    if (missing.length > 0)
      fail('emitted', e.emitted, emitted, {
        'zh-CN': `缺少通知：${missing.join('、')}`,
        en: `missing notification: ${missing.join(', ')}`,
      });
  }
  if (e.emittedExactly !== undefined) {
    const want = counted(e.emittedExactly);
    const got = counted(emitted);
    if (want.join('\n') !== got.join('\n'))
      fail('emittedExactly', want, got, { 'zh-CN': '通知与预期不完全一致', en: 'notifications differ from exactly' });
  }
  const forbidden = (e.notEmitted ?? []).filter((t) => emitted.includes(t));
  if (forbidden.length > 0)
    fail('notEmitted', `none of ${(e.notEmitted ?? []).join(', ')}`, emitted, {
      'zh-CN': `不应发出：${forbidden.join('、')}`,
      en: `must not emit: ${forbidden.join(', ')}`,
    });
}

async function checkLetters(
  h: TestHarness,
  id: string,
  letters: Record<string, LetterExpectation>,
  fail: Fail,
): Promise<void> {
  const view = await h.banli.get(id).catch(() => undefined);
  for (const [unit, want] of Object.entries(letters)) {
    const caseId = caseIdFor(id, unit);
    const letter = view?.cases.find((c) => c.caseId === caseId)?.letter as
      | { docNumber: string; class: string }
      | undefined;
    if (!letter) {
      fail('letter', { unit, ...want }, undefined, { 'zh-CN': `${unit} 没有答复函`, en: `no letter from ${unit}` });
      continue;
    }
    const got = { docNumber: letter.docNumber, class: letter.class };
    if ((want.docNumber && got.docNumber !== want.docNumber) || (want.class && got.class !== want.class))
      fail(
        'letter',
        { unit, docNumber: want.docNumber, class: want.class },
        { unit, ...got },
        { 'zh-CN': `${unit} 的答复函字号或类别不符`, en: `letter of ${unit}: number or class differs` },
      );
    if (want.text === undefined && want.textContains === undefined) continue;
    const text = await h.banli.letter(id, caseId);
    if (want.text !== undefined && text !== want.text)
      fail('letter', want.text, text, { 'zh-CN': `${unit} 的答复函全文不符`, en: `letter text of ${unit} differs` });
    const parts = typeof want.textContains === 'string' ? [want.textContains] : (want.textContains ?? []);
    const absent = parts.filter((p) => !text.includes(p));
    if (absent.length > 0)
      fail('letter', `text containing ${absent.map((p) => JSON.stringify(p)).join(', ')}`, text, {
        'zh-CN': `${unit} 的答复函缺少预期文字`,
        en: `letter text of ${unit} lacks the expected text`,
      });
  }
}

/** Checks an expectation against a step's timeline entry (or, without one, the outcome) and the store. */
export async function checkExpectation(
  h: TestHarness,
  id: string,
  e: Expectation,
  entry: TimelineEntry | undefined,
  at: StepLocation | undefined,
  observed?: Observed,
): Promise<ScenarioFailure[]> {
  const out: ScenarioFailure[] = [];
  const fail: Fail = (check, expected, actual, messages, sdkMessage) =>
    out.push({ check, ...(at ? { at } : {}), expected, actual, messages, ...(sdkMessage ? { sdkMessage } : {}) });
  if (entry) {
    if (e.refused !== undefined && entry.refused !== e.refused)
      fail(
        'refused',
        e.refused,
        entry.refused ?? 'accepted',
        { 'zh-CN': `预期被拒绝（${e.refused}）`, en: `expected refusal ${e.refused}` },
        entry.refusedMessages,
      );
    if (e.refused === undefined && entry.refused !== undefined)
      fail(
        'unexpectedRefusal',
        'accepted',
        entry.refused,
        { 'zh-CN': `${entry.event} 被拒绝`, en: `${entry.event} was refused` },
        entry.refusedMessages,
      );
  }
  const emitted = entry ? entry.emitted : observed?.notifications.map((n) => n.type);
  if (emitted) checkEmitted(e, emitted, fail);
  if (e.deadlineMoved) {
    const changes = entry ? entry.deadlines : (observed?.timeline ?? []).flatMap((t) => t.deadlines);
    for (const m of e.deadlineMoved) {
      const ofKind = changes.filter(
        (c) => c.kind === m.kind && (m.unit === undefined || c.caseId === caseIdFor(id, m.unit)),
      );
      if (!ofKind.some((c) => c.previousDue === m.from && c.due === m.to))
        fail(
          'deadlineMoved',
          m,
          ofKind.map((c) => ({ kind: c.kind, unit: unitOf(id, c.caseId), from: c.previousDue ?? null, to: c.due })),
          {
            'zh-CN': `${m.kind} 期限未从 ${m.from} 移到 ${m.to}`,
            en: `${m.kind} did not move from ${m.from} to ${m.to}`,
          },
        );
    }
  }
  if (e.proposal !== undefined || e.cases !== undefined) {
    const view = await h.banli.get(id);
    const proposal = mainPath(view.state.proposal);
    if (e.proposal !== undefined && !pathMatches(proposal, e.proposal))
      fail('proposal', e.proposal, proposal, { 'zh-CN': '提案状态不符', en: 'proposal state differs' });
    for (const [unit, expected] of Object.entries(e.cases ?? {})) {
      const c = view.cases.find((x) => x.caseId === caseIdFor(id, unit));
      const actual = c ? mainPath(c.value) : 'missing';
      if (!pathMatches(actual, expected))
        fail('case', expected, actual, { 'zh-CN': `办件 ${unit} 状态不符`, en: `case ${unit} state differs` });
    }
  }
  if (e.deadlines || e.noDeadlines) {
    const all = await h.banli.deadlines(id);
    const near = (d: DeadlineExpectation) =>
      all
        .filter((x) => x.kind === d.kind && (d.unit === undefined || x.caseId === caseIdFor(id, d.unit)))
        .map((x) => ({
          kind: x.kind,
          unit: unitOf(id, x.caseId),
          ...(x.unitId ? { from: x.unitId } : {}),
          due: x.due,
          status: x.status,
        }));
    for (const d of e.deadlines ?? [])
      if (!all.some((x) => matches(id, x, d)))
        fail('deadline', d, near(d), {
          'zh-CN': `没有期限 ${describeDeadline(d)}`,
          en: `no ${describeDeadline(d)} deadline`,
        });
    for (const d of e.noDeadlines ?? []) {
      const found = all.filter((x) => matches(id, x, d));
      if (found.length > 0)
        fail(
          'noDeadline',
          `no ${describeDeadline(d)}`,
          found.map((x) => ({
            kind: x.kind,
            unit: unitOf(id, x.caseId),
            ...(x.unitId ? { from: x.unitId } : {}),
            due: x.due,
            status: x.status,
          })),
          { 'zh-CN': `不应存在期限 ${describeDeadline(d)}`, en: `unexpected ${describeDeadline(d)} deadline` },
        );
    }
  }
  if (e.letters) await checkLetters(h, id, e.letters, fail);
  return out;
}

/** Checks the scenario's final expectation. */
export async function checkFinal(
  h: TestHarness,
  id: string,
  e: FinalExpectation,
  seen: Observed,
): Promise<ScenarioFailure[]> {
  const out = await checkExpectation(h, id, e, undefined, undefined, seen);
  if (e.missedDeadlines !== undefined) {
    const missed = seen.notifications.filter((n) => n.type === 'deadline.missed').length;
    if (missed !== e.missedDeadlines)
      out.push({
        check: 'missedDeadlines',
        expected: e.missedDeadlines,
        actual: missed,
        messages: { 'zh-CN': '逾期期限数不符', en: 'number of missed deadlines differs' },
      });
  }
  return out;
}
