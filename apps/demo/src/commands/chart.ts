import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { caseMachine, proposalMachine, toMermaid } from '@banli/core';
import { defineCommand } from '../cli/command.js';
import { CliError } from '../cli/errors.js';
import { messages } from '../i18n.js';
import { chartHtml, chartMarkdown } from '../ui/chartPage.js';
import { chartSvg } from '../ui/chartSvg.js';

/** `banli-demo chart`: both machines as Mermaid state diagrams, printed or written as a page that draws them. */
export default defineCommand({
  name: 'chart',
  order: 25,
  summary: {
    'zh-CN': '两个状态机的 Mermaid 状态图（打印，或用 --out 写成可直接打开的 HTML 页面）',
    en: 'Mermaid state diagrams of both machines (printed, or written with --out as a page to open)',
  },
  description: {
    'zh-CN':
      '不带 --out 时把 Mermaid 源码打印到 stdout，并在 stderr 提示在哪里查看。--out 文件名以 .svg 结尾时在本机画出 SVG 图片（无需浏览器和网络），以 .html 结尾时写出离线可用的 HTML 页面（内含 Mermaid 渲染器），以 .md 结尾时写出 Markdown。',
    en: 'Without --out the Mermaid source goes to stdout and stderr says where to view it. With --out ending in .svg it draws an SVG picture here (no browser, no network); ending in .html, a self-contained page that draws the diagrams offline (the Mermaid renderer is inlined); ending in .md, Markdown.',
  },
  options: {
    out: {
      type: 'string',
      value: { 'zh-CN': '文件', en: 'file' },
      description: { 'zh-CN': '写入文件（.svg、.html 或 .md）', en: 'write to a file (.svg, .html or .md)' },
    },
  },
  examples: [
    'banli-demo chart --out chart.svg',
    'banli-demo chart --out chart.html',
    'banli-demo chart > machines.mmd',
  ],
  async run({ lang, options, out, err }) {
    const t = messages[lang];
    const diagrams = [
      { name: 'proposalMachine', mermaid: toMermaid(proposalMachine) },
      { name: 'caseMachine', mermaid: toMermaid(caseMachine) },
    ];
    if (options.out === undefined) {
      for (const d of diagrams) out(`%% ${d.name}\n${d.mermaid}`);
      err.write(`${t.chartHint}\n`);
      return 0;
    }
    const ext = extname(options.out).toLowerCase();
    if (ext !== '.svg' && ext !== '.html' && ext !== '.htm' && ext !== '.md')
      throw new CliError(
        'OUTPUT',
        {
          'zh-CN': `--out 须以 .svg、.html 或 .md 结尾，收到 “${options.out}”`,
          en: `--out must end in .svg, .html or .md, got "${options.out}"`,
        },
        { command: 'chart' },
      );
    const text =
      ext === '.md'
        ? chartMarkdown(diagrams)
        : ext === '.svg'
          ? await chartSvg(diagrams, lang)
          : await chartHtml(diagrams, lang);
    await writeFile(options.out, text);
    out(t.chartWritten(resolve(options.out)));
    return 0;
  },
});
