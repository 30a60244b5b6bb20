import { chinaMainland } from '@banli/calendar';
import { createHandlingSystem, type ProposalContext } from '@banli/core';
import { createBanli, createManualClock, createMemoryStore } from '@banli/sdk';
import { type Actor, type AnyMachineSnapshot, createActor } from 'xstate';
import { type Rate, rateSince, startRate } from './harness.js';
import { caseInput, cm, type Emitted, pm, policy, proposalInput, reusedScope, toProposalEvent } from './machines.js';
import { createReducer } from './reducer.js';
import { actors, idOf, lifecycle, proposalFor } from './workload.js';

/** Prepared lifecycles: ids, proposals and commands, built outside the timed region. */
export function prepare(n: number, offset = 0) {
  return Array.from({ length: n }, (_, i) => {
    const id = idOf(offset + i);
    return { id, proposal: proposalFor(id), commands: lifecycle(id) };
  });
}
type Prepared = ReturnType<typeof prepare>;

/** The SDK on its in-memory store: `submit` (draft) + 12 `send`s per lifecycle; returns commands per second. */
export async function sdkRun(work: Prepared): Promise<Rate> {
  const banli = createBanli({
    store: createMemoryStore(),
    policy,
    calendar: chinaMainland,
    clock: createManualClock('2023-02-20'),
  });
  let commands = 0;
  const t0 = startRate();
  for (const w of work) {
    await banli.submit(w.proposal, { actor: actors.committee, draft: true, at: '2023-02-20' });
    commands++;
    for (const [event, actor] of w.commands) {
      await banli.send(w.id, event, { actor });
      commands++;
    }
  }
  return rateSince(commands, t0);
}

/** Bare xstate actors of the same core machines: one proposal actor plus one per opened case, emissions forwarded. */
export function actorRun(work: Prepared): Rate {
  let events = 0;
  const t0 = startRate();
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
  return rateSince(events, t0);
}

/** @banli/core's coordinator alone (`createHandlingSystem().send` over JSON state): no validation, roles or store. */
export function coreRun(work: Prepared): Rate {
  const system = createHandlingSystem({ policy, calendar: chinaMainland });
  let events = 0;
  const t0 = startRate();
  for (const w of work) {
    let state = system.start({ proposal: w.proposal as never, at: '2023-02-20' });
    events++;
    for (const [event] of w.commands) {
      state = system.send(state, event as never).state;
      events++;
    }
  }
  return rateSince(events, t0);
}

/** Pure `machine.transition(snapshot, event, scope)` with one reused scope per machine, coordinated the same way. */
export function scopeRun(work: Prepared): Rate {
  const ps = reusedScope(pm);
  const cs = reusedScope(cm);
  let events = 0;
  const t0 = startRate();
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
  return rateSince(events, t0);
}

/** The hand-written reducer over the same states and events: the practical limit. */
export function reducerRun(work: Prepared): Rate {
  const reducer = createReducer(chinaMainland, policy);
  let events = 0;
  const t0 = startRate();
  for (const w of work) {
    let state = reducer.start(w.proposal, '2023-02-20');
    events++;
    for (const [event] of w.commands) {
      state = reducer.send(state, event).state;
      events++;
    }
    if (state.value !== 'archived') throw new Error(`reducer ended in ${state.value}`);
  }
  return rateSince(events, t0);
}
