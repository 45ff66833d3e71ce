import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, progressQuantiles, simulateSprints } from '../../src/analyze/velocity-simulation.js';
import type { Velocity } from '../../src/analyze/velocity.js';

const filled = (trials: number, value: number) => new Float64Array(trials).fill(value);

describe('simulateSprints', () => {
  it('divides a fixed velocity into each trial’s own target', () => {
    const [histogram] = simulateSprints([Float64Array.from([10, 30, 31, 60])], { kind: 'fixed', value: 10 }, 4, 1);
    expect(histogram).toEqual([
      { sprints: 1, trials: 1 },
      { sprints: 3, trials: 1 },
      { sprints: 4, trials: 1 },
      { sprints: 6, trials: 1 },
    ]);
  });

  it('draws the same velocities for the same targets, whether one figure or one per trial', () => {
    const velocity: Velocity = { kind: 'range', low: 5, high: 15 };
    const first = simulateSprints([filled(500, 100), filled(500, 140)], velocity, 500, 7);
    const again = simulateSprints([filled(500, 100), filled(500, 140)], velocity, 500, 7);
    expect(again).toEqual(first);
  });
});

describe('progressQuantiles', () => {
  it('meets the target at the percentile of the same share: the P85 line reaches 1 at P85', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 200, noNaN: true }), { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (targets, low, spread, seed) => {
          const trials = targets.length;
          const target = Float64Array.from(targets);
          const velocity: Velocity = spread === 0 ? { kind: 'fixed', value: low } : { kind: 'range', low, high: low + spread };
          const [histogram] = simulateSprints([target], velocity, trials, seed);
          const p50 = nearestRank(histogram, 0.5);
          const p85 = nearestRank(histogram, 0.85);
          const sprints = Array.from({ length: p85 + 1 }, (_, index) => index + 1);
          const [line50, line85] = progressQuantiles(target, target, velocity, trials, seed, sprints, [0.5, 0.85]);
          sprints.forEach((sprint, index) => {
            expect(line85[index] === 1).toBe(sprint >= p85);
            expect(line50[index] === 1).toBe(sprint >= p50);
            expect(line50[index]).toBeGreaterThanOrEqual(line85[index]);
            if (index > 0) expect(line85[index]).toBeGreaterThanOrEqual(line85[index - 1]);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('replays the draws of a walk to a larger target', () => {
    // Two targets per trial: progress towards the smaller one still follows the same draws.
    const velocity: Velocity = { kind: 'history', values: [1, 100] };
    const small = filled(1000, 50);
    const large = filled(1000, 150);
    const [bySmall] = simulateSprints([small, large], velocity, 1000, 3);
    const sprints = [1, 2, 3, 4, 5];
    const [line] = progressQuantiles(small, large, velocity, 1000, 3, sprints, [0.85]);
    const p85 = nearestRank(bySmall, 0.85);
    sprints.forEach((sprint, index) => expect(line[index] === 1).toBe(sprint >= p85));
  });
});
