import type { Calendar } from '@banli/calendar';
import type { BanliEvent } from '@banli/schemas';
import type { CaseEvent } from '../case/events.js';
import { caseMachine as defaultCaseMachine } from '../case/machine.js';
import { BanliCoreError, TransitionRefusedError } from '../errors.js';
import { createCompiledStepper } from '../internal/engine/compiledStepper.js';
import { persistLive, restoreLive } from '../internal/engine/liveSnapshots.js';
import { assertVersion, versionOf } from '../internal/engine/persist.js';
import { createStepper, type StepAction, type StepperFallback, type TakenStep } from '../internal/engine/stepper.js';
import { takeHandedOver } from '../internal/handedOver.js';
import { copyIdRecord } from '../internal/idRecord.js';
import { copyJson } from '../internal/objects.js';
import { type Policy, PolicySchema } from '../policy/schema.js';
import type { ProposalEmitted } from '../proposal/emitted.js';
import type { ProposalEvent } from '../proposal/events.js';
import { proposalMachine as defaultProposalMachine } from '../proposal/machine.js';
import { calendarResolver, withCalendar } from '../withCalendar.js';
import { caseInputFrom, toProposalEvent } from './caseInput.js';
import { engineOption } from './engineOption.js';
import { explainRefusal } from './explainRefusal.js';
import { proposalInputFrom } from './proposalInput.js';
import { route } from './routing.js';
import { allDeadlines, summarize } from './selectors.js';
import type {
  EngineFallback,
  HandlingState,
  HandlingSystem,
  HandlingSystemOptions,
  Notification,
  SendResult,
  StartInput,
  StartResult,
  TakenTransition,
} from './types.js';

type Step = { to: 'proposal'; event: ProposalEvent } | { to: 'case'; caseId: string; event: CaseEvent };

/**
 * Creates the coordinator that drives the proposal machine and its case machines purely over JSON state.
 *
 * @example
 * ```ts
 * const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
 * let state = system.start({ proposal: seedProposal132402, at: '2023-02-20' });
 * ({ state } = system.send(state, { type: 'proposal.submit', at: '2023-02-20' }));
 * system.summary(state).value; // { lifecycle: 'submitted', timeliness: 'onTime' }
 * ```
 */
export function createHandlingSystem(options: HandlingSystemOptions): HandlingSystem {
  const policy = parsePolicy(options.policy);
  const calendar: Calendar = options.calendar;
  const pm = withCalendar(options.proposalMachine ?? defaultProposalMachine, calendar);
  const cm = withCalendar(options.caseMachine ?? defaultCaseMachine, calendar);
  const machine = versionOf(pm);
  const caseVersion = versionOf(cm);
  const engine = engineOption(options.engine);
  let fallbacks = 0;
  const onFallback = (fallback: StepperFallback) => {
    fallbacks++;
    options.onFallback?.(fallback as EngineFallback);
  };
  const stepperOf = (m: typeof pm | typeof cm) =>
    engine === 'xstate' ? createStepper(m) : createCompiledStepper(m, { onFallback });
  const proposalStep = stepperOf(pm);
  const caseStep = stepperOf(cm);

  const check = (state: HandlingState) => {
    assertVersion(machine, state.machine);
    assertVersion(caseVersion, state.caseMachine);
  };

  // Integrator-provided plain actions run here; built-in ones (assign, emit) are data.
  const collect = (actions: StepAction[], out: Notification[]) => {
    for (const a of actions) {
      if (a.type === 'xstate.emit') out.push((a.params as { event: Notification }).event);
      else if (!a.type.startsWith('xstate.') && a.exec) a.exec(a.info, a.params);
    }
  };

  const can = (state: HandlingState, event: BanliEvent): boolean => {
    check(state);
    const r = route(state, event);
    // The stepper's selection (on the compiled engine, a guard asked by several transitions is asked once).
    if (r.to === 'proposal') return proposalStep.accepts(restoreLive(pm, state.proposal), event);
    if (r.to === 'case') return caseStep.accepts(restoreLive(cm, state.cases[r.caseId] as never), event);
    return false;
  };

  const send = (state: HandlingState, event: BanliEvent): SendResult => {
    check(state);
    const r = route(state, event);
    if (r.to === 'none') throw refusal(state, event, r);
    let proposal = restoreLive(pm, state.proposal);
    // Cases are restored when an event reaches them; untouched ones keep their persisted state as is.
    let cases: Map<string, ReturnType<typeof restoreLive>> | undefined;
    const emitted: Notification[] = [];
    const transitions: TakenTransition[] = [];
    const queue: Step[] = [
      r.to === 'case'
        ? { to: 'case', caseId: r.caseId, event: event as CaseEvent }
        : { to: 'proposal', event: event as ProposalEvent },
    ];
    // A refused first step refuses the event; later (internal) steps are skipped when not accepted.
    for (let i = 0; i < queue.length; i++) {
      const step = queue[i] as Step;
      let out: StepAction[];
      if (step.to === 'proposal') {
        const result = proposalStep.transitionIfAccepted(proposal, step.event);
        if (!result) {
          if (i === 0) throw refusal(state, event, r);
          continue;
        }
        proposal = result[0] as typeof proposal;
        out = result[1];
        taken(result[2], undefined, transitions);
      } else {
        let current = cases?.get(step.caseId);
        if (current === undefined) {
          const persisted = state.cases[step.caseId];
          if (persisted) {
            current = restoreLive(cm, persisted);
            cases ??= new Map();
            cases.set(step.caseId, current);
          }
        }
        const result = current && caseStep.transitionIfAccepted(current, step.event);
        if (!result) {
          if (i === 0) throw refusal(state, event, r);
          continue;
        }
        (cases as Map<string, typeof current>).set(step.caseId, result[0] as typeof current);
        out = result[1];
        taken(result[2], step.caseId, transitions);
      }
      // Integrator-provided plain actions run first, in order; built-in ones (assign, emit) are data. Then what the
      // step emitted, in order: each notification may queue steps or open a case.
      for (const a of out)
        if (a.type !== 'xstate.emit' && !a.type.startsWith('xstate.') && a.exec) a.exec(a.info, a.params);
      for (const a of out) {
        if (a.type !== 'xstate.emit') continue;
        const n = (a.params as { event: Notification }).event;
        emitted.push(n);
        translate(n, queue);
        if (n.type === 'case.opened') {
          const [snap, actions, steps] = caseStep.initial(caseInputFrom(n, proposal.context));
          cases ??= new Map();
          cases.set(n.caseId, snap as ReturnType<typeof restoreLive>);
          collect(actions, emitted);
          taken(steps, n.caseId, transitions);
        }
      }
    }
    // Keyed by case ids: copied onto a root class of its own (`copyIdRecord`), not `{}`'s (issue 19, scaling).
    const persisted = copyIdRecord(state.cases);
    if (cases) for (const [id, s] of cases) persisted[id] = persistLive(cm, s);
    return {
      state: { machine, caseMachine: caseVersion, proposal: persistLive(pm, proposal), cases: persisted },
      emitted,
      transitions,
    };
  };

  const refusal = (state: HandlingState, event: BanliEvent, r: ReturnType<typeof route>) =>
    new TransitionRefusedError(
      event.type,
      explainRefusal(state, event, r, { proposal: pm, case: cm }, calendarResolver(calendar)),
      undefined,
      summarize(state, pm, cm).value,
    );

  const begin = (input: StartInput): StartResult => {
    // The caller's proposal is copied, so later edits to it never leak into the state (as JSON, without the text);
    // a proposal handed over (`handOver`: the SDK's parse, already the command's own copy) is taken as it is.
    const proposal = takeHandedOver(input.proposal) ? input.proposal : copyJson(input.proposal);
    const [snapshot, , steps] = proposalStep.initial(proposalInputFrom({ ...input, proposal }, policy, calendar));
    const transitions: TakenTransition[] = [];
    taken(steps, undefined, transitions);
    return {
      state: { machine, caseMachine: caseVersion, proposal: persistLive(pm, snapshot), cases: {} },
      transitions,
    };
  };

  return {
    policy,
    proposalMachine: pm,
    caseMachine: cm,
    start: (input) => begin(input).state,
    begin,
    can,
    send,
    deadlines: (state) => {
      check(state);
      return allDeadlines(state);
    },
    summary: (state) => {
      check(state);
      return summarize(state, pm, cm);
    },
    stats: () => ({
      engine,
      compiled: { proposal: proposalStep.compiled, case: caseStep.compiled },
      fallbacks,
    }),
  };
}

/** Appends the transitions one machine took, as plain data naming its state nodes by id. */
function taken(steps: readonly TakenStep[], caseId: string | undefined, out: TakenTransition[]): void {
  for (const { event, transition: t } of steps) {
    const source = t.source.id;
    const eventType = t.eventType;
    const targets = t.target ? t.target.map((n) => n.id) : [];
    // Built whole, one literal per shape (no spread of a temporary object per transition).
    out.push(
      caseId === undefined
        ? { machine: 'proposal', source, eventType, targets, event }
        : { machine: 'case', caseId, source, eventType, targets, event },
    );
  }
}

/** Queues the internal steps a notification triggers: case events for withdrawals and merges, proposal events for case news. */
function translate(n: Notification, queue: Step[]): void {
  if (n.type === 'proposal.withdrawn') {
    const e = n as Extract<ProposalEmitted, { type: 'proposal.withdrawn' }>;
    for (const caseId of e.caseIds) {
      queue.push({
        to: 'case',
        caseId,
        event: { type: 'case.terminate', at: e.at, caseId, reason: 'proposal.withdrawn' },
      });
    }
    return;
  }
  if (n.type === 'proposal.signatureWithdrawn') {
    const e = n as Extract<ProposalEmitted, { type: 'proposal.signatureWithdrawn' }>;
    for (const caseId of e.caseIds) {
      queue.push({
        to: 'case',
        caseId,
        event: { type: 'case.dropProposer', at: e.at, caseId, proposerId: e.proposerId },
      });
    }
    return;
  }
  if (n.type === 'proposal.itemMerged') {
    const e = n as Extract<ProposalEmitted, { type: 'proposal.itemMerged' }>;
    for (const caseId of e.caseIds) {
      queue.push({ to: 'case', caseId, event: { type: 'case.addMergedItem', at: e.at, caseId, item: e.item } });
    }
    return;
  }
  if (!('caseId' in n)) return;
  const event = toProposalEvent(n as never);
  if (event) queue.push({ to: 'proposal', event });
}

function parsePolicy(input: Policy): Policy {
  const result = PolicySchema.safeParse(input);
  if (result.success) return result.data;
  const paths = result.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
  throw new BanliCoreError(
    'invalid_policy',
    { 'zh-CN': `办理规则无效：${paths}`, en: `Invalid policy: ${paths}` },
    { cause: result.error },
  );
}
