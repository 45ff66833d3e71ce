import type { Item } from '../model/types.js';
import { MinHeap } from './min-heap.js';

/** Positions of each item's prerequisites and dependents within `items`; outside references are dropped. */
function adjacency(items: readonly Item[]): { dependents: number[][]; prerequisiteCount: Int32Array } {
  const position = new Map(items.map((item, index) => [item.id, index]));
  const dependents: number[][] = items.map(() => []);
  const prerequisiteCount = new Int32Array(items.length);
  items.forEach((item, index) => {
    for (const id of new Set(item.dependsOn)) {
      const prerequisite = position.get(id);
      if (prerequisite === undefined) continue;
      dependents[prerequisite].push(index);
      prerequisiteCount[index]++;
    }
  });
  return { dependents, prerequisiteCount };
}

/**
 * The items in an order that puts every prerequisite first; among items free at the same time,
 * the lower `rank` (priority) first, then document order. Kahn's algorithm with a heap:
 * O((n + e) log n). Items caught in a dependency cycle are missing from `order` and listed in
 * `blocked`.
 */
export function priorityTopologicalOrder(items: readonly Item[], rank: (item: Item) => number): { order: number[]; blocked: string[] } {
  const ranks = items.map(rank);
  const { dependents, prerequisiteCount } = adjacency(items);
  const waiting = Int32Array.from(prerequisiteCount);
  const free = new MinHeap((a, b) => ranks[a] < ranks[b] || (ranks[a] === ranks[b] && a < b));
  items.forEach((_, index) => {
    if (waiting[index] === 0) free.push(index);
  });
  const order: number[] = [];
  while (free.size > 0) {
    const next = free.pop()!;
    order.push(next);
    for (const dependent of dependents[next]) if (--waiting[dependent] === 0) free.push(dependent);
  }
  const blocked = items.filter((_, index) => waiting[index] > 0).map((item) => item.id);
  return { order, blocked };
}

export type ListSchedule = { makespan: number; blocked: [] } | { makespan: null; blocked: string[] };

/**
 * List scheduling: `workers` people, each working on one item at a time at rate 1 (so durations
 * are in work units). The priority list is `priorityTopologicalOrder`; whenever someone is free,
 * they take the first item of the list whose prerequisites have all finished. The makespan is
 * when the last item ends. Null (with the items involved) when dependencies form a cycle.
 */
export function listSchedule(
  items: readonly Item[],
  durations: readonly number[],
  workers: number,
  rank: (item: Item) => number,
): ListSchedule {
  const { order, blocked } = priorityTopologicalOrder(items, rank);
  if (blocked.length > 0) return { makespan: null, blocked };

  const listPosition = new Int32Array(items.length);
  order.forEach((index, position) => {
    listPosition[index] = position;
  });
  const { dependents, prerequisiteCount: waiting } = adjacency(items);
  const ready = new MinHeap((a, b) => listPosition[a] < listPosition[b]);
  items.forEach((_, index) => {
    if (waiting[index] === 0) ready.push(index);
  });
  const finish = new Float64Array(items.length);
  const running = new MinHeap((a, b) => finish[a] < finish[b] || (finish[a] === finish[b] && listPosition[a] < listPosition[b]));

  let now = 0;
  let makespan = 0;
  let idle = workers;
  while (ready.size > 0 || running.size > 0) {
    while (idle > 0 && ready.size > 0) {
      const next = ready.pop()!;
      finish[next] = now + durations[next];
      running.push(next);
      idle--;
    }
    // Everything that ends at this moment frees its people and dependents before anyone picks
    // again, so that simultaneous releases compete by list position.
    now = finish[running.peek()!]!;
    while (running.size > 0 && finish[running.peek()!] === now) {
      const done = running.pop()!;
      idle++;
      if (now > makespan) makespan = now;
      for (const dependent of dependents[done]) if (--waiting[dependent] === 0) ready.push(dependent);
    }
  }
  return { makespan, blocked: [] };
}
