import type { Item } from '../model/types.js';
import { priorityTopologicalOrder } from './list-schedule.js';

/**
 * `listSchedule` compiled once for many trials: the priority list and the dependency arrays are
 * built up front, and each call schedules one trial's sizes with `workers` people (each on one
 * item at a time at rate 1) and answers when the last item ends. The same makespan as
 * `listSchedule` for the same sizes; null when the dependencies have a cycle. Each call is
 * O((n + e) log n) over typed arrays, with no allocation.
 */
export function compileListSchedule(
  items: readonly Item[],
  workers: number,
  rank: (item: Item) => number,
): ((sizes: Float64Array) => number) | null {
  const { order, blocked } = priorityTopologicalOrder(items, rank);
  if (blocked.length > 0) return null;
  const count = items.length;
  const listPosition = new Int32Array(count);
  order.forEach((index, position) => {
    listPosition[index] = position;
  });
  const position = new Map(items.map((item, index) => [item.id, index]));
  const dependentLists: number[][] = items.map(() => []);
  const prerequisites = new Int32Array(count);
  items.forEach((item, index) => {
    for (const id of new Set(item.dependsOn)) {
      const prerequisite = position.get(id);
      if (prerequisite === undefined) continue;
      dependentLists[prerequisite].push(index);
      prerequisites[index]++;
    }
  });
  const dependentStart = new Int32Array(count + 1);
  for (let index = 0; index < count; index++) dependentStart[index + 1] = dependentStart[index] + dependentLists[index].length;
  const dependents = Int32Array.from(dependentLists.flat());

  const waiting = new Int32Array(count);
  const finish = new Float64Array(count);
  // Ready items by list position (a heap of positions), running items by finish time.
  const ready = new Int32Array(count);
  const running = new Int32Array(count);

  let readySize = 0;
  let runningSize = 0;
  const pushReady = (item: number) => {
    let at = readySize++;
    const key = listPosition[item];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (listPosition[ready[parent]] <= key) break;
      ready[at] = ready[parent];
      at = parent;
    }
    ready[at] = item;
  };
  const popReady = () => {
    const top = ready[0];
    const last = ready[--readySize];
    const key = listPosition[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= readySize) break;
      if (child + 1 < readySize && listPosition[ready[child + 1]] < listPosition[ready[child]]) child++;
      if (listPosition[ready[child]] >= key) break;
      ready[at] = ready[child];
      at = child;
    }
    ready[at] = last;
    return top;
  };
  const earlier = (a: number, b: number) => finish[a] < finish[b] || (finish[a] === finish[b] && listPosition[a] < listPosition[b]);
  const pushRunning = (item: number) => {
    let at = runningSize++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!earlier(item, running[parent])) break;
      running[at] = running[parent];
      at = parent;
    }
    running[at] = item;
  };
  const popRunning = () => {
    const top = running[0];
    const last = running[--runningSize];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= runningSize) break;
      if (child + 1 < runningSize && earlier(running[child + 1], running[child])) child++;
      if (!earlier(running[child], last)) break;
      running[at] = running[child];
      at = child;
    }
    running[at] = last;
    return top;
  };

  return (sizes) => {
    waiting.set(prerequisites);
    readySize = 0;
    runningSize = 0;
    for (let item = 0; item < count; item++) if (waiting[item] === 0) pushReady(item);
    let now = 0;
    let makespan = 0;
    let idle = workers;
    while (readySize > 0 || runningSize > 0) {
      while (idle > 0 && readySize > 0) {
        const next = popReady();
        finish[next] = now + sizes[next];
        pushRunning(next);
        idle--;
      }
      now = finish[running[0]];
      while (runningSize > 0 && finish[running[0]] === now) {
        const done = popRunning();
        idle++;
        if (now > makespan) makespan = now;
        for (let edge = dependentStart[done]; edge < dependentStart[done + 1]; edge++) {
          const dependent = dependents[edge];
          if (--waiting[dependent] === 0) pushReady(dependent);
        }
      }
    }
    return makespan;
  };
}
