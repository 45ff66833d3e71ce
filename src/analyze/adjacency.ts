import type { Item } from '../model/types.js';

/**
 * The dependency edges among some items as flat index arrays (position = index into the items),
 * stored compressed: the successors of `i` are `successors[successorStart[i] ..
 * successorStart[i + 1])`, likewise for predecessors. Both lists of every item are ascending, so
 * every walk over them visits items in document order. Edges run from prerequisite to
 * dependent, once each however often the dependency is written; a dependency on an item outside
 * the items is left out, so a part of the backlog (one sprint, one group) is a network of its own.
 */
export interface Adjacency {
  successorStart: Int32Array;
  successors: Int32Array;
  predecessorStart: Int32Array;
  predecessors: Int32Array;
}

/**
 * Each node's prerequisites as written, by position (repeats and any order allowed), compressed
 * like `Adjacency`: those of `i` are `prerequisites[start[i] .. start[i + 1])`.
 */
export interface WrittenPrerequisites {
  start: Int32Array;
  prerequisites: Int32Array;
}

/**
 * Linear in items and written dependencies, with one map lookup per dependency: the passes
 * that need a graph at scale (cycles, topological order, CPM, simulation) read these arrays
 * rather than a graph of string-keyed objects.
 */
export function compileAdjacency(items: readonly Item[]): Adjacency {
  const count = items.length;
  const position = new Map<string, number>();
  for (let node = 0; node < count; node++) position.set(items[node].id, node);

  let written = 0;
  for (const item of items) written += item.dependsOn.length;
  const start = new Int32Array(count + 1);
  const prerequisites = new Int32Array(written);
  let at = 0;
  for (let node = 0; node < count; node++) {
    start[node] = at;
    for (const id of items[node].dependsOn) {
      const prerequisite = position.get(id);
      if (prerequisite !== undefined) prerequisites[at++] = prerequisite;
    }
  }
  start[count] = at;
  return adjacencyOf({ start, prerequisites });
}

/** The adjacency of prerequisites already resolved to positions (a repeated one is one edge). */
export function adjacencyOf(written: WrittenPrerequisites): Adjacency {
  const count = written.start.length - 1;
  const edgeCount = written.start[count];
  // Edges in the order the dependents come, so that each successor list fills ascending.
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const outDegree = new Int32Array(count);
  const inDegree = new Int32Array(count);
  // The dependent an item was last taken as a prerequisite of: a repeated dependency is one edge.
  const lastDependent = new Int32Array(count).fill(-1);
  let edges = 0;
  for (let node = 0; node < count; node++) {
    for (let index = written.start[node]; index < written.start[node + 1]; index++) {
      const prerequisite = written.prerequisites[index];
      if (lastDependent[prerequisite] === node) continue;
      lastDependent[prerequisite] = node;
      edgeFrom[edges] = prerequisite;
      edgeTo[edges] = node;
      edges++;
      outDegree[prerequisite]++;
      inDegree[node]++;
    }
  }

  const successorStart = startsOf(outDegree);
  const successors = new Int32Array(edges);
  const nextSuccessor = successorStart.slice(0, count);
  for (let edge = 0; edge < edges; edge++) successors[nextSuccessor[edgeFrom[edge]]++] = edgeTo[edge]!;

  // Walking prerequisites in ascending order fills each predecessor list ascending.
  const predecessorStart = startsOf(inDegree);
  const predecessors = new Int32Array(edges);
  const nextPredecessor = predecessorStart.slice(0, count);
  for (let node = 0; node < count; node++) {
    for (let edge = successorStart[node]; edge < successorStart[node + 1]; edge++) {
      predecessors[nextPredecessor[successors[edge]]++] = node;
    }
  }
  return { successorStart, successors, predecessorStart, predecessors };
}

/** Prefix sums: where each node's list starts, and (last) the total. */
function startsOf(degrees: Int32Array): Int32Array {
  const starts = new Int32Array(degrees.length + 1);
  for (let node = 0; node < degrees.length; node++) starts[node + 1] = starts[node] + degrees[node];
  return starts;
}
