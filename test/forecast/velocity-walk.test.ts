import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analyze/random.js';
import { percentilesOf, progressQuantiles, simulateSprints, type SprintHistogram } from '../../src/analyze/velocity-simulation.js';
import { velocitySampler, type Velocity } from '../../src/analyze/velocity.js';

const TRIALS = 4000;

/** The walk without blocks: one drawn velocity per sprint, as a reference. */
function sprintBySprint(work: number, velocity: Velocity, trials: number, seed: number): SprintHistogram {
  const draw = velocitySampler(velocity, seededRandom(seed));
  const counts = new Map<number, number>();
  for (let trial = 0; trial < trials; trial++) {
    let done = 0;
    let sprints = 0;
    while (done < work - 1e-9 * work) {
      done += draw();
      sprints++;
    }
    counts.set(sprints, (counts.get(sprints) ?? 0) + 1);
  }
  return [...counts].map(([sprints, count]) => ({ sprints, trials: count })).sort((a, b) => a.sprints - b.sprints);
}

describe('a long walk takes its far sprints in blocks', () => {
  it.each<[string, Velocity]>([
    ['a range', { kind: 'range', low: 20, high: 40 }],
    ['a history', { kind: 'history', values: [12, 30, 41, 25, 33] }],
  ])('gives the percentiles of a sprint-by-sprint walk over about a thousand sprints (%s)', (_, velocity) => {
    const work = 30_000;
    const [blocked] = simulateSprints([new Float64Array(TRIALS).fill(work)], velocity, TRIALS, 7);
    const reference = percentilesOf(sprintBySprint(work, velocity, TRIALS, 11));
    const got = percentilesOf(blocked);
    for (const key of ['p50', 'p70', 'p85', 'p95'] as const) expect(Math.abs(got[key] - reference[key])).toBeLessThanOrEqual(3);
  });

  it('draws a short walk sprint by sprint, exactly as before: the same seed, the same histogram as the reference', () => {
    const velocity: Velocity = { kind: 'range', low: 20, high: 40 };
    const [short] = simulateSprints([new Float64Array(TRIALS).fill(600)], velocity, TRIALS, 5);
    expect(short).toEqual(sprintBySprint(600, velocity, TRIALS, 5));
  });

  it('meets a nearer target inside a block where the block’s work reaches it', () => {
    const velocity: Velocity = { kind: 'range', low: 25, high: 35 };
    const [near, far] = simulateSprints(
      [new Float64Array(TRIALS).fill(15_000), new Float64Array(TRIALS).fill(30_000)],
      velocity,
      TRIALS,
      3,
    );
    expect(Math.abs(percentilesOf(near).p50 - 500)).toBeLessThanOrEqual(3);
    expect(Math.abs(percentilesOf(far).p50 - 1000)).toBeLessThanOrEqual(3);
  });

  it('keeps the burn-up fan and the answer in step: the P85 line reaches the scope at the P85 sprint, not before', () => {
    const velocity: Velocity = { kind: 'history', values: [18, 27, 31, 40] };
    const target = new Float64Array(TRIALS).fill(20_000);
    const p85 = percentilesOf(simulateSprints([target], velocity, TRIALS, 9)[0]).p85;
    const [line] = progressQuantiles(target, target, velocity, TRIALS, 9, [p85 - 1, p85], [0.85]);
    expect(line[1]).toBe(1);
    expect(line[0]).toBeLessThan(1);
  });
});
