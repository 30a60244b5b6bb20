import { LetterFieldSchema, NAMED_LETTER_FIELDS, ProposalKindSchema } from '@banli/schemas';
import { z } from 'zod';
import { CitationSchema } from './citation.js';

/**
 * One part a locality requires of a signed reply letter (issue 15): the field, the kinds of item it applies to (both
 * when absent), for 主送/抄送 the words one entry must contain (`naming`, e.g. 人大常委会 for a suggestion's reply
 * copied to the people's congress, S8), and its citation. Set in a preset only where a source says so; checked at
 * sign-off (a refusal listing every missing field) and when a draft is submitted (a warning).
 *
 * @example
 * ```ts
 * { field: 'contact', citation: { source: 'S17', basis: 'analogy', note: 'a city: 联系人及联系电话' } }
 * { field: 'copyTo', kinds: ['suggestion'], naming: ['人大常委会'], citation: { source: 'S8', basis: 'sourced' } }
 * ```
 */
export const LetterRequirementSchema = z
  .object({
    field: LetterFieldSchema,
    /** The kinds of item it applies to; absent: both. */
    kinds: z.array(ProposalKindSchema).min(1).optional(),
    /** For `addressees` and `copyTo`: one entry must contain one of these words. */
    naming: z.array(z.string().trim().min(1)).min(1).optional(),
    citation: CitationSchema,
  })
  .superRefine((r, ctx) => {
    if (r.naming !== undefined && !NAMED_LETTER_FIELDS.includes(r.field))
      ctx.addIssue({
        code: 'custom',
        path: ['naming'],
        message: `naming applies to ${NAMED_LETTER_FIELDS.join('/')} only, not ${r.field}`,
      });
  });

/** One part a locality requires of a signed reply letter. */
export type LetterRequirement = z.infer<typeof LetterRequirementSchema>;
