import { Session } from 'node:inspector/promises';

/**
 * Which of `objects` are keys of some WeakMap (an ephemeron) right now, by their positions in `objects`: read from a
 * heap snapshot of this process (V8 names each ephemeron edge `part of key (<type> @<key id>) -> value (...) pair in
 * WeakMap (table @<id>)`, from the key to the value). A WeakMap keyed by objects the store keeps for ever holds one
 * ephemeron per stored object, which every full collection marks (issue 19, scaling); the tests use this to show such a
 * memo is gone. Takes a second or two: one snapshot for many objects.
 */
export async function weakMapKeyed(objects: readonly object[]): Promise<number[]> {
  // The objects are found in the snapshot through a holder with a property of a name nothing else has: its array's
  // elements, in order.
  const name = `banliWeakKeysProbe${process.pid}x${Date.now()}`;
  const holder: Record<string, readonly object[]> = { [name]: [...objects] };
  const session = new Session();
  session.connect();
  try {
    const chunks: string[] = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', (m) => chunks.push(m.params.chunk));
    await session.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const keyed = ephemeronKeys(JSON.parse(chunks.join('')) as HeapSnapshot, name, objects.length);
    if (holder[name]?.length !== objects.length) throw new Error('weakMapKeyed: the holder changed');
    return keyed;
  } finally {
    session.disconnect();
  }
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** The positions in the holder's array (the node with a property `name`) of the objects an ephemeron names as key. */
function ephemeronKeys(s: HeapSnapshot, name: string, count: number): number[] {
  const { node_fields: nf, edge_fields: ef, edge_types: et } = s.snapshot.meta;
  const idAt = nf.indexOf('id');
  const edgeCountAt = nf.indexOf('edge_count');
  const typeAt = ef.indexOf('type');
  const nameAt = ef.indexOf('name_or_index');
  const toAt = ef.indexOf('to_node');
  const [types] = et;
  const internal = types.indexOf('internal');
  const property = types.indexOf('property');
  const element = types.indexOf('element');
  const nameIndex = s.strings.indexOf(name);
  // Each node's first edge.
  const firstEdge = new Uint32Array(s.nodes.length / nf.length + 1);
  for (let n = 0, e = 0; n < s.nodes.length; n += nf.length) {
    firstEdge[n / nf.length] = e;
    e += (s.nodes[n + edgeCountAt] as number) * ef.length;
  }
  firstEdge[s.nodes.length / nf.length] = s.edges.length;
  const edgesOf = function* (node: number) {
    const i = node / nf.length;
    for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e += ef.length)
      yield {
        type: s.edges[e + typeAt] as number,
        name: s.edges[e + nameAt] as number,
        to: s.edges[e + toAt] as number,
      };
  };
  // The holder's array, then its elements (on the array itself, or on its elements store).
  let array = -1;
  for (let n = 0; n < s.nodes.length && array < 0; n += nf.length)
    for (const e of edgesOf(n)) if (e.type === property && e.name === nameIndex) array = e.to;
  if (array < 0) throw new Error('weakMapKeyed: the holder is not in the snapshot');
  const nodes = new Map<number, number>();
  const elements = (node: number) => {
    for (const e of edgesOf(node)) if (e.type === element && e.name < count) nodes.set(e.name, e.to);
  };
  elements(array);
  if (nodes.size === 0)
    for (const e of edgesOf(array)) if (e.type === internal && s.strings[e.name] === 'elements') elements(e.to);
  if (nodes.size !== count) throw new Error(`weakMapKeyed: found ${nodes.size} of ${count} objects`);
  const key = /part of key \([^@]*@(\d+)\) -> value \(.*pair in WeakMap/;
  const keyed: number[] = [];
  for (const [position, node] of nodes) {
    const id = s.nodes[node + idAt] as number;
    for (const e of edgesOf(node)) {
      if (e.type !== internal) continue;
      const m = key.exec(s.strings[e.name] as string);
      if (m && Number(m[1]) === id) {
        keyed.push(position);
        break;
      }
    }
  }
  return keyed.sort((a, b) => a - b);
}
