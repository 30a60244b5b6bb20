import { formatChineseDate } from '@banli/core';
import type { CoHandlingOpinion } from '@banli/schemas';
import { contactLine, type LetterBlock, recipients } from './model.js';
import { type LetterFormat, renderBlocks } from './render.js';

/**
 * Lays a co-unit's opinion letter (会办意见函) out as a 函 to the lead unit, printing what it has and nothing it
 * lacks: its number, title, the lead unit as addressee, the opinion one paragraph a line, the closing, the co-unit's
 * name and date, its sign-off lines and contacts, and 抄送.
 */
export function opinionBlocks(opinion: CoHandlingOpinion): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  const push = (role: LetterBlock['role'], text: string | undefined) => {
    if (text !== undefined && text.trim() !== '') blocks.push({ role, text });
  };
  push('docNumber', opinion.docNumber ?? opinion.printedDocNumber?.text);
  push('title', opinion.title);
  push('addressees', `${opinion.toUnit.name}：`);
  for (const p of opinion.text.split(/\r\n|\r|\n/u)) push('paragraph', p.trim());
  push('closing', opinion.closing);
  push('signature', opinion.fromUnit.name);
  push('date', opinion.dateText ?? formatChineseDate(opinion.date));
  for (const s of opinion.signatories ?? []) push('signatory', `${s.label}：${s.name}`);
  for (const c of opinion.contacts ?? []) push('contact', contactLine(c));
  if (opinion.copyTo) push('copyTo', recipients('抄送', opinion.copyTo));
  return blocks;
}

/**
 * Renders a co-unit's opinion letter (会办意见函) as text laid out like a printed 函, as Markdown, or as an HTML
 * fragment with every field escaped — the same layout rules as `renderLetter`.
 *
 * @example
 * ```ts
 * const text = renderOpinion(fixtures.sampleCoHandlingOpinion, 'text');
 * ```
 */
export function renderOpinion(opinion: CoHandlingOpinion, format: LetterFormat = 'text'): string {
  return renderBlocks(opinionBlocks(opinion), format);
}
