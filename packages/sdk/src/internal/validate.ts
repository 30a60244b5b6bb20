import { type BanliEvent, BanliEventSchema, formatIssues, type Proposal, ProposalSchema } from '@banli/schemas';
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';

// Compiled once: valid input takes zod's generated fast path; invalid input falls back to the runtime parser (same issues).
const compiledEvent = z.compile(BanliEventSchema);
const compiledProposal = z.compile(ProposalSchema);

function issuesOf(error: z.ZodError, schema: z.core.$ZodType, input: unknown): ValidationIssue[] {
  const zh = formatIssues(error, 'zh-CN', { schema, input });
  const en = formatIssues(error, 'en', { schema, input });
  return zh.map((issue, i) => ({
    path: issue.path,
    code: issue.code,
    messages: { 'zh-CN': issue.message, en: en[i]?.message ?? issue.message },
  }));
}

/** Parses an event with @banli/schemas' `BanliEventSchema`; throws `ValidationError` with zh-CN/en issues. */
export function parseEvent(input: unknown, state?: unknown): BanliEvent {
  const result = compiledEvent.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(issuesOf(result.error, BanliEventSchema, input), state);
}

/** Parses a proposal with `ProposalSchema`; throws `ValidationError`. */
export function parseProposal(input: unknown): Proposal {
  const result = compiledProposal.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(issuesOf(result.error, ProposalSchema, input));
}
