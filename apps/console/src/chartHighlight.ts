/**
 * The ids of the active leaf states of a state value, as `toMermaid` names them (machine id and path, `_`-joined);
 * the compound states around them are not listed, so only the states the item is in stand out.
 */
export function activeStateIds(rootId: string, value: unknown): string[] {
  const out: string[] = [];
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'string') {
      out.push(`${prefix}_${v.replace(/[^A-Za-z0-9]/g, '_')}`);
      return;
    }
    if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) {
        const id = `${prefix}_${k.replace(/[^A-Za-z0-9]/g, '_')}`;
        if (child && typeof child === 'object' && Object.keys(child).length === 0) out.push(id);
        else walk(id, child);
      }
  };
  walk(rootId, value);
  return out;
}

/** The root state's id of a Mermaid state diagram made by `toMermaid` (its first `state "…" as id`). */
export function rootIdOf(mermaid: string): string | undefined {
  return /state "[^"]*" as (\S+)/.exec(mermaid)?.[1];
}

/**
 * The diagram with the active states (and the states passed through, when given) styled: the current ones filled
 * and outlined thick, the visited ones outlined. Ids not in the diagram are ignored.
 */
export function highlight(mermaid: string, active: readonly string[], visited: readonly string[] = []): string {
  const known = new Set([...mermaid.matchAll(/ as (\S+)/g)].map((m) => m[1]));
  const now = active.filter((id) => known.has(id));
  const past = visited.filter((id) => known.has(id) && !now.includes(id));
  const lines = [mermaid.trimEnd()];
  lines.push('  classDef current fill:#ffd54f,stroke:#7a4a00,stroke-width:4px,color:#000');
  lines.push('  classDef visited stroke:#1b5e20,stroke-width:2px');
  if (now.length > 0) lines.push(`  class ${now.join(',')} current`);
  if (past.length > 0) lines.push(`  class ${past.join(',')} visited`);
  return lines.join('\n');
}
