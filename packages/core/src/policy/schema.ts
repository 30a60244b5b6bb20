import { BilingualSchema } from '@banli/schemas';
import { z } from 'zod';
import { CitationSchema } from './citation.js';
import { CoverageSchema } from './coverage.js';
import { DeadlineRuleSchema } from './deadlineRule.js';
import { LetterRequirementSchema } from './letterRequirement.js';
import { ReplyPeriodSchema } from './replyPeriod.js';

/** The class meaning of a reply kept for reference (留作参考): it makes no commitment. */
const REFERENCE_MEANING = '留作参考';

/** The reply classes a policy may use. */
export const ReplyClassSchema = z.enum(['A', 'B', 'C', 'D']);

/** Every period a policy sets, each a deadline rule. */
export const PolicyPeriodsSchema = z.object({
  /** Window for the unit to sign for the case or ask for an adjustment (申请调整/退办). */
  adjustmentWindow: DeadlineRuleSchema,
  /** Period for the assigning office to answer an adjustment request. */
  adjustmentAnswer: DeadlineRuleSchema.optional(),
  /** Period for the unit to sign for (签收) the case, when separate from the adjustment window. */
  acceptance: DeadlineRuleSchema.optional(),
  /** Period for the registered item to be assigned (交办). */
  assignment: DeadlineRuleSchema.optional(),
  /** Period for each co-handler's written opinion to the lead unit. */
  coOpinion: DeadlineRuleSchema,
  /** Reply period counted from the assignment, for items no entry of `replyPeriods` matches. */
  reply: DeadlineRuleSchema,
  /** Reply period for urgent items (急事快办). */
  urgentReply: DeadlineRuleSchema.optional(),
  /**
   * One extension (延期); never past `maxReply`. Months added to a reply period in months lengthen it from its start
   * (3 + 3 months from 交办 end 6 months after it, S9); any other rule counts from the current due date.
   */
  extension: DeadlineRuleSchema,
  /** Period for the proposers' feedback (征询意见表/回执). */
  feedback: DeadlineRuleSchema,
  /** Period of one re-handling round (重新办理). */
  rehandling: DeadlineRuleSchema,
  /** Period for proactive publication (主动公开) after the reply. */
  publication: DeadlineRuleSchema,
  /** Period for the first contact with the proposers. */
  firstContact: DeadlineRuleSchema.optional(),
  /** Period for the second reply on a B/C commitment (跟踪办理). */
  followUp: DeadlineRuleSchema.optional(),
});

/**
 * A locality's handling rules as data: periods, caps, class scheme and required steps.
 *
 * @example
 * ```ts
 * const policy = PolicySchema.parse({ ...presets.guangdongCity, maxExtensions: 2 });
 * ```
 */
export const PolicySchema = z
  .object({
    id: z.string().min(1),
    label: BilingualSchema,
    /** Where each rule comes from (domain.md [Sn] URLs). */
    sources: z.array(z.url()).min(1),
    periods: PolicyPeriodsSchema,
    /** Reply periods by kind, channel and proposer type, most specific first; `periods.reply` when none matches. */
    replyPeriods: z.array(ReplyPeriodSchema),
    /** The longest the reply may take, extensions included, counted from the reply period's start (S9–S14: 6 months). */
    maxReply: DeadlineRuleSchema,
    /** The kinds and channels of item the policy covers; others are refused at submission. */
    coverage: z.array(CoverageSchema).min(1),
    /** Who must sign a key (重点) item's reply: the unit's principal leader (主要负责人, S23), or any signer. */
    keyReplySigner: z.enum(['principalLeader', 'any']),
    maxExtensions: z.number().int().min(0),
    maxRehandlingRounds: z.number().int().min(0),
    classScheme: z.enum(['ABC', 'ABCD']),
    /** The meaning of each class in the scheme. */
    classMeanings: z.partialRecord(ReplyClassSchema, BilingualSchema),
    requireCountersign: z.boolean(),
    requireSupervisorReview: z.boolean(),
    requireCoOpinionsBeforeDrafting: z.boolean(),
    /** Classes whose commitments are followed up with a second reply. */
    followUpClasses: z.array(z.enum(['B', 'C', 'D'])),
    /**
     * What the locality requires of a signed reply letter, each with its citation (issue 15): checked at sign-off (a
     * refusal listing every missing field) and when a draft is submitted (a warning). Absent or empty: nothing beyond
     * a complete draft.
     */
    letterRequirements: z.array(LetterRequirementSchema).optional(),
    /**
     * The grounding of each rule, keyed by period name (`reply`, `adjustmentWindow`, …) or by the other rule names
     * (`maxTotal`, `classScheme`, `keySigner`, `coverage`…): its source and whether it is sourced or by analogy.
     */
    citations: z.record(z.string(), CitationSchema).optional(),
    /** Free-text remarks, e.g. which values are inferences. */
    notes: z.string().optional(),
  })
  .superRefine((policy, ctx) => {
    const classes = policy.classScheme === 'ABC' ? ['A', 'B', 'C'] : ['A', 'B', 'C', 'D'];
    for (const c of classes) {
      if (!policy.classMeanings[c as 'A']) {
        ctx.addIssue({ code: 'custom', path: ['classMeanings', c], message: `missing meaning of class ${c}` });
      }
    }
    for (const c of policy.followUpClasses) {
      if (!classes.includes(c)) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUpClasses'],
          message: `class ${c} is not in ${policy.classScheme}`,
        });
      }
      // 留作参考 promises nothing, so there is nothing to follow up (S8, S24; commitments are B/C replies, S10).
      if (policy.classMeanings[c]?.['zh-CN'] === REFERENCE_MEANING) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUpClasses'],
          message: `class ${c} means ${REFERENCE_MEANING} (kept for reference) and makes no commitment to follow up`,
        });
      }
    }
  });

/** A locality's handling rules. */
export type Policy = z.infer<typeof PolicySchema>;

/** The periods of a policy. */
export type PolicyPeriods = Policy['periods'];

/** The classes a policy's scheme allows, in order. */
export function policyClasses(policy: Pick<Policy, 'classScheme'>): ('A' | 'B' | 'C' | 'D')[] {
  return policy.classScheme === 'ABC' ? ['A', 'B', 'C'] : ['A', 'B', 'C', 'D'];
}
