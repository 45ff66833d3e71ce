import { seededRandom, standardNormal, type Random } from './random.js';
import { sprintsFor } from './sprints-for.js';
import { meanVelocity, velocityBounds, velocitySampler, type Velocity } from './velocity.js';

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

/** Sprints a walk takes at once while the trial's end is farther than a block at the fastest pace. */
const BLOCK = 64;

/**
 * One trial's walk through the sprints: a velocity drawn per sprint, or, while the end of the walk
 * is more than BLOCK sprints away even at the fastest velocity, BLOCK sprints at once, their sum
 * drawn from the normal distribution of a sum of BLOCK velocities (central limit), kept within
 * what BLOCK sprints can do. So a walk of thousands of sprints costs a few hundred draws, and the
 * last sprints before the end, which decide the answer, are drawn one by one. Two walks from the
 * same seed to the same ends take the same steps.
 */
class VelocityWalk {
  private readonly draw: () => number;
  private readonly blockMean: number;
  private readonly blockSpread: number;
  private readonly blockLow: number;
  private readonly blockHigh: number;

  constructor(
    velocity: Velocity,
    private readonly random: Random,
  ) {
    this.draw = velocitySampler(velocity, random);
    const { low, high } = velocityBounds(velocity);
    const mean = meanVelocity(velocity);
    const variance =
      velocity.kind === 'range'
        ? (high - low) ** 2 / 12
        : velocity.kind === 'history'
          ? velocity.values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / velocity.values.length
          : 0;
    this.blockMean = BLOCK * mean;
    this.blockSpread = Math.sqrt(BLOCK * variance);
    this.blockLow = BLOCK * low;
    this.blockHigh = BLOCK * high;
  }

  /** How many sprints the next step takes, walking from `done` to `end`: a block, or one. */
  stride(done: number, end: number): number {
    return end - done > this.blockHigh ? BLOCK : 1;
  }

  /** The work of the next `stride` sprints. */
  step(stride: number): number {
    if (stride === 1) return this.draw();
    const sum = this.blockMean + this.blockSpread * standardNormal(this.random);
    return Math.min(this.blockHigh, Math.max(this.blockLow, sum));
  }
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
    const walk = new VelocityWalk(velocity, seededRandom(seed));
    const thresholds = targets.map((target, index) => ({ threshold: 0, index, target }));
    for (let trial = 0; trial < trials; trial++) {
      for (const entry of thresholds) entry.threshold = doneThreshold(entry.target[trial]);
      const ascending = thresholds.length > 1 ? [...thresholds].sort((a, b) => a.threshold - b.threshold) : thresholds;
      const end = ascending[ascending.length - 1].threshold;
      let done = 0;
      let sprints = 0;
      let next = 0;
      while (next < ascending.length) {
        const { threshold, index } = ascending[next];
        if (done >= threshold) {
          count(counts[index], sprints);
          next++;
          continue;
        }
        const stride = walk.stride(done, end);
        const work = walk.step(stride);
        // A nearer target passed inside a block is met where the block's work, spread evenly, reaches it.
        while (stride > 1 && next < ascending.length && done + work >= ascending[next].threshold) {
          const passed = ascending[next++];
          count(counts[passed.index], sprints + Math.max(1, Math.ceil((stride * (passed.threshold - done)) / work)));
        }
        done += work;
        sprints += stride;
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
  const walk = new VelocityWalk(velocity, seededRandom(seed));
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
      const stride = walk.stride(done, last);
      const work = walk.step(stride);
      // A column inside a block sees the block's work spread evenly over its sprints.
      while (column < sprints.length && sprints[column] <= sprint + stride) {
        const reached = done + (work * (sprints[column] - sprint)) / stride;
        progress[column++][trial] = reached >= threshold ? 1 : reached / goal;
      }
      done += work;
      sprint += stride;
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
