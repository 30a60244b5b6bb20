import { type LetterBlock, type LetterInput, letterBlocks } from './model.js';

/** Output formats of `renderLetter`. */
export type LetterFormat = 'text' | 'markdown' | 'html';

/**
 * Renders a reply letter as plain text laid out like a printed 答复函 (one block per paragraph, blank lines between),
 * as Markdown, or as an HTML fragment with every field escaped.
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
  return `${blocks.map((b) => b.text).join('\n\n')}\n`;
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
    if (role === 'title') return `  <h1 class="banli-title">${t}</h1>`;
    if (role === 'heading') return `  <h2 class="banli-heading">${t}</h2>`;
    return `  <p class="banli-${role}">${t}</p>`;
  });
  return `<article class="banli-letter" lang="zh-CN">\n${lines.join('\n')}\n</article>\n`;
}
