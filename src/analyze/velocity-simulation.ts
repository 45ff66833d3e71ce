import { seededRandom } from './random.js';
import { sprintsFor } from './sprints-for.js';
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
 * and counts the sprints until the work done reaches each of its targets. `targets[j][trial]` is
 * target j of a trial (the drawn remaining work, the dependency-aware work): one pass per trial
 * serves every target (met in ascending order), so the cost is trials × sprints of the largest.
 * A fixed velocity needs no walk: each target takes remaining ÷ velocity, rounded up. The same
 * seed gives the same histograms; targets that are the same in every trial draw exactly what a
 * single figure per target would.
 */
export function simulateSprints(targets: readonly Float64Array[], velocity: Velocity, trials: number, seed: number): SprintHistogram[] {
  const counts = targets.map(() => new Map<number, number>());
  const count = (histogram: Map<number, number>, sprints: number) => histogram.set(sprints, (histogram.get(sprints) ?? 0) + 1);
  if (velocity.kind === 'fixed') {
    for (let trial = 0; trial < trials; trial++) {
      targets.forEach((target, index) => count(counts[index], sprintsFor(target[trial], velocity.value)));
    }
  } else {
    const draw = velocitySampler(velocity, seededRandom(seed));
    const thresholds = targets.map((target, index) => ({ threshold: 0, index, target }));
    for (let trial = 0; trial < trials; trial++) {
      for (const entry of thresholds) entry.threshold = doneThreshold(entry.target[trial]);
      const ascending = thresholds.length > 1 ? [...thresholds].sort((a, b) => a.threshold - b.threshold) : thresholds;
      let done = 0;
      let sprints = 0;
      for (const { threshold, index } of ascending) {
        while (done < threshold) {
          done += draw();
          sprints++;
        }
        count(counts[index], sprints);
      }
    }
  }
  return counts.map((histogram) => [...histogram].map(([sprints, trials]) => ({ sprints, trials })).sort((a, b) => a.sprints - b.sprints));
}

/**
 * The burn-up's fan: for each sprint in `sprints` (ascending), the share of the trial's target
 * done by its end, at each of `shares` — the level that at least that share of the trials have
 * reached (nearest rank, as the percentiles). Replays `simulateSprints`'s velocity draws (same
 * seed, each trial walking to its largest target `walkTo`), so a line reaches 1 exactly at the
 * percentile of the same share: the P85 line meets the scope at P85.
 */
export function progressQuantiles(
  target: Float64Array,
  walkTo: Float64Array,
  velocity: Velocity,
  trials: number,
  seed: number,
  sprints: readonly number[],
  shares: readonly number[],
): number[][] {
  const progress = sprints.map(() => new Float64Array(trials));
  const fixed = velocity.kind === 'fixed' ? velocity.value : null;
  const draw = velocitySampler(velocity, seededRandom(seed));
  for (let trial = 0; trial < trials; trial++) {
    const goal = target[trial];
    if (goal <= 0) {
      for (const column of progress) column[trial] = 1;
      continue;
    }
    if (fixed !== null) {
      const finish = sprintsFor(goal, fixed);
      sprints.forEach((sprint, column) => {
        progress[column][trial] = sprint >= finish ? 1 : Math.min(1, (sprint * fixed) / goal);
      });
      continue;
    }
    const threshold = doneThreshold(goal);
    const last = Math.max(threshold, doneThreshold(walkTo[trial]));
    let done = 0;
    let sprint = 0;
    let column = 0;
    while (done < last) {
      done += draw();
      sprint++;
      while (column < sprints.length && sprints[column] === sprint) {
        progress[column++][trial] = done >= threshold ? 1 : done / goal;
      }
    }
    // The walk ended past every target: the trial is done.
    while (column < sprints.length) progress[column++][trial] = 1;
  }
  // Each column sorted once (in place: the trials' order is no longer needed), every share read from it.
  for (const column of progress) column.sort();
  return shares.map((share) => {
    const rank = Math.max(1, Math.ceil(share * trials - 1e-9));
    return progress.map((column) => column[trials - rank]);
  });
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
