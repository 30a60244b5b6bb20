import { ChannelSchema, ProposalKindSchema } from '@banli/schemas';
import { z } from 'zod';
import { CitationBasisSchema } from './citation.js';

/**
 * One kind of item (and optionally one channel) a policy covers, and how: `sourced` when its sources are about
 * these items, `analogy` when rules for other items are applied to them, `inference` when no source covers them.
 * Items a policy does not cover are refused at submission.
 *
 * @example
 * ```ts
 * { kind: 'proposal', basis: 'analogy', source: 'S13', note: 'Chongqing NPC rules applied to CPPCC proposals' }
 * ```
 */
export const CoverageSchema = z.object({
  kind: ProposalKindSchema,
  /** Absent: both channels. */
  channel: ChannelSchema.optional(),
  basis: CitationBasisSchema,
  source: z
    .string()
    .regex(/^S\d+$/)
    .optional(),
  note: z.string().optional(),
});

/** One kind of item a policy covers, and how. */
export type Coverage = z.infer<typeof CoverageSchema>;

/** The entry of `coverage` that covers an item of this kind and channel, if any. */
export function coverageOf(
  coverage: readonly Coverage[],
  item: { kind: Coverage['kind']; channel: NonNullable<Coverage['channel']> },
): Coverage | undefined {
  return coverage.find((c) => c.kind === item.kind && (c.channel === undefined || c.channel === item.channel));
}
