import type { Item } from '../model/types.js';
import { buildDependencyGraph, CycleError, cyclesIn, successorIndexes } from './graph.js';

/**
 * The dependency graph of some items compiled to flat index arrays (position = index into
 * `items`), so that the passes over it, repeated thousands of times by a simulation, are tight
 * loops. Adjacency is stored compressed: the successors of `i` are
 * `successors[successorStart[i] .. successorStart[i + 1])`, likewise for predecessors.
 */
export interface Network {
  items: readonly Item[];
  /** Every position once, prerequisites before dependents. */
  order: Int32Array;
  successorStart: Int32Array;
  successors: Int32Array;
  predecessorStart: Int32Array;
  predecessors: Int32Array;
}

/**
 * Orders the items topologically by Kahn's algorithm (no recursion, linear in items and
 * edges), deterministically: the items free from the start in document order, the others as
 * they are freed. Throws CycleError listing every cycle when there is one.
 */
export function compileNetwork(items: readonly Item[]): Network {
  const graph = buildDependencyGraph(items);
  const lists = successorIndexes(graph, items);
  const count = items.length;

  const successorStart = new Int32Array(count + 1);
  for (let node = 0; node < count; node++) successorStart[node + 1] = successorStart[node]! + lists[node]!.length;
  const successors = new Int32Array(successorStart[count]!);
  const inDegree = new Int32Array(count);
  lists.forEach((list, node) => {
    successors.set(list, successorStart[node]!);
    for (const next of list) inDegree[next]!++;
  });

  const predecessorStart = new Int32Array(count + 1);
  for (let node = 0; node < count; node++) predecessorStart[node + 1] = predecessorStart[node]! + inDegree[node]!;
  const predecessors = new Int32Array(successors.length);
  const filled = predecessorStart.slice(0, count);
  for (let node = 0; node < count; node++) {
    for (let edge = successorStart[node]!; edge < successorStart[node + 1]!; edge++) {
      const next = successors[edge]!;
      predecessors[filled[next]!++] = node;
    }
  }

  const order = kahnOrder(successorStart, successors, inDegree);
  if (order.length < count) throw new CycleError(cyclesIn(graph, items));
  return { items, order, successorStart, successors, predecessorStart, predecessors };
}

/** Consumes `inDegree`. Shorter than the item count when a cycle keeps items from ever being free. */
function kahnOrder(successorStart: Int32Array, successors: Int32Array, inDegree: Int32Array): Int32Array {
  const count = inDegree.length;
  const order = new Int32Array(count);
  let tail = 0;
  for (let node = 0; node < count; node++) if (inDegree[node] === 0) order[tail++] = node;
  for (let head = 0; head < tail; head++) {
    const node = order[head]!;
    for (let edge = successorStart[node]!; edge < successorStart[node + 1]!; edge++) {
      const next = successors[edge]!;
      if (--inDegree[next]! === 0) order[tail++] = next;
    }
  }
  return order.subarray(0, tail);
}
