import { chinaMainland } from '@banli/calendar';
import type { BanliEvent } from '@banli/schemas';
import { fixtures, seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { expect } from 'vitest';
import { TransitionRefusedError } from '../../src/errors.js';
import { presets } from '../../src/policy/presets/index.js';
import type { Policy } from '../../src/policy/schema.js';
import { createHandlingSystem } from '../../src/system/createHandlingSystem.js';
import type { HandlingState, HandlingSystem, Notification } from '../../src/system/types.js';

export const seedProposal = seedProposal132402;
export const seedAssignment = seedAssignment132402;
export const seedLetter = seedReplyLetter132402;
export const units = fixtures.seedUnits;
export const leadCaseId = `${seedProposal.id}/${units.zsCommerce.id}`;

/** A sole assignment of the seed proposal to 市商务局. */
export const soleAssignment = { ...seedAssignment, mode: 'sole' as const, coUnits: [] };

/** Drives a system through events, collecting notifications. */
export class Driver {
  state: HandlingState;
  emitted: Notification[] = [];
  constructor(
    readonly system: HandlingSystem,
    at = '2023-02-20',
  ) {
    this.state = system.start({ proposal: seedProposal, at });
  }
  send(event: BanliEvent): this {
    const r = this.system.send(this.state, event);
    this.state = r.state;
    this.emitted.push(...r.emitted);
    return this;
  }
  can(event: BanliEvent): boolean {
    return this.system.can(this.state, event);
  }
  get summary() {
    return this.system.summary(this.state);
  }
  deadline(kind: string, caseId?: string) {
    return this.system
      .deadlines(this.state)
      .filter((d) => d.kind === kind && (caseId === undefined || d.caseId === caseId));
  }
}

/** Sends an event core must refuse; expects a `TransitionRefusedError` and the state left as it was, and returns it. */
export function refusal(d: Driver, event: BanliEvent): TransitionRefusedError {
  const before = d.state;
  let error: unknown;
  try {
    d.send(event);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TransitionRefusedError);
  expect(d.state).toBe(before);
  return error as TransitionRefusedError;
}

export function seedSystem(policy: Policy = presets.guangdongCity): HandlingSystem {
  return createHandlingSystem({ policy, calendar: chinaMainland });
}

/** Submit, review, register (on the given dates). */
export function intake(d: Driver, registerAt = '2023-03-01'): Driver {
  return d
    .send({ type: 'proposal.submit', at: '2023-02-20' })
    .send({ type: 'review.start', at: '2023-02-21' })
    .send({ type: 'review.register', at: registerAt });
}

export const proposerIds = seedProposal.proposers.map((p) => p.id);

/** Registers and assigns the seed proposal to 市商务局 alone, accepted on 2023-03-16. */
export function soleCase(policy?: Policy): Driver {
  const d = intake(new Driver(seedSystem(policy)));
  d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: soleAssignment });
  return d.send({ type: 'case.accept', at: '2023-03-16', caseId: leadCaseId });
}

/** Drafts, signs off and issues the seed letter on `at` (the case must be handling or re-handling). */
export function reply(d: Driver, at: string, letter = seedLetter): Driver {
  return d
    .send({ type: 'case.startDrafting', at, caseId: leadCaseId })
    .send({ type: 'reply.submitDraft', at, caseId: leadCaseId, letter })
    .send({ type: 'signOff.approve', at, caseId: leadCaseId, signer: '局长', principal: true });
}

/** Every proposer rates the reply; the first one with `level`, the others satisfied. */
export function rate(d: Driver, at: string, level: 'satisfied' | 'dissatisfied'): Driver {
  proposerIds.forEach((proposerId, i) => {
    const feedback =
      i === 0 && level === 'dissatisfied'
        ? { proposerId, level, comment: '措施不具体', date: at }
        : { proposerId, level: 'satisfied' as const, date: at };
    d.send({ type: 'feedback.submit', at, caseId: leadCaseId, feedback });
  });
  return d;
}
