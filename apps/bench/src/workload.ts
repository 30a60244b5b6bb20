import type { ReplyLetter } from '@banli/schemas';
import {
  seedLifecycle132402,
  seedLifecycleActors132402,
  seedProposal132402,
  seedReplyLetter132402,
} from '@banli/schemas/fixtures';
import type { Actor } from '@banli/sdk';

/** An SDK actor (role and id). */
export type BenchActor = Actor;

/** One command of a lifecycle: the event and who sends it. */
export type Command = [event: { type: string; at: string; [key: string]: unknown }, actor: BenchActor];

/** The committee, the assigning office, the lead unit's clerk and its director (the fixture's actors). */
export const actors = seedLifecycleActors132402 satisfies Record<string, BenchActor>;

/** The proposal of lifecycle `i`: the seed proposal 132402 under a new id. */
export function proposalFor(id: string) {
  return { ...seedProposal132402, id };
}

/** The id of proposal `i`. */
export const idOf = (i: number): string => `p${String(i).padStart(7, '0')}`;

/** The unit case id of a proposal. */
export const caseIdOf = (id: string): string => `${id}/zs-commerce`;

/**
 * The 12 commands after creation of one whole lifecycle (submit → register → assign → accept → draft → sign off →
 * three proposers' feedback → archive), the seed letter 132402 as the reply: 13 commands with the creation. The
 * fixture `seedLifecycle132402` of `@banli/schemas/fixtures`, which the SDK's snapshot tests run too.
 */
export function lifecycle(id: string): Command[] {
  return seedLifecycle132402(id);
}

/** Commands per lifecycle, the creation included. */
export const COMMANDS_PER_LIFECYCLE = lifecycle('x').length + 1;

/** What each command of a lifecycle is, in its order: the creation (`submit`, as a draft), then each event's type. */
export const COMMAND_NAMES: readonly string[] = ['submit (proposal, draft)', ...lifecycle('x').map(([e]) => e.type)];

/**
 * The seed letter 132402 grown to at least `bytes` bytes of JSON (UTF-8): its own answer paragraphs repeated in each
 * response's body, so it stays a valid reply to the seed proposal (every point still answered) and reads like one.
 */
export function letterOfSize(bytes: number): ReplyLetter {
  const size = (l: ReplyLetter) => Buffer.byteLength(JSON.stringify(l));
  const responses = (seedReplyLetter132402.responses ?? []).map((r) => ({ ...r, body: [...r.body] }));
  const letter: ReplyLetter = { ...seedReplyLetter132402, responses };
  const paragraphs = responses.flatMap((r) => r.body);
  for (let i = 0; size(letter) < bytes; i++) {
    const r = responses[i % responses.length];
    r?.body.push(paragraphs[i % paragraphs.length] as string);
  }
  return letter;
}
