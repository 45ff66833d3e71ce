import type { Item } from '../model/types.js';
import { compileAdjacency, type Adjacency } from './adjacency.js';
import { CycleError, cyclesIn } from './graph.js';

/**
 * The dependency graph of some items compiled to flat index arrays (position = index into
 * `items`, see `Adjacency`), so that the passes over it, repeated thousands of times by a
 * simulation, are tight loops.
 */
export interface Network extends Adjacency {
  items: readonly Item[];
  /** Every position once, prerequisites before dependents. */
  order: Int32Array;
}

/**
 * Orders the items topologically by Kahn's algorithm (no recursion, linear in items and
 * edges), deterministically: the items free from the start in document order, the others as
 * they are freed. Throws CycleError listing every cycle when there is one. A caller that has
 * resolved the dependencies already passes their adjacency.
 */
export function compileNetwork(items: readonly Item[], adjacency: Adjacency = compileAdjacency(items)): Network {
  const order = kahnOrder(adjacency);
  if (order.length < items.length) throw new CycleError(cyclesIn(adjacency, items));
  return { items, order, ...adjacency };
}

/** Shorter than the item count when a cycle keeps items from ever being free. */
function kahnOrder({ successorStart, successors, predecessorStart }: Adjacency): Int32Array {
  const count = predecessorStart.length - 1;
  const waiting = new Int32Array(count);
  for (let node = 0; node < count; node++) waiting[node] = predecessorStart[node + 1] - predecessorStart[node];
  const order = new Int32Array(count);
  let tail = 0;
  for (let node = 0; node < count; node++) if (waiting[node] === 0) order[tail++] = node;
  for (let head = 0; head < tail; head++) {
    const node = order[head];
    for (let edge = successorStart[node]; edge < successorStart[node + 1]; edge++) {
      const next = successors[edge];
      if (--waiting[next] === 0) order[tail++] = next;
    }
  }
  return order.subarray(0, tail);
}
