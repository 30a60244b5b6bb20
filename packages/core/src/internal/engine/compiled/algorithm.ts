import type { AnyStateNode, StateValue } from 'xstate';

/**
 * The pure part of xstate's SCXML algorithm, ported from its `stateUtils` (xstate 5, see `VERIFIED_XSTATE_VERSION`):
 * state values of node lists, transition domains, conflict removal, and exit and entry sets in document order. It
 * reads xstate's state nodes (`type`, `parent`, `states`, `initial`, `order`, `machine`) and nothing else; the
 * macrostep that drives it is `macrostep.ts`, and the actions it runs are resolved in `actions.ts`.
 * Unstable (part of `@banli/core/internal`), not covered by semver.
 */

/** A transition as xstate defines it on its state nodes (targets resolved to nodes). */
export interface Transition {
  source: AnyStateNode;
  target?: readonly AnyStateNode[] | undefined;
  actions: readonly unknown[];
  guard?: unknown;
  reenter?: boolean;
}

/** Whether a node has no child states (an atomic or final node). */
export const isAtomic = (s: AnyStateNode) => s.type === 'atomic' || s.type === 'final';
/** A node's child states, without history pseudo-states. */
const childrenOf = (s: AnyStateNode) =>
  Object.values(s.states as Record<string, AnyStateNode>).filter((c) => c.type !== 'history');

/** The ancestors of `s` up to, not including, `to` (all of them when `to` is undefined), nearest first. */
function properAncestors(s: AnyStateNode, to: AnyStateNode | undefined): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  if (to === s) return out;
  for (let m = s.parent; m && m !== to; m = m.parent) out.push(m);
  return out;
}

/** Whether `child` is a proper descendant of `parent`. */
function isDescendant(child: AnyStateNode, parent: AnyStateNode | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

/** `s` and every node its default entry enters (initial children, every region of a parallel node). */
export function initialNodes(s: AnyStateNode): Set<AnyStateNode> {
  const set = new Set<AnyStateNode>();
  const iter = (d: AnyStateNode) => {
    if (set.has(d)) return;
    set.add(d);
    if (d.type === 'compound') iter(d.initial.target[0] as AnyStateNode);
    else if (d.type === 'parallel') for (const c of childrenOf(d)) iter(c);
  };
  iter(s);
  return set;
}

function adjacency(nodes: Iterable<AnyStateNode>): Map<AnyStateNode, AnyStateNode[]> {
  const adj = new Map<AnyStateNode, AnyStateNode[]>();
  for (const s of nodes) {
    if (!adj.has(s)) adj.set(s, []);
    if (s.parent) {
      let siblings = adj.get(s.parent);
      if (!siblings) {
        siblings = [];
        adj.set(s.parent, siblings);
      }
      siblings.push(s);
    }
  }
  return adj;
}

function allStateNodes(nodes: readonly AnyStateNode[]): Set<AnyStateNode> {
  const set = new Set(nodes);
  const adj = adjacency(set);
  for (const s of set) {
    if (s.type === 'compound' && !adj.get(s)?.length) {
      for (const i of initialNodes(s)) {
        set.add(i);
        for (const a of properAncestors(i, s)) set.add(a);
      }
    } else if (s.type === 'parallel') {
      for (const child of childrenOf(s)) {
        if (set.has(child)) continue;
        for (const i of initialNodes(child)) {
          set.add(i);
          for (const a of properAncestors(i, child)) set.add(a);
        }
      }
    }
  }
  for (const s of set) for (let m = s.parent; m; m = m.parent) set.add(m);
  return set;
}

function valueFromAdj(base: AnyStateNode, adj: Map<AnyStateNode, AnyStateNode[]>): StateValue {
  const children = adj.get(base);
  if (!children) return {};
  if (base.type === 'compound') {
    const child = children[0];
    if (!child) return {};
    if (isAtomic(child)) return child.key;
  }
  const value: Record<string, StateValue> = {};
  for (const child of children) value[child.key] = valueFromAdj(child, adj);
  return value;
}

/** The state value of a node list, built exactly as xstate builds it (the key order follows the list). */
export function stateValueOf(root: AnyStateNode, nodes: readonly AnyStateNode[]): StateValue {
  return valueFromAdj(root, adjacency(allStateNodes(nodes)));
}

/** Whether `s` is done in the node set: a final child of a compound node, every region of a parallel one. */
export function isInFinalState(set: Set<AnyStateNode>, s: AnyStateNode): boolean {
  if (s.type === 'compound') return childrenOf(s).some((c) => c.type === 'final' && set.has(c));
  if (s.type === 'parallel') return childrenOf(s).every((c) => isInFinalState(set, c));
  return s.type === 'final';
}

const domains = new WeakMap<Transition, AnyStateNode | null>();

/** The transition's domain (no history nodes here, so it depends on the transition alone and is cached). */
function domainOf(t: Transition): AnyStateNode | undefined {
  const hit = domains.get(t);
  if (hit !== undefined) return hit ?? undefined;
  const targets = t.target ? [...new Set(t.target)] : [];
  let domain: AnyStateNode | undefined;
  if (!t.reenter && targets.every((x) => x === t.source || isDescendant(x, t.source))) domain = t.source;
  else {
    const [head, ...tail] = targets.concat(t.source);
    domain = properAncestors(head as AnyStateNode, undefined).find((a) => tail.every((s) => isDescendant(s, a)));
    if (!domain && !t.reenter) domain = t.source.machine.root;
  }
  domains.set(t, domain ?? null);
  return domain;
}

/** The nodes the transitions exit: every active descendant of each targeted transition's domain. */
export function exitSet(transitions: readonly Transition[], nodes: Iterable<AnyStateNode>): AnyStateNode[] {
  const out = new Set<AnyStateNode>();
  for (const t of transitions) {
    if (!t.target?.length) continue;
    const domain = domainOf(t);
    if (t.reenter && t.source === domain) out.add(domain);
    for (const s of nodes) if (isDescendant(s, domain)) out.add(s);
  }
  return [...out];
}

function intersects(a: readonly AnyStateNode[], b: readonly AnyStateNode[]): boolean {
  const set = new Set(b);
  return a.some((x) => set.has(x));
}

/** The enabled transitions without those preempted by another one's exit set (descendants win, then order). */
export function removeConflicting(enabled: readonly Transition[], nodes: Set<AnyStateNode>): Transition[] {
  if (enabled.length < 2) return [...enabled];
  const filtered = new Set<Transition>();
  for (const t1 of enabled) {
    let preempted = false;
    const remove = new Set<Transition>();
    for (const t2 of filtered) {
      if (intersects(exitSet([t1], nodes), exitSet([t2], nodes))) {
        if (isDescendant(t1.source, t2.source)) remove.add(t2);
        else {
          preempted = true;
          break;
        }
      }
    }
    if (!preempted) {
      for (const t3 of remove) filtered.delete(t3);
      filtered.add(t1);
    }
  }
  return [...filtered];
}

function hasDescendantIn(set: Set<AnyStateNode>, node: AnyStateNode): boolean {
  for (const x of set) if (isDescendant(x, node)) return true;
  return false;
}

function addDescendants(s: AnyStateNode, forDefault: Set<AnyStateNode>, toEnter: Set<AnyStateNode>): void {
  if (s.type === 'compound') {
    const initial = s.initial.target[0] as AnyStateNode;
    toEnter.add(initial);
    forDefault.add(initial);
    addDescendants(initial, forDefault, toEnter);
    addAncestors(toEnter, forDefault, properAncestors(initial, s), undefined);
  } else if (s.type === 'parallel') {
    for (const child of childrenOf(s)) {
      if (hasDescendantIn(toEnter, child)) continue;
      toEnter.add(child);
      forDefault.add(child);
      addDescendants(child, forDefault, toEnter);
    }
  }
}

function addAncestors(
  toEnter: Set<AnyStateNode>,
  forDefault: Set<AnyStateNode>,
  ancestors: readonly AnyStateNode[],
  reentrancyDomain: AnyStateNode | undefined,
): void {
  for (const anc of ancestors) {
    if (!reentrancyDomain || isDescendant(anc, reentrancyDomain)) toEnter.add(anc);
    if (anc.type !== 'parallel') continue;
    for (const child of childrenOf(anc)) {
      if (hasDescendantIn(toEnter, child)) continue;
      toEnter.add(child);
      addDescendants(child, forDefault, toEnter);
    }
  }
}

/**
 * Adds to `toEnter` the nodes the transitions enter (targets, their default descendants and their ancestors inside
 * the domain), and to `forDefault` those entered by default (whose `initial` actions run).
 */
export function entrySet(
  transitions: readonly Transition[],
  forDefault: Set<AnyStateNode>,
  toEnter: Set<AnyStateNode>,
) {
  for (const t of transitions) {
    const domain = domainOf(t);
    for (const s of t.target ?? []) {
      if (t.source !== s || t.source !== domain || t.reenter) {
        toEnter.add(s);
        forDefault.add(s);
      }
      addDescendants(s, forDefault, toEnter);
    }
    for (const s of t.target ? new Set(t.target) : []) {
      const ancestors = properAncestors(s, domain);
      if (domain?.type === 'parallel') ancestors.push(domain);
      addAncestors(toEnter, forDefault, ancestors, !t.source.parent && t.reenter ? undefined : domain);
    }
  }
}
