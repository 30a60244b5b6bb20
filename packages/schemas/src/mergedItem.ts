import { z } from 'zod';
import { text } from './internal/fields.js';
import { isoDateField } from './isoDate.js';
import { bilingual } from './meta.js';

/**
 * An item merged into another (并案): handled with it by the same units, but replied to separately (S20, S11, S17),
 * so the target's cases carry its proposers (each gets their own letter and gives their own feedback) and its points.
 */
export const MergedItemSchema = z
  .strictObject({
    proposalId: text('并入提案标识', 'Merged item id', '并入本件的提案（建议）标识。', 'The id of the item merged in.'),
    title: text('标题', 'Title', '并入提案（建议）的标题。', 'The merged item’s title.'),
    proposers: z
      .array(
        z.strictObject({
          id: text('提出者标识', 'Proposer id', '提出者的唯一标识。', 'The proposer’s id.'),
          name: text('提出者名称', 'Proposer name', '姓名或集体名称。', 'Personal name or the body’s name.'),
        }),
      )
      .min(1)
      .meta(bilingual('提出者', 'Proposers', '并入提案的提出者，各自收到答复。', 'Its proposers, each replied to.')),
    suggestionIds: z
      .array(text('建议点标识', 'Point id', '建议点的标识。', 'A point’s id.'))
      .min(1)
      .meta(bilingual('建议点', 'Points', '答复须逐条答复的建议点。', 'The points its reply answers.')),
    mergedAt: isoDateField('并案日期', 'Merged on', '并案的日期。', 'The day it was merged.'),
  })
  .meta(
    bilingual(
      '并案提案',
      'Merged item',
      '并入本件办理、单独答复的提案（建议）。',
      'An item merged into this one: handled with it, replied to separately.',
    ),
  );

/** An item merged into another (并案), replied to separately. */
export type MergedItem = z.infer<typeof MergedItemSchema>;
