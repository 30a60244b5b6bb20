/** One target check of a section: what, measured, goal, and whether it was met (undefined when only reported). */
interface Target {
  name: string;
  measured: string;
  target: string;
  met: boolean | undefined;
}

/** One section of the results: a markdown table plus the target checks it makes. */
export interface Section {
  /** `N. Name`: the number places it in the report and identifies it when a run replaces only some sections. */
  title: string;
  /** Intro line(s) saying what is measured. */
  intro: string;
  header: string[];
  rows: string[][];
  /** Targets: what, measured, target, met (undefined when not measured). */
  targets: Target[];
  notes?: string[];
  /** Further tables after the first (a title line, then the table). */
  tables?: { title: string; header: string[]; rows: string[][] }[];
  /** Raw figures for the JSON results file (not rendered). */
  data?: unknown;
}

/** When and how a section was measured: printed under its heading, so sections of different runs stay told apart. */
export interface RunMeta {
  date: string;
  /** Full sizes, or a quick run's small ones. */
  quick: boolean;
  load: string;
  node: string;
  /** The commit measured (short hash, `+dirty` when the tree had changes), if known. */
  commit?: string;
}

/** Renders a markdown table. */
function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The line under a section's heading saying when and how it was measured. */
function metaLine(meta: RunMeta): string {
  const commit = meta.commit ? `, commit ${meta.commit}` : '';
  return (
    `_Measured ${meta.date} (${meta.quick ? 'quick run: small sizes, figures not comparable' : 'full sizes'}), ` +
    `load average at start ${meta.load}, Node ${meta.node}${commit}._`
  );
}

/** Renders one section; with `meta`, the line saying when it was measured follows the heading. */
export function renderSection(s: Section, meta?: RunMeta): string {
  const parts = [`## ${s.title}`, ''];
  if (meta) parts.push(metaLine(meta), '');
  parts.push(s.intro, '', table(s.header, s.rows));
  for (const t of s.tables ?? []) parts.push('', t.title, '', table(t.header, t.rows));
  if (s.notes && s.notes.length > 0) parts.push('', ...s.notes.map((n) => `- ${n}`));
  return parts.join('\n');
}

const mark = (met: boolean | undefined) => (met === undefined ? '–' : met ? '✅ met' : '❌ missed');

/** The number of a section title (`3. Validation` → 3), or undefined. */
function sectionNumber(title: string): number | undefined {
  const m = /^(\d+)\./u.exec(title.trim());
  return m ? Number(m[1]) : undefined;
}

/** A row of the targets table: the section's number first. */
export type TargetRow = { section: number; cells: string[] };

/** The targets rows of measured sections. */
function targetRows(sections: readonly Section[], quick = false): TargetRow[] {
  return sections.flatMap((s) =>
    s.targets.map((t) => ({
      section: sectionNumber(s.title) ?? 0,
      cells: [t.name, quick ? `${t.measured} (quick run)` : t.measured, t.target, mark(t.met)],
    })),
  );
}

const TARGETS_HEADER = ['§', 'target', 'measured', 'goal', ''];

/** Renders targets rows as one table, in section order. */
function renderTargetRows(rows: readonly TargetRow[]): string {
  const sorted = [...rows].sort((a, b) => a.section - b.section);
  return table(
    TARGETS_HEADER,
    sorted.map((r) => [String(r.section), ...r.cells]),
  );
}

/** Renders the targets of every section as one table. */
export function renderTargets(sections: readonly Section[]): string {
  return renderTargetRows(targetRows(sections));
}

// Reports written before targets carried their section number: each old target name and the section it came from.
const LEGACY_TARGETS: [RegExp, number][] = [
  [/^SDK send ÷ bare actor\.send/u, 1],
  [/^hand-written reducer ÷ SDK/u, 1],
  [/^per-proposal cost/u, 2],
  [/^zod share/u, 3],
  [/^snapshot bytes|^load \(snapshot/u, 4],
  [/^in-memory: one tick|^PostgreSQL|^PGlite/u, 5],
  [/^addWorkingDays/u, 6],
  [/^validation of a .* letter/u, 8],
];

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|\s?/u, '')
    .replace(/\s?\|$/u, '')
    .split(' | ');

/** Reads the rows of an existing targets table (with a § column, or the older four-column form). */
export function parseTargetRows(block: string): TargetRow[] {
  const lines = block.split('\n').filter((l) => l.trim().startsWith('|'));
  const rows: TargetRow[] = [];
  for (const line of lines.slice(2)) {
    const cells = cellsOf(line);
    if (cells.length >= 5 && /^\d+$/u.test(cells[0] ?? '')) {
      rows.push({ section: Number(cells[0]), cells: cells.slice(1) });
      continue;
    }
    const name = cells[0] ?? '';
    const legacy = LEGACY_TARGETS.find(([re]) => re.test(name));
    rows.push({ section: legacy ? legacy[1] : 0, cells });
  }
  return rows;
}

/** A report split at its `## ` headings: the text before the first, and each block with its heading. */
export function splitBlocks(doc: string): { preamble: string; blocks: { heading: string; text: string }[] } {
  const lines = doc.split('\n');
  const blocks: { heading: string; text: string }[] = [];
  const pre: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('## ')) {
      current = [line];
      blocks.push({ heading: line.slice(3).trim(), text: '' });
    } else if (current) current.push(line);
    else pre.push(line);
    const last = blocks[blocks.length - 1];
    if (last && current) last.text = current.join('\n');
  }
  return { preamble: pre.join('\n'), blocks };
}

/** The report's opening: what the file is and the environment of the latest run. */
function renderPreamble(env: { date: string; machine: string; node: string; packages: string }): string {
  return [
    '# banli benchmarks',
    '',
    'Written by `pnpm bench --write-docs` (apps/bench); do not edit by hand. Each variant runs in a fresh Node ' +
      'process of its own, the variants in an order rotated round by round; ratios are paired round by round (the ' +
      'median of the paired ratios with their min–max), so machine drift cancels. Absolute figures move with the ' +
      'machine and its load; the ratios are the claims. Each section says when it was measured: a run of some ' +
      'sections (`--only`) replaces those and keeps the others.',
    '',
    `- latest run: ${env.date}`,
    `- machine: ${env.machine}`,
    `- Node: ${env.node}`,
    `- packages: ${env.packages}`,
    '',
  ].join('\n');
}

/**
 * The report after a run: the measured sections replace the sections of the same number in `existing` (or are added
 * in number order); every other section of `existing` is kept as it was, and so are its rows in the targets table.
 */
export function mergeReport(
  existing: string | undefined,
  measured: readonly Section[],
  meta: RunMeta,
  env: { date: string; machine: string; node: string; packages: string },
): string {
  const { blocks } = splitBlocks(existing ?? '');
  const replaced = new Set(measured.map((s) => sectionNumber(s.title)));
  const numbered = new Map<number, string>();
  const others: string[] = [];
  let kept: TargetRow[] = [];
  for (const b of blocks) {
    if (b.heading === 'Targets') {
      kept = parseTargetRows(b.text).filter((r) => !replaced.has(r.section));
      continue;
    }
    const n = sectionNumber(b.heading);
    if (n === undefined) others.push(b.text.trimEnd());
    else if (!replaced.has(n)) numbered.set(n, b.text.trimEnd());
  }
  for (const s of measured) numbered.set(sectionNumber(s.title) ?? 0, renderSection(s, meta));
  const ordered = [...numbered.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  const targets = [...kept, ...targetRows(measured, meta.quick)];
  return [
    renderPreamble(env),
    '## Targets',
    '',
    renderTargetRows(targets),
    '',
    ...[...ordered, ...others].flatMap((text) => [text, '']),
  ].join('\n');
}
