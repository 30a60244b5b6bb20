import { renderMermaidSVGAsync } from 'beautiful-mermaid';
import type { Lang } from '../i18n.js';
import type { Diagram } from './chartPage.js';
import { labelCompositeStates } from './compositeLabels.js';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The renderer's SVG asks for its font from Google Fonts (`@import url(https://fonts.googleapis.com/…)`); the picture
// must open with no network, so the import is dropped and the system's CJK fonts draw the labels.
const FONT = 'Noto Sans CJK SC';
const REMOTE_IMPORT = /@import url\([^)]*\);?/g;
const TITLE_HEIGHT = 36;
const GAP = 24;

/**
 * Both diagrams drawn as one SVG picture, here, in Node (beautiful-mermaid lays out Mermaid state diagrams with ELK,
 * no browser and no DOM): each diagram under its name, one above the other, nested states under their bilingual
 * names (see `labelCompositeStates`). Nothing in it is fetched from elsewhere.
 */
export async function chartSvg(diagrams: readonly Diagram[], lang: Lang): Promise<string> {
  const title = lang === 'zh-CN' ? 'banli 状态图' : 'banli state charts';
  let y = TITLE_HEIGHT;
  let width = 0;
  const parts: string[] = [];
  for (const d of diagrams) {
    const svg = (await renderMermaidSVGAsync(labelCompositeStates(d.mermaid), { font: FONT })).replace(
      REMOTE_IMPORT,
      '',
    );
    const size = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
    const w = Math.ceil(Number(size?.[1] ?? 800));
    const h = Math.ceil(Number(size?.[2] ?? 600));
    parts.push(
      `<text x="16" y="${y + 24}" font-size="20" font-family="${FONT}, sans-serif">${escapeXml(d.name)}</text>`,
      svg.replace(/^<svg\b/, `<svg x="0" y="${y + TITLE_HEIGHT}"`),
    );
    y += TITLE_HEIGHT + h + GAP;
    width = Math.max(width, w);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="26" font-size="24" font-family="${FONT}, sans-serif">${escapeXml(title)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
