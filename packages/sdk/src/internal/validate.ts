import {
  type BanliEvent,
  BanliEventSchema,
  fastLetterEventParser,
  formatIssues,
  isRealIsoDate,
  type Proposal,
  ProposalSchema,
} from '@banli/schemas';
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';

// Valid input takes zod's generated fast path (`z.compile`); invalid input is parsed again by the runtime parser, which
// builds the issues. Events are compiled one schema per `type`, on first use: a compiled discriminated union tries its
// options in turn, while the `type` names the one schema to run. (Every event schema compiles: the deadline rule an
// event carries is written out level by level, with no `z.lazy` cycle, which would make `z.compile` hand the schema
// back uncompiled; a test holds this.)
const compiledEvents = new Map<string, z.ZodType>();
const eventSchemas = new Map<string, z.ZodType>(
  BanliEventSchema.options.map((option) => [option.shape.type.value, option as z.ZodType]),
);
const compiledProposal = z.compile(ProposalSchema);

function eventParser(type: unknown): z.ZodType | undefined {
  if (typeof type !== 'string') return undefined;
  let compiled = compiledEvents.get(type);
  if (compiled === undefined) {
    const schema = eventSchemas.get(type);
    if (schema === undefined) return undefined;
    compiled = z.compile(schema);
    compiledEvents.set(type, compiled);
  }
  return compiled;
}

function issuesOf(error: z.ZodError, schema: z.core.$ZodType, input: unknown): ValidationIssue[] {
  const zh = formatIssues(error, 'zh-CN', { schema, input });
  const en = formatIssues(error, 'en', { schema, input });
  return zh.map((issue, i) => ({
    path: issue.path,
    code: issue.code,
    messages: { 'zh-CN': issue.message, en: en[i]?.message ?? issue.message },
  }));
}

/** What parsing made of an input: the parsed value, or the zh-CN/en issues to refuse it with. */
export type Parsed<T> = { success: true; data: T } | { success: false; issues: ValidationIssue[] };

/**
 * The event parsed by its type's hand-written parser (the events that carry letters: `fastLetterEventParser`) or
 * compiled schema; `undefined` when that refuses it (or the type is unknown).
 */
export function fastParseEvent(input: unknown): BanliEvent | undefined {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  // A 20 KB letter costs zod several times what the rest of `reply.submitDraft` costs (issues 15 and 19).
  const letters = fastLetterEventParser(type);
  if (letters !== undefined) return letters(input);
  const fast = eventParser(type)?.safeParse(input);
  return fast?.success ? (fast.data as BanliEvent) : undefined;
}

/** Parses an event with @banli/schemas' `BanliEventSchema`, returning the issues instead of throwing. */
function safeParseEvent(input: unknown): Parsed<BanliEvent> {
  const fast = fastParseEvent(input);
  return fast !== undefined ? { success: true, data: fast } : runtimeParseEvent(input);
}

/** The runtime parser on the whole `BanliEventSchema` (what names the fields of a refused event). */
export function runtimeParseEvent(input: unknown): Parsed<BanliEvent> {
  const result = BanliEventSchema.safeParse(input);
  if (result.success) return result;
  return { success: false, issues: issuesOf(result.error, BanliEventSchema, input) };
}

/** Parses an event with @banli/schemas' `BanliEventSchema`; throws `ValidationError` with zh-CN/en issues. */
export function parseEvent(input: unknown, state?: unknown): BanliEvent {
  const parsed = safeParseEvent(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.issues, state);
}

/** Parses a proposal with `ProposalSchema`, returning the zod error instead of throwing. */
export function safeParseProposal(input: unknown) {
  return compiledProposal.safeParse(input);
}

/** The zh-CN/en issues of a proposal `ProposalSchema` refused (`error` from {@link safeParseProposal}). */
export function proposalIssues(error: z.ZodError, input: unknown): ValidationIssue[] {
  return issuesOf(error, ProposalSchema, input);
}

/** Parses a proposal with `ProposalSchema`; throws `ValidationError`. */
export function parseProposal(input: unknown): Proposal {
  const result = safeParseProposal(input);
  if (result.success) return result.data;
  throw new ValidationError(proposalIssues(result.error, input));
}

/**
 * The `proposal.submit` event a `submit` that is not a draft steps the new proposal with, built from what was checked
 * already: the channel of the proposal the boundary parsed and the command's date (`options.at`, checked with the
 * arguments, or the clock's). Nothing in it is untrusted, so it is not parsed again (issue 19: every input is validated
 * once, at the boundary; the event's schema ran on every such submit).
 */
export function submitEventOf(at: string, channel: Proposal['channel']): BanliEvent {
  return withCommandDate({ type: 'proposal.submit', at, channel }, at);
}

/**
 * A parsed event (or one built from parsed parts) dated `at`, the command's date (its keys in their order), without
 * parsing it again: no event rule reads `at` with another field. A date the event's schema would refuse can only come
 * from the clock (a year before 100, or after 9999: `businessDate` then prints no `YYYY-MM-DD`): that event is parsed,
 * so the command is refused as the schema refuses it.
 */
export function withCommandDate(event: BanliEvent, at: string): BanliEvent {
  const dated = event.at === at ? event : { ...event, at };
  return isRealIsoDate(at) ? dated : parseEvent(dated);
}
