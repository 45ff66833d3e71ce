import { seededRandom } from './random.js';
import { velocitySampler, type Velocity } from './velocity.js';

/** How many trials finished in each number of sprints, ascending by sprints. */
export type SprintHistogram = { sprints: number; trials: number }[];

export interface Percentiles {
  p50: number;
  p70: number;
  p85: number;
  p95: number;
}

/** Work this close to done is done: sums of sampled velocities carry floating-point noise. */
export function doneThreshold(work: number): number {
  return work - 1e-9 * Math.max(1, work);
}

/**
 * Monte Carlo over velocity: each trial draws one velocity per sprint (see `velocitySampler`)
 * and counts the sprints until the work done reaches each target. One pass per trial serves
 * every target (they are met in ascending order), so the cost is trials × sprints of the largest
 * target. The same seed gives the same histograms.
 */
export function simulateSprints(targets: readonly number[], velocity: Velocity, trials: number, seed: number): SprintHistogram[] {
  const draw = velocitySampler(velocity, seededRandom(seed));
  const ascending = targets.map((work, index) => ({ threshold: doneThreshold(work), index })).sort((a, b) => a.threshold - b.threshold);
  const counts = targets.map(() => new Map<number, number>());
  for (let trial = 0; trial < trials; trial++) {
    let done = 0;
    let sprints = 0;
    for (const { threshold, index } of ascending) {
      while (done < threshold) {
        done += draw();
        sprints++;
      }
      const histogram = counts[index];
      histogram.set(sprints, (histogram.get(sprints) ?? 0) + 1);
    }
  }
  return counts.map((histogram) =>
    [...histogram].map(([sprints, count]) => ({ sprints, trials: count })).sort((a, b) => a.sprints - b.sprints),
  );
}

/**
 * Nearest-rank percentile: the fewest sprints that at least `share` of the trials finished
 * within (P85 = 7 means 85% of trials needed 7 sprints or fewer). Always one of the outcomes.
 */
export function nearestRank(histogram: SprintHistogram, share: number): number {
  const total = histogram.reduce((sum, bar) => sum + bar.trials, 0);
  const rank = Math.max(1, Math.ceil(share * total - 1e-9));
  let seen = 0;
  for (const bar of histogram) {
    seen += bar.trials;
    if (seen >= rank) return bar.sprints;
  }
  return histogram.at(-1)?.sprints ?? 0;
}

export function percentilesOf(histogram: SprintHistogram): Percentiles {
  return {
    p50: nearestRank(histogram, 0.5),
    p70: nearestRank(histogram, 0.7),
    p85: nearestRank(histogram, 0.85),
    p95: nearestRank(histogram, 0.95),
  };
}
