import type { Network } from './network.js';

/**
 * Early and late dates of every item in a network, by the critical path method. Arrays are
 * indexed by position in `network.items`.
 */
export interface Schedule {
  length: number;
  earlyStart: Float64Array;
  earlyFinish: Float64Array;
  lateStart: Float64Array;
  lateFinish: Float64Array;
  /** Differences up to this are rounding, not slack: see `toleranceFor`. */
  tolerance: number;
}

/**
 * Sums of fractional durations (thirds from PERT, eighths from hours) differ in the last bits
 * depending on the order they were added in, so a critical item could show a float of 1e-15.
 * A difference below a billionth of the project length is no difference.
 */
export function toleranceFor(length: number): number {
  return 1e-9 * Math.max(1, Math.abs(length));
}

export function emptySchedule(count: number): Schedule {
  return {
    length: 0,
    earlyStart: new Float64Array(count),
    earlyFinish: new Float64Array(count),
    lateStart: new Float64Array(count),
    lateFinish: new Float64Array(count),
    tolerance: toleranceFor(0),
  };
}

/**
 * Forward and backward pass in topological order: linear in items and edges. Fills `into`
 * (so that a simulation reuses its arrays) and answers it. Late dates within the tolerance of
 * the early ones are set equal to them, so critical items have a float of exactly zero.
 */
export function computeSchedule(network: Network, durations: Float64Array, into: Schedule = emptySchedule(network.items.length)): Schedule {
  const { order, successorStart, successors, predecessorStart, predecessors } = network;
  const { earlyStart, earlyFinish, lateStart, lateFinish } = into;

  let length = 0;
  for (const node of order) {
    let start = 0;
    for (let edge = predecessorStart[node]; edge < predecessorStart[node + 1]; edge++) {
      const finish = earlyFinish[predecessors[edge]];
      if (finish > start) start = finish;
    }
    earlyStart[node] = start;
    earlyFinish[node] = start + durations[node];
    if (earlyFinish[node] > length) length = earlyFinish[node]!;
  }

  const tolerance = toleranceFor(length);
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index];
    let finish = length;
    for (let edge = successorStart[node]; edge < successorStart[node + 1]; edge++) {
      const start = lateStart[successors[edge]];
      if (start < finish) finish = start;
    }
    if (finish - earlyFinish[node] <= tolerance) {
      lateFinish[node] = earlyFinish[node]!;
      lateStart[node] = earlyStart[node]!;
    } else {
      lateFinish[node] = finish;
      lateStart[node] = finish - durations[node];
    }
  }

  into.length = length;
  into.tolerance = tolerance;
  return into;
}

/** Zero for critical items, never negative. */
export function totalFloat(schedule: Schedule, node: number): number {
  return schedule.lateStart[node] - schedule.earlyStart[node];
}

/** Zero float on a schedule of some length: with nothing to do, nothing is critical. */
export function isCritical(schedule: Schedule, node: number): boolean {
  return schedule.length > 0 && totalFloat(schedule, node) === 0;
}

/**
 * How far an item can slip without delaying any successor's early start (or, for an item
 * nothing depends on, the end of the project). Never more than its total float.
 */
export function freeFloat(network: Network, schedule: Schedule, node: number): number {
  let slack = schedule.length - schedule.earlyFinish[node];
  for (let edge = network.successorStart[node]; edge < network.successorStart[node + 1]; edge++) {
    slack = Math.min(slack, schedule.earlyStart[network.successors[edge]] - schedule.earlyFinish[node]);
  }
  if (slack <= schedule.tolerance) return 0;
  return Math.min(slack, totalFloat(schedule, node));
}

/** A dependency along which no time is lost: the successor starts the moment the item finishes. */
export function isTight(schedule: Schedule, from: number, to: number): boolean {
  return schedule.earlyStart[to] - schedule.earlyFinish[from] <= schedule.tolerance;
}
