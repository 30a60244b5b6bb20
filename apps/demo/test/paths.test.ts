import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './support.js';

const tmp = mkdtempSync(join(tmpdir(), 'banli-demo-chart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('banli-demo paths', () => {
  it('should print full coverage and the path counts of both machines', () => {
    const r = cli('paths', '--lang', 'en');
    expect(r.code).toBe(0);
    const proposal = r.stdout.match(/^proposal +(\d+)\/(\d+) +(\d+)\/(\d+) +100\.0% +(\d+) +(\d+)$/m);
    const kase = r.stdout.match(/^case +(\d+)\/(\d+) +(\d+)\/(\d+) +100\.0% +(\d+) +—$/m);
    expect(proposal?.[1]).toBe(proposal?.[2]);
    expect(kase?.[3]).toBe(kase?.[4]);
    expect(Number(proposal?.[6])).toBeGreaterThan(Number(proposal?.[5]));
    expect(r.stdout).toContain('Every state and every transition');
    expect(r.stdout).toContain('Coverage by the 10 scenario fixtures (run through the SDK)');
  });

  it('should name uncovered transitions by their labels, not raw keys', () => {
    const en = cli('paths', '--lang', 'en');
    expect(en.stdout).toMatch(/^ {2}Under review —Convert \(review\.convert\)→ Converted$/m);
    expect(en.stdout).not.toMatch(/\|/);
    const zh = cli('paths');
    expect(zh.stdout).toMatch(/^ {2}审查中 —转为意见建议 \(review\.convert\)→ 转意见建议$/m);
  });
});

describe('banli-demo chart', () => {
  it('should print both Mermaid state diagrams and say on stderr where to view them', () => {
    const r = cli('chart');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^stateDiagram-v2$/gm)).toHaveLength(2);
    expect(r.stdout).toContain('case_lifecycle_handling --> case_lifecycle_drafting : case.startDrafting');
    expect(r.stderr).toMatch(/mermaid\.live/);
    expect(r.stderr).toMatch(/--out chart\.html/);
  });

  it('should write a self-contained HTML page that draws both diagrams with --out chart.html', () => {
    const file = join(tmp, 'chart.html');
    const r = cli('chart', '--out', file, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${file} (open it in a browser)\n`);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<pre class="mermaid">\nstateDiagram-v2/g)).toHaveLength(2);
    expect(html).toContain('case_lifecycle_handling --&gt; case_lifecycle_drafting : case.startDrafting');
    // The renderer is inlined (no network): the page carries mermaid's own code and starts it.
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('mermaid.initialize({ startOnLoad: true');
  });

  it('should draw both diagrams as one SVG picture with --out chart.svg, with nothing fetched from elsewhere', () => {
    const file = join(tmp, 'chart.svg');
    const r = cli('chart', '--out', file, '--lang', 'en');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${file} (open it in a browser)\n`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    // The outer picture and one drawn diagram per machine, each under its name.
    expect(svg.match(/<svg\b/g)).toHaveLength(3);
    expect(svg).toContain('>proposalMachine</text>');
    expect(svg).toContain('>caseMachine</text>');
    // Drawn, not quoted: state labels are laid out as text, transitions as paths.
    expect(svg).toContain('已提交 Submitted');
    expect(svg).toContain('review.start');
    // Nested (composite) states are titled by their bilingual names, as leaf states are, never by their ids.
    for (const label of ['提案/建议 Proposal', '办理流程 Lifecycle', '期限 Timeliness', '已答复 Replied'])
      expect(svg, label).toContain(`>${label}</text>`);
    expect(svg.match(/>(?:proposal|case)(?:_[A-Za-z]+)*<\/text>/g) ?? []).toEqual([]);
    expect(svg.match(/<polyline\b/g)?.length ?? 0).toBeGreaterThan(20);
    expect(svg).not.toContain('stateDiagram-v2');
    // No web font or other remote resource: only the SVG namespace is a URL.
    expect(svg).not.toMatch(/@import/);
    expect(svg.match(/https?:\/\/[^"')\s]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
  });

  it('should write Markdown with --out chart.md and refuse other extensions', () => {
    const md = join(tmp, 'chart.md');
    expect(cli('chart', '--out', md).code).toBe(0);
    expect(readFileSync(md, 'utf8').match(/^```mermaid$/gm)).toHaveLength(2);
    const bad = cli('chart', '--out', join(tmp, 'chart.png'), '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --out must end in \.svg, \.html or \.md/);
  });
});
