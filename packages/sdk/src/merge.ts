import type { RefusalReason } from '@banli/core';
import type { BanliEvent, BanliEventOf, MergedItem } from '@banli/schemas';
import type { Backdated } from './backdated.js';
import { BanliError, NotFound, TransitionRefusedError } from './errors.js';
import { type Aggregate, loadAggregate } from './internal/aggregate.js';
import { checkDateOrder } from './internal/dateOrder.js';
import { appendOf, type Engine, viewOf } from './internal/engine.js';
import { leaveOutUnchanged } from './internal/partialRow.js';
import { fromJson, type JsonObject } from './json.js';
import type { Actor } from './roles/roles.js';
import type { AppendRequest, StoredEvent } from './store/port.js';

/** Applies one machine event to an aggregate and builds its log entry (`commands.ts`'s `step`). */
type Step = (
  engine: Engine,
  agg: Aggregate,
  event: BanliEvent,
  actor: Actor,
) => { after: Aggregate; entry: StoredEvent };

// 并案 (S20, S11, S17): merged items are handled together but replied to separately. `review.merge` on an item writes
// the item into its target (`proposal.addMergedItem`, so the target's cases reply to its proposers) and ends the item
// as merged, both in one `appendAll`: no reader ever sees the target holding an item that was not merged, or the
// reverse. A refused append of either (a concurrent writer, a taken idempotency key) writes neither.

/** States of the target in which nothing may be merged into it any more. */
const ENDED = new Set(['merged', 'converted', 'rejected', 'withdrawn', 'closed', 'archived', 'answered']);

const refuse = (engine: Engine, item: Aggregate, reason: RefusalReason): never => {
  throw new TransitionRefusedError('review.merge', reason, viewOf(engine, item));
};

interface ProposalShape {
  id: string;
  title: string;
  proposers: { id: string; name: string }[];
  suggestions: { id: string }[];
}

/** The item as its target's cases carry it: its id, title, proposers and points. */
function mergedItemOf(item: Aggregate, at: string): JsonObject | undefined {
  const p = (item.handling as { proposal?: { context?: { proposal?: ProposalShape } } }).proposal?.context?.proposal;
  if (!p) return undefined;
  return {
    proposalId: p.id,
    title: p.title,
    proposers: p.proposers.map((x) => ({ id: x.id, name: x.name })),
    suggestionIds: p.suggestions.map((s) => s.id),
    mergedAt: at,
  };
}

const mergedInto = (target: Aggregate, itemId: string): boolean => {
  const ctx = (target.handling as { proposal?: { context?: { mergedItems?: { proposalId: string }[] } } }).proposal
    ?.context;
  return (ctx?.mergedItems ?? []).some((m) => m.proposalId === itemId);
};

const lifecycleOf = (engine: Engine, agg: Aggregate): string => {
  const value = engine.derive.summary(agg).value as { lifecycle?: unknown };
  return typeof value.lifecycle === 'string' ? value.lifecycle : '';
};

/** The target's side of a merge, computed before anything is written. */
export interface MergeWrite {
  /** The target's id. */
  into: string;
  /** The target's append (`proposal.addMergedItem`), to be written with the item's in one `appendAll`. */
  request: AppendRequest;
  /** The target as it will be once written. */
  after: Aggregate;
}

/** The store cannot write two streams in one transaction (no `appendAll`), so it cannot merge without stale state. */
export class MergeUnsupported extends BanliError {
  constructor() {
    super('MERGE_UNSUPPORTED', {
      'zh-CN': '所用存储不能在一个事务中写入两个办件（缺少 appendAll），无法并案',
      en: 'The store cannot write two streams in one transaction (appendAll is missing), so it cannot merge items',
    });
    this.name = 'MergeUnsupported';
  }
}

/**
 * Prepares the target's side of merging `item` into `event.into`: the target's append, to be written together with
 * the item's (`appendAll`). Refuses, with the rule named (S20): a target that does not exist (`merge.targetNotFound`),
 * one replied to already (`merge.targetReplied`) or no longer in handling (`merge.targetEnded`). Returns `undefined`
 * when the target already holds the item (merged by a release that wrote the target first) or keeps no proposal
 * context (a coordinator other than @banli/core's): then only the item is written.
 */
export async function prepareMerge(
  engine: Engine,
  item: Aggregate,
  event: { type: string; at: string; into: string },
  actor: Actor,
  backdated: Backdated | undefined,
  step: Step,
): Promise<MergeWrite | undefined> {
  const into = event.into;
  let target: Aggregate;
  try {
    target = await loadAggregate(engine.store, engine.system, engine.derive, into, engine.onSnapshotRebuild);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    return refuse(engine, item, {
      code: 'merge.targetNotFound',
      source: 'S20',
      messages: {
        'zh-CN': `并案须并入已有的提案（建议）：${into} 不存在`,
        en: `An item is merged into an existing item: ${into} does not exist`,
      },
    });
  }
  if (mergedInto(target, item.id)) return undefined;
  const stage = lifecycleOf(engine, target);
  if (ENDED.has(stage)) {
    const replied = stage === 'answered' || stage === 'closed' || stage === 'archived';
    return refuse(
      engine,
      item,
      replied
        ? {
            code: 'merge.targetReplied',
            source: 'S20',
            messages: {
              'zh-CN': `并案的提案（建议）随主办件一并办理、分别答复，须在主办件答复前并入：${into} 已经答复`,
              en: `A merged item is handled with the target and replied to separately, so it joins before the target's reply: ${into} has already been replied to`,
            },
          }
        : {
            code: 'merge.targetEnded',
            source: 'S20',
            messages: {
              'zh-CN': `${into} 已不在办理中（已并案、转意见建议、不予立案或撤回），不能再并入其他提案`,
              en: `${into} is no longer in handling (merged, converted, rejected or withdrawn): nothing can be merged into it`,
            },
          },
    );
  }
  const merged = mergedItemOf(item, event.at);
  // A coordinator other than @banli/core's keeps no proposal context to merge: only the checks above apply.
  if (!merged) return undefined;
  if (!engine.store.appendAll) throw new MergeUnsupported();
  const add: BanliEventOf<'proposal.addMergedItem'> = {
    type: 'proposal.addMergedItem',
    at: event.at,
    item: fromJson<MergedItem>(merged),
  };
  // The target's own dates run forward too; a merge entered late is declared as the item's is.
  checkDateOrder(target.facts, add, backdated, () => viewOf(engine, target));
  let after: Aggregate;
  let entry: StoredEvent;
  try {
    ({ after, entry } = step(engine, target, add, actor));
  } catch (error) {
    if (error instanceof TransitionRefusedError) return refuse(engine, item, error.reason);
    throw error;
  }
  const whole = appendOf(
    engine,
    target.lastSnapshotVersion,
    target.version,
    after,
    [entry],
    {},
    false,
    engine.cache !== undefined,
  );
  return { into, request: leaveOutUnchanged(engine.store.partialAppends, target, whole), after };
}

/**
 * The latest letter a merged item's proposers got through its target's case `caseId` (并案: replied to separately):
 * its second reply (二次答复, 跟踪办理's `followUp.reply` `mergedLetters`) once one went out, else the latest reply of the
 * handling rounds (a re-handled reply replaces the first); `undefined` when the item is not merged or that case has
 * not replied to it.
 */
export async function mergedItemLetter(engine: Engine, id: string, caseId: string): Promise<JsonObject | undefined> {
  const item = await loadAggregate(engine.store, engine.system, engine.derive, id, engine.onSnapshotRebuild);
  // A coordinator other than @banli/core's may keep no such context: then nothing is merged.
  const ctx = (item.handling as { proposal?: { context?: { decision?: { outcome: string; into?: string } } } }).proposal
    ?.context;
  const into = ctx?.decision?.outcome === 'merged' ? ctx.decision.into : undefined;
  if (into === undefined) return undefined;
  const target = await loadAggregate(engine.store, engine.system, engine.derive, into, engine.onSnapshotRebuild);
  const cases = (target.handling as { cases?: Record<string, { context?: { letters?: unknown[] } }> }).cases;
  const letters = (cases?.[caseId]?.context?.letters ?? []) as { letter: JsonObject; mergedItemId?: string }[];
  // Letters are kept in the order they went out, second replies included: the last one to this item is the latest.
  return letters.filter((l) => l.mergedItemId === id).at(-1)?.letter;
}
