import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { StateMeta } from './stateMeta.js';

type Edge = { from: AnyStateNode; to: AnyStateNode; label: string };

const idOf = (node: AnyStateNode) => node.id.replace(/[^A-Za-z0-9]/g, '_');

function labelOf(node: AnyStateNode): string {
  const meta = node.meta as StateMeta | undefined;
  const text = meta?.label ? `${meta.label['zh-CN']} ${meta.label.en}` : node.key;
  return text.replace(/"/g, "'");
}

function guardName(guard: unknown): string {
  if (!guard) return '';
  if (typeof guard === 'string') return guard;
  // XState's higher-order guards are functions named `and`, `or` and `not` carrying their operands in `guards`.
  if (typeof guard === 'function' && 'guards' in guard) {
    const operands = guard.guards as unknown[];
    const operand = (g: unknown) =>
      typeof g === 'function' && 'guards' in g && g.name !== 'not' ? `(${guardName(g)})` : guardName(g);
    if (guard.name === 'not') return `!${operand(operands[0])}`;
    return operands.map(operand).join(guard.name === 'or' ? ' || ' : ' && ');
  }
  if (typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: Record<string, unknown> };
    const args = params && typeof params === 'object' ? Object.values(params).map(String).join(', ') : '';
    return args ? `${type}(${args})` : type;
  }
  return 'guarded';
}

function ancestors(node: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) out.unshift(n);
  return out;
}

// Mermaid cannot draw edges between states of different composites, so each edge is lifted to siblings.
function lift(from: AnyStateNode, to: AnyStateNode): [AnyStateNode, AnyStateNode, AnyStateNode] {
  const a = ancestors(from);
  const b = ancestors(to);
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i + 1] === b[i + 1]) i += 1;
  const parent = a[i] as AnyStateNode;
  return [parent, a[i + 1] ?? from, b[i + 1] ?? to];
}

function collectEdges(node: AnyStateNode, edges: Map<AnyStateNode, Edge[]>): void {
  const add = (targets: readonly AnyStateNode[] | undefined, label: string) => {
    for (const target of targets ?? []) {
      const [parent, from, to] = lift(node, target);
      const list = edges.get(parent) ?? [];
      if (!list.some((e) => e.from === from && e.to === to && e.label === label)) list.push({ from, to, label });
      edges.set(parent, list);
    }
  };
  for (const [eventType, list] of node.transitions) {
    for (const t of list) {
      const guard = guardName(t.guard);
      add(t.target, guard ? `${eventType} [${guard}]` : eventType);
    }
  }
  for (const t of node.always ?? []) add(t.target, `always [${guardName(t.guard) || 'true'}]`);
  for (const child of Object.values(node.states) as AnyStateNode[]) collectEdges(child, edges);
}

function render(node: AnyStateNode, edges: Map<AnyStateNode, Edge[]>, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  out.push(`${pad}state "${labelOf(node)}" as ${idOf(node)}`);
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) {
    if (node.type === 'final') out.push(`${pad}${idOf(node)} --> [*]`);
    return;
  }
  out.push(`${pad}state ${idOf(node)} {`);
  children.forEach((child, i) => {
    if (node.type === 'parallel' && i > 0) out.push(`${pad}  --`);
    render(child, edges, depth + 1, out);
  });
  const initial = node.initial?.target?.[0] as AnyStateNode | undefined;
  if (initial) out.push(`${pad}  [*] --> ${idOf(initial)}`);
  for (const e of edges.get(node) ?? []) out.push(`${pad}  ${idOf(e.from)} --> ${idOf(e.to)} : ${e.label}`);
  out.push(`${pad}}`);
}

/**
 * Renders a machine as a Mermaid `stateDiagram-v2` (states labelled in zh-CN and en; targetless transitions omitted).
 *
 * @example
 * ```ts
 * const diagram = toMermaid(caseMachine); // paste into a ```mermaid block
 * ```
 */
export function toMermaid(machine: AnyStateMachine): string {
  const edges = new Map<AnyStateNode, Edge[]>();
  collectEdges(machine.root, edges);
  const out = ['stateDiagram-v2'];
  render(machine.root, edges, 1, out);
  out.push(`  [*] --> ${idOf(machine.root)}`);
  return `${out.join('\n')}\n`;
}
