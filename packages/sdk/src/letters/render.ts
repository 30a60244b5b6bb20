import { type LetterBlock, type LetterInput, letterBlocks } from './model.js';

/** Output formats of `renderLetter`. */
export type LetterFormat = 'text' | 'markdown' | 'html';

/**
 * Renders a reply letter as plain text laid out like a printed 答复函 (class mark right, heading centred, paragraphs
 * indented two characters, signature and date right; blank lines between blocks), as Markdown, or as an HTML fragment
 * with every field escaped.
 *
 * @example
 * ```ts
 * const text = renderLetter(letter, 'text');
 * ```
 */
export function renderLetter(letter: LetterInput, format: LetterFormat = 'text'): string {
  const blocks = letterBlocks(letter);
  if (format === 'markdown') return toMarkdown(blocks);
  if (format === 'html') return toHtml(blocks);
  return `${blocks.map(layoutLine).join('\n\n')}\n`;
}

/** Characters per line of an official document page (GB/T 9704-2012: 28 characters per line). */
const LINE_WIDTH = 28;
const IDEOGRAPHIC_SPACE = '\u3000';
const CENTERED = new Set(['issuer', 'docNumber', 'title']);
const RIGHT = new Set(['classMark', 'signature', 'date']);
const INDENTED = new Set(['paragraph', 'heading', 'statement', 'closing']);

/** Display width in full-width characters: ASCII counts as half. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return w;
}

function layoutLine({ role, text }: LetterBlock): string {
  const free = Math.max(0, Math.floor(LINE_WIDTH - width(text)));
  if (CENTERED.has(role)) return IDEOGRAPHIC_SPACE.repeat(Math.floor(free / 2)) + text;
  // 成文日期 and the signature sit right, four characters in from the margin; the class mark sits at the right edge.
  if (RIGHT.has(role)) return IDEOGRAPHIC_SPACE.repeat(Math.max(0, free - (role === 'classMark' ? 0 : 4))) + text;
  if (INDENTED.has(role)) return IDEOGRAPHIC_SPACE.repeat(2) + text;
  return text;
}

const MD_SPECIAL = /[\\`*_[\]<>#|~]/g;

/** Escapes Markdown syntax in user text so it renders literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MD_SPECIAL, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/, '$1\\.$2');
}

function toMarkdown(blocks: LetterBlock[]): string {
  const md = blocks.map(({ role, text }) => {
    const t = escapeMarkdown(text);
    switch (role) {
      case 'classMark':
        return `*${t}*`;
      case 'issuer':
        return `**${t}**`;
      case 'title':
        return `# ${t}`;
      case 'heading':
        return `## ${t}`;
      case 'statement':
        return `**${t}**`;
      case 'printedBy':
        return `---\n\n${t}`;
      default:
        return t;
    }
  });
  return `${md.join('\n\n')}\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

function toHtml(blocks: LetterBlock[]): string {
  const lines = blocks.map(({ role, text }) => {
    const t = escapeHtml(text);
    const align = CENTERED.has(role)
      ? ' style="text-align:center"'
      : RIGHT.has(role)
        ? ' style="text-align:right"'
        : '';
    if (role === 'title') return `  <h1 class="banli-title"${align}>${t}</h1>`;
    if (role === 'heading') return `  <h2 class="banli-heading">${t}</h2>`;
    return `  <p class="banli-${role}"${align}>${t}</p>`;
  });
  return `<article class="banli-letter" lang="zh-CN">\n${lines.join('\n')}\n</article>\n`;
}
