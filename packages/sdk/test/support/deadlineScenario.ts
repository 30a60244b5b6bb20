import { chinaMainland } from '@banli/calendar';
import type { Policy } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { seedAssignment132402, seedProposal132402 } from '@banli/schemas/fixtures';
import { type Banli, createBanli, createManualClock, createMemoryStore } from '../../src/index.js';
import { seedActors } from './seedBanli.js';

/** An item to run through a preset: the seed proposal with its kind, channel, proposer type and session changed. */
export interface ItemShape {
  kind: 'proposal' | 'suggestion';
  channel: 'session' | 'interSession';
  /** Make the first proposer a 民主党派 (party). */
  party?: boolean;
  /** The session's closing day. */
  closedOn?: string;
}

/** The seed proposal reshaped as `shape` says. */
export function itemOf(shape: ItemShape): Proposal {
  const proposers = seedProposal132402.proposers.map((p, i) =>
    shape.party && i === 0 ? { ...p, type: 'party' as const, name: '民革市委会' } : p,
  );
  return {
    ...seedProposal132402,
    kind: shape.kind,
    channel: shape.channel,
    proposers: shape.party ? [proposers[0] as Proposal['proposers'][number]] : proposers,
    session: { ...seedProposal132402.session, ...(shape.closedOn ? { closedOn: shape.closedOn } : {}) },
  };
}

/** A banli on `policy` with the China-mainland calendar. */
export function banliOn(policy: Policy, today = '2023-01-02'): Banli {
  return createBanli({
    store: createMemoryStore({ isolate: true }),
    policy,
    calendar: chinaMainland,
    clock: createManualClock(today),
  });
}

/** Submits, registers and assigns (on `assignedAt`) the item; returns the banli and the item. */
export async function assignItem(policy: Policy, shape: ItemShape, assignedAt: string) {
  const banli = banliOn(policy);
  const item = itemOf(shape);
  const proposer = { role: 'proposer' as const, id: (item.proposers[0] as { id: string }).id };
  const submitted = new Date(Date.parse(`${assignedAt}T00:00:00Z`) - 20 * 86400_000).toISOString().slice(0, 10);
  await banli.submit(item, { actor: proposer, at: submitted });
  await banli.send(item.id, { type: 'review.start', at: submitted }, { actor: seedActors.committee });
  await banli.send(item.id, { type: 'review.register', at: submitted }, { actor: seedActors.committee });
  await banli.send(
    item.id,
    { type: 'assignment.assign', at: assignedAt, assignment: { ...seedAssignment132402, date: assignedAt } },
    { actor: seedActors.office },
  );
  return { banli, item };
}

/** The reply deadline of the lead case after assigning the item on `assignedAt`. */
export async function replyDue(policy: Policy, shape: ItemShape, assignedAt: string) {
  const { banli, item } = await assignItem(policy, shape, assignedAt);
  const reply = (await banli.deadlines(item.id)).find((d) => d.kind === 'reply');
  if (!reply) throw new Error('no reply deadline');
  return { due: reply.due, start: reply.start, banli, item };
}
