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
  return renderBlocks(letterBlocks(letter), format);
}

/** Renders laid-out blocks (of a reply letter or a co-unit's opinion letter) as text, Markdown or HTML. */
export function renderBlocks(blocks: LetterBlock[], format: LetterFormat = 'text'): string {
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

// ASCII punctuation that can start or delimit Markdown/GFM syntax anywhere in a line (CommonMark §2.4 lets a backslash
// escape any ASCII punctuation).
const MD_SPECIAL = /[\\`*_[\]<>#|~&!]/g;
// Bare URLs and e-mail addresses that GFM's autolink extension would turn into links (`https://…`, `www.…`, `a@b.c`).
const AUTOLINK = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s`<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
// What makes a line a block of its own at its start: list markers, setext underlines, thematic breaks, ordered lists.
const LINE_START = /^([-+=])|^(\d{1,9})([.)])/;

/** A code span holding text literally (no links, no emphasis); `AUTOLINK` matches never contain a backtick. */
function literal(text: string): string {
  return `\`${text}\``;
}

/** Escapes one line: inline syntax anywhere, block syntax at its start, leading indentation, bare URLs. */
function escapeMarkdownLine(line: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  let rest = line.slice(indent.length);
  // Leading spaces would make an indented code block: as character references they are text, not indentation.
  const lead = indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;');
  const out: string[] = [];
  let last = 0;
  for (const m of rest.matchAll(AUTOLINK)) {
    out.push(
      rest.slice(last, m.index).replace(MD_SPECIAL, (c) => `\\${c}`),
      literal(m[0]),
    );
    last = m.index + m[0].length;
  }
  out.push(rest.slice(last).replace(MD_SPECIAL, (c) => `\\${c}`));
  rest = out.join('');
  rest = rest.replace(LINE_START, (_, mark: string | undefined, digits: string, dot: string) =>
    mark === undefined ? `${digits}\\${dot}` : `\\${mark}`,
  );
  return lead + rest;
}

/**
 * Escapes user text for Markdown (CommonMark and GFM) so it renders literally and cannot restructure the document:
 * every line is escaped on its own (list markers, headings and setext underlines, quotes, fences, tables, thematic
 * breaks, indentation), bare URLs and e-mail addresses become code spans (text, never links), and line breaks inside
 * the text become hard line breaks, so a field stays one block however many lines it has.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '&#32;' : escapeMarkdownLine(line)))
    .join('\\\n');
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
