import { z } from 'zod';
import { text } from './internal/fields.js';
import { bilingual } from './meta.js';
import { ProposalKindSchema } from './proposal.js';

/**
 * The item a letter answers, as printed: “市政协十三届二次会议第132402号提案” or “县十六届人大一次会议第3号建议”.
 * The kind, 届 (term), 次 (session) and number are read from the printed text when it states them.
 */
export const ItemReferenceSchema = z
  .strictObject({
    kind: ProposalKindSchema.optional(),
    printed: text('原文', 'As printed', '所答复事项的原文称引。', 'The reference as printed.'),
    term: z
      .number()
      .int()
      .min(1)
      .meta(bilingual('届', 'Term', '届次，如十三届。', 'The term, e.g. 13.'))
      .optional(),
    session: z
      .number()
      .int()
      .min(1)
      .meta(bilingual('次', 'Session', '会议次数，如二次会议。', 'The session, e.g. 2.'))
      .optional(),
    number: text('编号', 'Number', '提案或建议编号，如“132402”。', 'The item number, e.g. 132402.').optional(),
  })
  .meta(bilingual('答复事项', 'Item answered', '答复函所答复的提案或建议。', 'The proposal or suggestion answered.'));

/** The item a letter answers. */
export type ItemReference = z.infer<typeof ItemReferenceSchema>;
