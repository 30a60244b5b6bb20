/** One section of the results: a markdown table plus the target checks it makes. */
export interface Section {
  title: string;
  /** Intro line(s) saying what is measured. */
  intro: string;
  header: string[];
  rows: string[][];
  /** Targets: what, measured, target, met (undefined when not measured). */
  targets: { name: string; measured: string; target: string; met: boolean | undefined }[];
  notes?: string[];
}

/** Renders a markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Renders one section. */
export function renderSection(s: Section): string {
  const parts = [`## ${s.title}`, '', s.intro, '', table(s.header, s.rows)];
  if (s.notes && s.notes.length > 0) parts.push('', ...s.notes.map((n) => `- ${n}`));
  return parts.join('\n');
}

const mark = (met: boolean | undefined) => (met === undefined ? '–' : met ? '✅ met' : '❌ missed');

/** Renders the targets of every section as one table. */
export function renderTargets(sections: Section[]): string {
  const rows = sections.flatMap((s) => s.targets.map((t) => [t.name, t.measured, t.target, mark(t.met)]));
  return table(['target', 'measured', 'goal', ''], rows);
}
