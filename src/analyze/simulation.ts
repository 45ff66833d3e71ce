import { sampleBetaPert, type ThreePoint } from './beta-pert.js';
import type { Network } from './network.js';
import { seededRandom } from './random.js';
import { computeSchedule, emptySchedule, isCritical, toleranceFor } from './schedule.js';

export interface SimulationOptions {
  trials: number;
  seed: number;
  deadline?: number;
}

export interface SimulationResult {
  trials: number;
  seed: number;
  distribution: 'beta-pert';
  mean: number;
  /** Project length that this share of trials finished within (nearest rank). */
  percentiles: { p50: number; p85: number; p95: number };
  /** Share of trials that finished within the deadline, when one was given. */
  probability?: number;
  /** Per item ID, the share of trials in which it was critical. */
  criticality: Record<string, number>;
}

/**
 * Monte Carlo over the estimates: each trial draws every ranged item's duration from its
 * beta-PERT distribution (fixed estimates stay fixed), recomputes the schedule, and notes the
 * length and which items were critical. Linear in items and dependencies per trial; the same
 * seed gives the same answer.
 */
export function simulateSchedule(
  network: Network,
  expected: Float64Array,
  threePoints: readonly (ThreePoint | null)[],
  options: SimulationOptions,
): SimulationResult {
  const random = seededRandom(options.seed);
  const count = network.items.length;
  const durations = Float64Array.from(expected);
  const ranged = threePoints.flatMap((spread, node) => (spread ? [{ node, spread }] : []));
  const lengths = new Float64Array(options.trials);
  const timesCritical = new Uint32Array(count);
  const schedule = emptySchedule(count);

  for (let trial = 0; trial < options.trials; trial++) {
    for (const { node, spread } of ranged) durations[node] = sampleBetaPert(random, spread);
    computeSchedule(network, durations, schedule);
    lengths[trial] = schedule.length;
    for (let node = 0; node < count; node++) if (isCritical(schedule, node)) timesCritical[node]++;
  }

  let sum = 0;
  for (const length of lengths) sum += length;
  lengths.sort();
  const result: SimulationResult = {
    trials: options.trials,
    seed: options.seed,
    distribution: 'beta-pert',
    mean: sum / options.trials,
    percentiles: { p50: nearestRank(lengths, 0.5), p85: nearestRank(lengths, 0.85), p95: nearestRank(lengths, 0.95) },
    criticality: Object.fromEntries(network.items.map((item, node) => [item.id, timesCritical[node] / options.trials])),
  };
  if (options.deadline !== undefined) {
    const limit = options.deadline + toleranceFor(options.deadline);
    result.probability = lengths.filter((length) => length <= limit).length / options.trials;
  }
  return result;
}

/** The smallest sample that at least `share` of the samples do not exceed. */
function nearestRank(sorted: Float64Array, share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}
