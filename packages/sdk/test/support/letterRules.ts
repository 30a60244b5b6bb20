// The setup the letter rule tests share (rule 15's letter requirements and follow-up letters, rule 6's merged
// letters): every preset × kind pair, the requirements that apply, a letter stripped of fields, and an item driven
// into handling or into 跟踪办理 on a preset. One definition each, so the rule files only state their rule.
import type { LetterRequirement, Policy } from '@banli/core';
import type { LetterField, ReplyLetter } from '@banli/schemas';
import { expect } from 'vitest';
import type { Banli } from '../../src/index.js';
import {
  actors,
  caseOf,
  caseState,
  type Kind,
  kindsOf,
  PRESET_NAMES,
  type PresetName,
  rate,
  reply,
  ruleBanli,
  ruleItem,
  toHandling,
} from './rules.js';

/** Every preset with each kind of item it covers, as `[preset, kind]` for `describe.each`. */
export const PRESET_KINDS = PRESET_NAMES.flatMap((preset) => kindsOf(preset).map((kind) => [preset, kind] as const));

/** The letter requirements of `policy` that apply to `kind`, in policy order. */
export const requiredOf = (policy: Policy, kind: Kind): LetterRequirement[] =>
  (policy.letterRequirements ?? []).filter((r) => r.kinds === undefined || r.kinds.includes(kind));

/** The printed keys that hold each field a letter may be required to print. */
const KEYS: Record<LetterField, (keyof ReplyLetter)[]> = {
  docNumber: ['docNumber', 'printedDocNumber'],
  classMark: ['classMark'],
  title: ['title'],
  reference: ['reference'],
  addressees: ['addressees'],
  opening: ['opening'],
  closing: ['closing'],
  issuingUnit: ['issuingUnit'],
  signer: ['signatories'],
  contact: ['contacts'],
  disclosure: ['disclosure'],
  date: ['date', 'dateText'],
  copyTo: ['copyTo'],
  imprint: ['imprint'],
};

/** The letter with every key that prints one of `fields` removed (a letter as a township prints it). */
export function withoutFields(letter: ReplyLetter, fields: readonly LetterField[]): ReplyLetter {
  const out: Record<string, unknown> = { ...letter };
  for (const f of fields) for (const key of KEYS[f]) delete out[key];
  return out as ReplyLetter;
}

/** A banli on `preset` (or `policy`) with its rule item of `kind` accepted by the lead unit (2024-03-05). */
export async function inHandling(preset: PresetName, kind: Kind, policy?: Policy) {
  const { banli, policy: used } = ruleBanli(preset, policy);
  const item = ruleItem(kind);
  await toHandling(banli, item);
  return { banli, policy: used, item };
}

/**
 * A B reply (a commitment) signed off on 2024-04-16 and, unless `rated` is false, rated satisfied by both proposers
 * on 2024-04-20: the case waits in 跟踪办理 (`followUp`) for its second reply, or in `awaitingFeedback`.
 */
export async function inFollowUp(preset: PresetName, kind: Kind, options: { policy?: Policy; rated?: boolean } = {}) {
  const handled = await inHandling(preset, kind, options.policy);
  await reply(handled.banli, handled.item, 'B');
  if (options.rated ?? true) await rate(handled.banli, handled.item, 'satisfied');
  expect(await caseState(handled.banli, handled.item.id)).toContain(
    (options.rated ?? true) ? 'followUp' : 'awaitingFeedback',
  );
  return handled;
}

/** The lead unit sends the second reply (二次答复) of the item's case. */
export const sendFollowUp = (banli: Banli, id: string, letter: ReplyLetter, at = '2024-10-08') =>
  banli.send(id, { type: 'followUp.reply', at, caseId: caseOf(id), letter }, { actor: actors.lead });
