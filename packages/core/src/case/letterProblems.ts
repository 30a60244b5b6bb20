import {
  classMarkProblem,
  hasLetterField,
  type LetterProblem,
  letterKindProblems,
  missingFieldProblem,
  type ReplyClass,
  type ReplyLetter,
} from '@banli/schemas';
import { rememberBounded } from '../internal/boundedMemo.js';
import type { LetterRequirement } from '../policy/letterRequirement.js';

/** What a letter is checked against: the item's kind, the policy's requirements and the effective class. */
export interface LetterCheckOptions {
  /** The kind of item the letter answers. */
  kind: 'proposal' | 'suggestion';
  /** The policy's `letterRequirements` (absent: none). */
  requirements?: readonly LetterRequirement[] | undefined;
  /** The class the letter goes out with: the supervisor's when they changed it, else the letter's own. */
  effectiveClass?: ReplyClass | undefined;
}

/**
 * Everything a signed reply letter lacks or gets wrong for its locality and kind, in one list (issue 15 items 1 and 3,
 * issue 13.11): each required field it does not print (the requirements of its kind, with their sources), wording of
 * the other kind of item (a suggestion's reply addressed to 委员 or copied to 政协, a proposal's to 代表), and a printed
 * class mark that disagrees with the effective class. Empty when the letter may be signed. The case machine refuses
 * `signOff.approve` while this is not empty and emits it as `reply.draftFlagged` when a draft is submitted.
 *
 * @example
 * ```ts
 * letterProblems(letter, { kind: 'suggestion', requirements: presets.nationalNpc.letterRequirements, effectiveClass: 'B' });
 * ```
 */
export function letterProblems(letter: ReplyLetter, options: LetterCheckOptions): LetterProblem[] {
  // A letter is checked once per kind, requirements and class while it is recent: the draft submitted is checked by
  // the submission's guard and by its `reply.draftFlagged`, and the sign-off guard (and its refusal) reuse that list
  // when they come soon after, instead of reading 20 KB again.
  let memo = checked.get(letter);
  const hit = memo?.find(
    (m) =>
      m.kind === options.kind && m.requirements === options.requirements && m.effectiveClass === options.effectiveClass,
  );
  if (hit) return hit.problems.slice();
  const problems = check(letter, options);
  if (memo === undefined) memo = rememberBounded(checked, letter, [], MAX_CHECKED, 'oldest');
  // Built whole, not spread from the options: one hidden class for every entry.
  memo.push({
    kind: options.kind,
    requirements: options.requirements,
    effectiveClass: options.effectiveClass,
    problems,
  });
  return problems.slice();
}

// Letters are never mutated (contexts and events are immutable data), so a check's result holds as long as the letter.
// The last few letters checked, by identity, oldest first: bounded and strong, never a WeakMap, because letters live in
// stored contexts as long as the store does, and a WeakMap keyed by them held one ephemeron per stored letter for every
// full collection to mark (issue 19, scaling). A sign-off long after its draft reads the letter again.
const MAX_CHECKED = 16;
const checked = new Map<ReplyLetter, (LetterCheckOptions & { problems: LetterProblem[] })[]>();

function check(letter: ReplyLetter, options: LetterCheckOptions): LetterProblem[] {
  const found: LetterProblem[] = [];
  for (const r of options.requirements ?? []) {
    if (r.kinds !== undefined && !r.kinds.includes(options.kind)) continue;
    if (!hasLetterField(letter, r.field, r.naming))
      found.push(missingFieldProblem(r.field, r.naming, r.citation.source));
  }
  found.push(...letterKindProblems(letter, options.kind));
  const mark = classMarkProblem(letter, options.effectiveClass ?? letter.class);
  if (mark) found.push(mark);
  return found;
}
