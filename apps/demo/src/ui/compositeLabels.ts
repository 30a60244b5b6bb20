/**
 * Gives composite states their labels in the layout the SVG renderer reads. `toMermaid` writes a composite state as
 * `state "提案/建议 Proposal" as proposal` followed by `state proposal {`, which Mermaid itself draws with the label;
 * beautiful-mermaid reads a label only on the opening line (`state "…" as id {`) and otherwise titles the box with the
 * id (`proposal_lifecycle`). This joins each such pair into one opening line, so every nested state is drawn under
 * its bilingual name; a composite with no label line keeps its id's last path segment (`lifecycle`). Other lines are
 * left as they are.
 */
export function labelCompositeStates(mermaid: string): string {
  const lines = mermaid.split('\n');
  const labels = new Map<string, string>();
  for (const line of lines) {
    const alias = /^\s*state\s+"([^"]+)"\s+as\s+([\w\p{L}]+)\s*$/u.exec(line);
    if (alias?.[1] && alias[2]) labels.set(alias[2], alias[1]);
  }
  const composites = new Set<string>();
  for (const line of lines) {
    const open = /^\s*state\s+([\w\p{L}]+)\s*\{\s*$/u.exec(line);
    if (open?.[1]) composites.add(open[1]);
  }
  const out: string[] = [];
  for (const line of lines) {
    const alias = /^\s*state\s+"[^"]+"\s+as\s+([\w\p{L}]+)\s*$/u.exec(line);
    if (alias?.[1] && composites.has(alias[1])) continue;
    const open = /^(\s*)state\s+([\w\p{L}]+)\s*\{\s*$/u.exec(line);
    if (open?.[2]) {
      const id = open[2];
      const label = labels.get(id) ?? id.split('_').at(-1) ?? id;
      out.push(`${open[1]}state "${label}" as ${id} {`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
