import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Lang } from '../i18n.js';

/** One diagram: a name and its Mermaid source. */
export interface Diagram {
  name: string;
  mermaid: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown with one fenced ```mermaid block per diagram (rendered by GitHub, GitLab and most Markdown viewers). */
export function chartMarkdown(diagrams: readonly Diagram[]): string {
  return diagrams.map((d) => `## ${d.name}\n\n\`\`\`mermaid\n${d.mermaid.trimEnd()}\n\`\`\`\n`).join('\n');
}

/**
 * A self-contained HTML page that draws the diagrams in a browser with no network: the Mermaid renderer from the
 * `mermaid` package is inlined, and the source of each diagram is kept beside its picture.
 */
export async function chartHtml(diagrams: readonly Diagram[], lang: Lang): Promise<string> {
  const require = createRequire(import.meta.url);
  const script = await readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  const title = lang === 'zh-CN' ? 'banli 状态图' : 'banli state charts';
  const source = lang === 'zh-CN' ? 'Mermaid 源码' : 'Mermaid source';
  const sections = diagrams
    .map(
      (d) =>
        `<section><h2>${escapeHtml(d.name)}</h2>\n<pre class="mermaid">\n${escapeHtml(d.mermaid)}</pre>\n` +
        `<details><summary>${source}</summary><pre>${escapeHtml(d.mermaid)}</pre></details></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}section{margin-bottom:3rem}</style></head>
<body><h1>${title}</h1>
${sections}
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
<script>mermaid.initialize({ startOnLoad: true, maxTextSize: 200000, stateDiagram: { useMaxWidth: false } });</script>
</body></html>
`;
}
