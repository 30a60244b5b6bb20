import { z } from 'zod';

/**
 * How a preset's value is grounded: `sourced` (the source sets it for this body), `analogy` (a source for another
 * body or level, applied by analogy), `inference` (no source sets it; a reasoned default) or `noSource` (no source
 * is held at all; the value is a placeholder the integrator must confirm).
 */
export const CitationBasisSchema = z.enum(['sourced', 'analogy', 'inference', 'noSource']);

/** The grounding of one rule of a policy: its domain.md source number (`S9`) and how it applies. */
export const CitationSchema = z.object({
  /** The domain.md source number, e.g. `S22`; absent when no source is held. */
  source: z
    .string()
    .regex(/^S\d+$/)
    .optional(),
  basis: CitationBasisSchema,
  /** What the source says or why the value is an analogy or inference. */
  note: z.string().optional(),
});

/** The grounding of one rule of a policy. */
export type Citation = z.infer<typeof CitationSchema>;

/** How a rule is grounded. */
export type CitationBasis = z.infer<typeof CitationBasisSchema>;
