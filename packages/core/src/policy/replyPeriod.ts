import { ChannelSchema, ProposalKindSchema, ProposerTypeSchema } from '@banli/schemas';
import { z } from 'zod';
import { CitationSchema } from './citation.js';
import { DeadlineRuleSchema } from './deadlineRule.js';

/**
 * The reply period of the items one entry matches: a kind (提案/建议), a channel (大会期间/闭会期间) and a proposer
 * type (e.g. `party`, 民主党派); an absent field matches any. A policy lists them most specific first; the first
 * entry that matches an item gives its reply period, else `periods.reply` counted from the assignment.
 *
 * @example
 * ```ts
 * // Sichuan 2024 (S14): plenary CPPCC proposals 5 months, everything else 3.
 * [{ kind: 'proposal', channel: 'session', rule: { kind: 'months', months: 5 }, citation: { source: 'S14', basis: 'sourced' } }]
 * ```
 */
export const ReplyPeriodSchema = z
  .object({
    kind: ProposalKindSchema.optional(),
    channel: ChannelSchema.optional(),
    proposerType: ProposerTypeSchema.optional(),
    rule: DeadlineRuleSchema,
    /** What the period counts from: the assignment (交办, default) or the session's closing day (session items only). */
    from: z.enum(['assignment', 'sessionClose']).optional(),
    /**
     * For a fixed-date rule: the period that applies instead when that date has already passed in the year of the
     * start (a city's "by 30 June" for items assigned after 30 June falls back to 3 months, S22).
     */
    whenPassed: DeadlineRuleSchema.optional(),
    citation: CitationSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.from === 'sessionClose' && p.channel !== 'session') {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'a period counted from the session’s closing day applies only to items filed at the session',
      });
    }
    if (p.whenPassed !== undefined && p.rule.kind !== 'fixedDate') {
      ctx.addIssue({ code: 'custom', path: ['whenPassed'], message: 'whenPassed applies to fixed-date rules only' });
    }
  });

/** The reply period of the items one entry matches. */
export type ReplyPeriod = z.infer<typeof ReplyPeriodSchema>;

/**
 * The entry of `replyPeriods` that matches an item of this kind, channel and proposer types, if any: the first that
 * matches (a policy lists them most specific first).
 *
 * @example
 * ```ts
 * replyPeriodOf(presets.chongqing.replyPeriods, { kind: 'suggestion', channel: 'session', proposerTypes: [] })?.from; // 'sessionClose'
 * ```
 */
export function replyPeriodOf(
  replyPeriods: readonly ReplyPeriod[],
  item: {
    kind: NonNullable<ReplyPeriod['kind']>;
    channel: NonNullable<ReplyPeriod['channel']>;
    proposerTypes: readonly NonNullable<ReplyPeriod['proposerType']>[];
  },
): ReplyPeriod | undefined {
  return replyPeriods.find(
    (p) =>
      (p.kind === undefined || p.kind === item.kind) &&
      (p.channel === undefined || p.channel === item.channel) &&
      (p.proposerType === undefined || item.proposerTypes.includes(p.proposerType)),
  );
}
