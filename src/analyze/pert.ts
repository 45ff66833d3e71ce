import type { Network } from './network.js';
import { normalCdf } from './normal.js';
import { isCritical, isTight, toleranceFor, type Schedule } from './schedule.js';

/**
 * Classic PERT: the project's standard deviation is the square root of the summed variances
 * along the critical path. When several paths tie, the one with the largest variance decides
 * (the riskiest of the equally long chains). Found by dynamic programming over the critical
 * dependencies, so ties cost nothing extra however many paths there are.
 */
export function criticalStdDev(network: Network, schedule: Schedule, variances: Float64Array): number {
  const chainVariance = new Float64Array(network.items.length);
  let largest = 0;
  for (const node of network.order) {
    if (!isCritical(schedule, node)) continue;
    let before = 0;
    for (let edge = network.predecessorStart[node]; edge < network.predecessorStart[node + 1]; edge++) {
      const previous = network.predecessors[edge];
      if (isCritical(schedule, previous) && isTight(schedule, previous, node)) before = Math.max(before, chainVariance[previous]);
    }
    chainVariance[node] = before + variances[node];
    if (schedule.length - schedule.earlyFinish[node] <= schedule.tolerance) largest = Math.max(largest, chainVariance[node]);
  }
  return Math.sqrt(largest);
}

/**
 * P(length ≤ deadline) with the length normally distributed around `expected`. Without spread
 * the length is certain: 1 when it fits, else 0.
 */
export function probabilityWithin(deadline: number, expected: number, stdDev: number): number {
  if (stdDev === 0) return deadline >= expected - toleranceFor(expected) ? 1 : 0;
  return normalCdf((deadline - expected) / stdDev);
}
