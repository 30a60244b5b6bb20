import { isWorkingDay } from '@banli/calendar';
import { caseIdFor } from '@banli/core';
import type { Bilingual } from '@banli/schemas';
import { type Actor, BanliError, type BanliNotification, type Statistics, type StoredEvent } from '@banli/sdk';
import { resolveActor } from './actors.js';
import { BanliTestingError } from './errors.js';
import {
  formatFailures,
  formatLocation,
  type ScenarioFailure,
  type ScenarioWarning,
  type StepLocation,
} from './failures.js';
import { createTestHarness, type TestHarness } from './harness.js';
import { checkExpectation, checkFinal, type Observed } from './internal/check.js';
import { originOf, writtenPositions } from './internal/origin.js';
import { mainPath } from './internal/statePath.js';
import type { Scenario, ScenarioStep } from './scenario.js';

/** A deadline set or moved by a step. */
export interface TimelineDeadline {
  kind: string;
  caseId?: string;
  due: string;
  /** The due date before the step, when it moved. */
  previousDue?: string;
}

/** One line of a scenario's timeline. */
export interface TimelineEntry {
  /** Index of the step in the scenario. */
  step: number;
  date: string;
  /** Who acted; absent for scheduler ticks. */
  actor?: Actor;
  /** The event type, `proposal.submit` for the submission, `tick` for the scheduler. */
  event: string;
  /** The case the event targeted. */
  caseId?: string;
  /** The proposal's main state after the step, e.g. `inHandling`. */
  proposal: string;
  /** Each case's main state after the step, by case id. */
  cases: Record<string, string>;
  deadlines: TimelineDeadline[];
  /** Notification types the step produced. */
  emitted: string[];
  /** The SDK error code when the step was refused (as expected or not). */
  refused?: string;
  /** The SDK's own message when the step was refused. */
  refusedMessages?: Bilingual;
}

/** The outcome of running a scenario. */
export interface ScenarioRun {
  scenario: Scenario;
  timeline: TimelineEntry[];
  /** Every expectation that did not hold, structured (see `formatFailure`); empty when the scenario passed. */
  failures: ScenarioFailure[];
  /** Things that passed but look wrong, e.g. an official act on a rest day. */
  warnings: ScenarioWarning[];
  /** Latest reply letter per case: document number, class and the text rendering. */
  letters: Record<string, { docNumber: string; class: string; text: string }>;
  /** The SDK's statistics for the years the scenario spans. */
  statistics: Statistics;
  notifications: BanliNotification[];
  /** The proposal's stored event log, e.g. for `coverageFromHistory`. */
  history: StoredEvent[];
}

/** Options of `runScenario`. */
export interface RunScenarioOptions {
  /** Use this harness instead of a fresh one (it is not disposed). */
  harness?: TestHarness;
}

/**
 * Runs a scenario through the SDK on a simulated clock and checks every expectation.
 *
 * @example
 * ```ts
 * const run = await runScenario(seedCase132402);
 * run.failures; // []
 * ```
 */
export async function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const first = scenario.steps[0]?.on ?? '2023-01-03';
  const own = options.harness === undefined;
  const h =
    options.harness ??
    createTestHarness({
      start: first,
      ...(scenario.policy ? { policy: scenario.policy } : {}),
      ...(scenario.calendar ? { calendar: scenario.calendar } : {}),
    });
  try {
    return await drive(h, scenario);
  } finally {
    if (own) await h.dispose();
  }
}

/** Runs a scenario and throws a `BanliTestingError` listing every failed expectation. */
export async function assertScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const run = await runScenario(scenario, options);
  if (run.failures.length > 0) {
    throw new BanliTestingError('SCENARIO_FAILED', {
      'zh-CN': `场景 ${scenario.name} 未通过：\n${formatFailures(run.failures, 'zh-CN')}`,
      en: `Scenario ${scenario.name} failed:\n${formatFailures(run.failures, 'en')}`,
    });
  }
  return run;
}

async function drive(h: TestHarness, scenario: Scenario): Promise<ScenarioRun> {
  const { banli } = h;
  const id = scenario.proposal.id;
  const ctx = {
    proposers: scenario.proposal.proposers,
    ...(scenario.officeUnitId ? { officeUnitId: scenario.officeUnitId } : {}),
  };
  const notifications: BanliNotification[] = [];
  const unsubscribe = banli.subscribe((n) => {
    if (n.proposalId === id) notifications.push(n);
  });
  const timeline: TimelineEntry[] = [];
  const failures: ScenarioFailure[] = [];
  const warnings: ScenarioWarning[] = [];
  const written = writtenPositions(scenario.steps, scenario);
  let last = scenario.steps[0]?.on ?? h.today();
  for (const [index, step] of scenario.steps.entries()) {
    const at = locate(scenario, step, index, written[index] ?? index + 1);
    if ('tick' in step && step.on < last) {
      // The scheduler cannot run in the past: a tick dated before the previous step is a mistake in the scenario.
      failures.push({
        check: 'date',
        at,
        expected: `on or after ${last}`,
        actual: step.on,
        messages: { 'zh-CN': '调度器不能回到过去运行', en: 'a tick may not be dated before the previous step' },
      });
      continue;
    }
    const warning = restDayWarning(h, scenario, step, at);
    if (warning) warnings.push(warning);
    h.advanceTo(step.on);
    if (step.on > last) last = step.on;
    const seen = notifications.length;
    const entry = await runStep(h, scenario, step, index, ctx);
    entry.emitted = notifications.slice(seen).map((n) => n.type);
    timeline.push(entry);
    failures.push(...(await checkExpectation(h, id, step.expect ?? {}, entry, at)));
  }
  unsubscribe();
  const letters: ScenarioRun['letters'] = {};
  const view = await banli.get(id).catch(() => undefined);
  for (const c of view?.cases ?? []) {
    const letter = c.letter as { docNumber: string; class: string } | undefined;
    if (letter)
      letters[c.caseId] = { docNumber: letter.docNumber, class: letter.class, text: await banli.letter(id, c.caseId) };
  }
  const years = [scenario.steps[0]?.on ?? last, last].map((d) => d.slice(0, 4));
  const statistics = await banli.statistics({ from: `${years[0]}-01-01`, to: `${years[1]}-12-31`, asOf: last });
  const observed: Observed = { notifications, timeline };
  if (scenario.outcome) failures.push(...(await checkFinal(h, id, scenario.outcome, observed)));
  const history = await banli.history(id).catch(() => []);
  return { scenario, timeline, failures, warnings, letters, statistics, notifications, history };
}

function locate(scenario: Scenario, step: ScenarioStep, index: number, written: number): StepLocation {
  const origin = originOf(step, scenario);
  const event = 'tick' in step ? 'tick' : 'submit' in step ? 'proposal.submit' : step.send.type;
  const by = 'by' in step ? (typeof step.by === 'string' ? step.by : `${step.by.role}:${step.by.id}`) : undefined;
  const kase = 'case' in step ? step.case : undefined;
  return {
    step: index + 1,
    written,
    ...(origin.helper ? { helper: origin.helper } : {}),
    ...(origin.line ? { line: origin.line } : {}),
    date: step.on,
    event,
    ...(by ? { by } : {}),
    ...(kase ? { case: kase } : {}),
  };
}

// Proposers may act on any day; every other actor is an office acting on working days (ticks are not acts).
function restDayWarning(
  h: TestHarness,
  scenario: Scenario,
  step: ScenarioStep,
  at: StepLocation,
): ScenarioWarning | undefined {
  if ('tick' in step || step.restDay || scenario.restDays === 'allowed') return undefined;
  const by = typeof step.by === 'string' ? step.by.split(':')[0] : step.by.role;
  if (by === 'proposer' || by === 'system') return undefined;
  try {
    if (isWorkingDay(h.calendar, step.on)) return undefined;
  } catch {
    return undefined; // a date the calendar does not cover: the SDK reports that itself
  }
  const where = formatLocation(at);
  return {
    code: 'restDay',
    at,
    messages: {
      'zh-CN': `${step.on} 是休息日，却有公务行为（${where}）；若属实请在该步写 restDay: true`,
      en: `${step.on} is a rest day but an office acts on it (${where}); write restDay: true on the step if that is real`,
    },
  };
}

async function runStep(
  h: TestHarness,
  scenario: Scenario,
  step: ScenarioStep,
  index: number,
  ctx: Parameters<typeof resolveActor>[1],
): Promise<TimelineEntry> {
  const id = scenario.proposal.id;
  // A step may act on another item the scenario put on file; the timeline keeps showing the scenario's proposal.
  const target = 'send' in step && step.proposalId ? step.proposalId : id;
  const base = { step: index, date: step.on, deadlines: [] as TimelineDeadline[], emitted: [] as string[] };
  if ('tick' in step) {
    await h.tick(step.on);
    return { ...base, event: 'tick', ...(await states(h, id)) };
  }
  const actor = resolveActor(step.by, ctx);
  const caseId = 'case' in step && step.case ? caseIdFor(target, step.case) : undefined;
  const event = 'submit' in step ? 'proposal.submit' : step.send.type;
  try {
    const result =
      'submit' in step
        ? await h.banli.submit(step.proposal ?? scenario.proposal, { actor, at: step.on, draft: step.draft ?? false })
        : await h.banli.send(
            target,
            { at: step.on, ...step.send, ...(caseId ? { caseId } : {}) },
            { actor, ...(step.backdated ? { backdated: step.backdated } : {}) },
          );
    const deadlines = result.deadlineChanges.map((d) => ({
      kind: d.kind,
      due: d.newDue,
      ...(d.caseId ? { caseId: d.caseId } : {}),
      ...(d.oldDue ? { previousDue: d.oldDue } : {}),
    }));
    return { ...base, actor, event, ...(caseId ? { caseId } : {}), deadlines, ...(await states(h, id)) };
  } catch (error) {
    if (!(error instanceof BanliError)) throw error;
    return {
      ...base,
      actor,
      event,
      ...(caseId ? { caseId } : {}),
      refused: error.code,
      refusedMessages: { 'zh-CN': error.messages['zh-CN'], en: error.messages.en },
      ...(await states(h, id)),
    };
  }
}

async function states(h: TestHarness, id: string): Promise<{ proposal: string; cases: Record<string, string> }> {
  const view = await h.banli.get(id).catch(() => undefined);
  if (!view) return { proposal: '', cases: {} };
  const cases: Record<string, string> = {};
  for (const c of view.cases) cases[c.caseId] = mainPath(c.value);
  return { proposal: mainPath(view.state.proposal), cases };
}
