import { chinaMainland } from '@banli/calendar';
import { createHandlingSystem, type ProposalContext } from '@banli/core';
import { type BanliOptions, createBanli, createManualClock, createMemoryStore, type Store } from '@banli/sdk';
import { type Actor, type AnyMachineSnapshot, createActor } from 'xstate';
import { cpuMsSince } from './harness.js';
import { caseInput, cm, type Emitted, pm, policy, proposalInput, reusedScope, toProposalEvent } from './machines.js';
import { createReducer } from './reducer.js';
import { actors, idOf, lifecycle, proposalFor } from './workload.js';

/**
 * Prepared lifecycles: ids, proposals and commands, built outside the timed region. Each lifecycle's data is its own
 * deep copy, as a caller's input is (parsed from a request): lifecycles sharing one letter object would let a variant
 * that keeps its input (the SDK without validation, which logs the event as given) keep one letter for all of them,
 * where a validating one keeps a parsed copy per command, and the difference would be counted as validation.
 */
export function prepare(n: number, offset = 0) {
  return Array.from({ length: n }, (_, i) => {
    const id = idOf(offset + i);
    return structuredClone({ id, proposal: proposalFor(id), commands: lifecycle(id) });
  });
}
type Prepared = ReturnType<typeof prepare>;

/**
 * How the SDK runs: whole (`sdk`), or with one part of a command left out, to measure that part's share in place:
 * validation (zod) and authorisation through the SDK's measurement switches, persistence with a store that discards
 * appends (the SDK's aggregate cache serves the next command, so nothing is read back).
 */
export const SDK_MODES = ['sdk', 'sdk-novalidation', 'sdk-noauthorization', 'sdk-nopersistence'] as const;
/** One SDK mode. */
export type SdkMode = (typeof SDK_MODES)[number];

/** The key of the SDK's measurement switches (`@banli/sdk` internal/measurement.ts; not public API). */
const MEASUREMENT_KEY = Symbol.for('@banli/sdk.measurement');

/**
 * An in-memory store whose appends write nothing and whose reads find nothing: what a command costs without
 * persistence. Only usable with the SDK's cache on (every command after the first finds its aggregate there).
 */
function discardingStore(): Store {
  const inner = createMemoryStore();
  return { ...inner, append: async (request) => ({ version: request.expectedVersion + request.events.length }) };
}

/** The boundary's validation an SDK hands the benchmark (`exposeBoundary`, sdk src/internal/measurement.ts). */
interface BoundaryValidation {
  proposal(input: unknown): unknown;
  event(input: unknown): unknown;
}

/** The SDK options of a mode. */
function sdkOptions(mode: SdkMode): BanliOptions {
  const base: BanliOptions = {
    store: mode === 'sdk-nopersistence' ? discardingStore() : createMemoryStore(),
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
  };
  if (mode === 'sdk-novalidation') return { ...base, [MEASUREMENT_KEY]: { skipValidation: true } } as BanliOptions;
  if (mode === 'sdk-noauthorization')
    return { ...base, [MEASUREMENT_KEY]: { skipAuthorization: true } } as BanliOptions;
  return base;
}

/**
 * An SDK of one mode on its own store, run lifecycle by lifecycle: `run(w)` sends one prepared lifecycle (`submit` as a
 * draft, then its 12 `send`s), checks that it ended archived, and answers the commands sent (13). With `cpuUs`, each
 * command's CPU time of the process (µs) is added to it, in the lifecycle's order.
 */
export function sdkLifecycles(
  mode: SdkMode = 'sdk',
  paced = false,
): { run(w: Prepared[number], cpuUs?: number[]): Promise<number> } {
  // `paced` (a diagnostic): after each command, untimed, the SDK's boundary validates that command's input too, so a
  // process running this SDK without validation beside one with it runs validation's code as often as the rest.
  let validation: BoundaryValidation | undefined;
  const options = sdkOptions(mode);
  const switches = (options as { [MEASUREMENT_KEY]?: object })[MEASUREMENT_KEY];
  const expose = (v: BoundaryValidation) => {
    validation = v;
  };
  const banli = createBanli(
    paced ? ({ ...options, [MEASUREMENT_KEY]: { ...switches, exposeBoundary: expose } } as BanliOptions) : options,
  );
  return {
    async run(w, cpuUs) {
      let cpu = cpuUs ? process.cpuUsage() : undefined;
      await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
      if (cpu) cpuUs?.push(cpuMsSince(cpu) * 1000);
      validation?.proposal(w.proposal);
      let commands = 1;
      let last: Awaited<ReturnType<typeof banli.send>> | undefined;
      for (const [event, actor] of w.commands) {
        if (cpuUs) cpu = process.cpuUsage();
        last = await banli.send(w.id, event, { actor });
        if (cpu) cpuUs?.push(cpuMsSince(cpu) * 1000);
        validation?.event(event);
        commands++;
      }
      const state = last?.state.proposal;
      const value = state && typeof state === 'object' && !Array.isArray(state) ? state.lifecycle : state;
      if (value !== 'archived') throw new Error(`${mode} ended in ${JSON.stringify(state)}`);
      return commands;
    },
  };
}

/** The SDK on its in-memory store: `submit` (draft) + 12 `send`s per lifecycle; returns the commands sent. */
export async function sdkRun(work: Prepared, mode: SdkMode = 'sdk'): Promise<number> {
  const sdk = sdkLifecycles(mode);
  let commands = 0;
  for (const w of work) commands += await sdk.run(w);
  return commands;
}

/** Bare xstate actors of the same core machines: one proposal actor plus one per opened case, emissions forwarded. */
export function actorRun(work: Prepared): number {
  let events = 0;
  for (const w of work) {
    const queue: Emitted[] = [];
    const p = createActor(pm, { input: proposalInput(w.proposal, '2023-02-20') });
    p.on('*', (n) => queue.push(n as Emitted));
    p.start();
    events++;
    const cases = new Map<string, Actor<typeof cm>>();
    const drain = () => {
      while (queue.length > 0) {
        const n = queue.shift() as Emitted;
        if (n.type === 'case.opened') {
          const c = createActor(cm, { input: caseInput(n as never, p.getSnapshot().context as ProposalContext) });
          c.on('*', (m) => {
            const e = toProposalEvent(m as never);
            if (e) queue.push({ type: '__toProposal', at: e.at, event: e });
          });
          cases.set(n.caseId as string, c);
          c.start();
        } else if (n.type === '__toProposal') p.send(n.event as never);
      }
    };
    for (const [event] of w.commands) {
      const caseId = event.caseId as string | undefined;
      if (caseId) cases.get(caseId)?.send(event as never);
      else p.send(event as never);
      drain();
      events++;
    }
    for (const c of cases.values()) c.stop();
    p.stop();
  }
  return events;
}

/** @banli/core's coordinator alone (`createHandlingSystem().send` over JSON state): no validation, roles or store. */
export function coreRun(work: Prepared): number {
  const system = createHandlingSystem({ policy, calendar: chinaMainland });
  let events = 0;
  for (const w of work) {
    let state = system.start({ proposal: w.proposal as never, at: '2023-02-20' });
    events++;
    for (const [event] of w.commands) {
      state = system.send(state, event as never).state;
      events++;
    }
  }
  return events;
}

/** Pure `machine.transition(snapshot, event, scope)` with one reused scope per machine, coordinated the same way. */
export function scopeRun(work: Prepared): number {
  const ps = reusedScope(pm);
  const cs = reusedScope(cm);
  let events = 0;
  for (const w of work) {
    let [proposal, queue] = ps.initial(proposalInput(w.proposal, '2023-02-20'));
    events++;
    const cases = new Map<string, AnyMachineSnapshot>();
    const drain = (first: Emitted[]) => {
      const pending = [...first];
      while (pending.length > 0) {
        const n = pending.shift() as Emitted;
        if (n.type === 'case.opened') {
          const [c, out] = cs.initial(caseInput(n as never, proposal.context as ProposalContext));
          cases.set(n.caseId as string, c);
          pending.push(...out);
          continue;
        }
        const e = n.caseId ? toProposalEvent(n as never) : undefined;
        if (e && proposal.can(e as never)) {
          const [next, out] = ps.transition(proposal, e);
          proposal = next;
          pending.push(...out);
        }
      }
    };
    drain(queue);
    for (const [event] of w.commands) {
      const caseId = event.caseId as string | undefined;
      if (caseId) {
        const [next, out] = cs.transition(cases.get(caseId) as AnyMachineSnapshot, event);
        cases.set(caseId, next);
        queue = out;
      } else {
        const [next, out] = ps.transition(proposal, event);
        proposal = next;
        queue = out;
      }
      drain(queue);
      events++;
    }
  }
  return events;
}

/** The hand-written reducer over the same states and events: the practical limit. */
export function reducerRun(work: Prepared): number {
  const reducer = createReducer(chinaMainland, policy);
  let events = 0;
  for (const w of work) {
    let state = reducer.start(w.proposal, '2023-02-20');
    events++;
    for (const [event] of w.commands) {
      state = reducer.send(state, event).state;
      events++;
    }
    if (state.value !== 'archived') throw new Error(`reducer ended in ${state.value}`);
  }
  return events;
}
