import { describe, expect, it } from 'vitest';
import { NORMAL_FROM, WorkDraw, type SizeDraw } from '../../src/analyze/estimate-draws.js';
import { seededRandom } from '../../src/analyze/random.js';

/** Mean and standard deviation of `trials` totals. */
function moments(draw: WorkDraw, trials: number): { mean: number; sd: number } {
  const random = seededRandom(7);
  let sum = 0;
  let squares = 0;
  for (let trial = 0; trial < trials; trial++) {
    const total = draw.total(random);
    sum += total;
    squares += total * total;
  }
  const mean = sum / trials;
  return { mean, sd: Math.sqrt(squares / trials - mean * mean) };
}

describe('the remaining work of a trial', () => {
  const ranged = (count: number): SizeDraw[] =>
    Array.from({ length: count }, (_, index): SizeDraw =>
      index % 2 ? { kind: 'beta-pert', low: 1, mode: 2, high: 5 } : { kind: 'uniform', low: 2, high: 4 },
    );

  it('of many ranged sizes is one normal draw with their summed mean and variance', () => {
    const draw = new WorkDraw(ranged(NORMAL_FROM + 2));
    const { mean, sd } = moments(draw, 20_000);
    expect(mean).toBeCloseTo(draw.expected, -1);
    expect(Math.abs(sd / Math.sqrt(draw.variance) - 1)).toBeLessThan(0.03);
    expect(draw.variance).toBeCloseTo(((NORMAL_FROM + 2) / 2) * (((7 / 3 - 1) * (5 - 7 / 3)) / 7 + 4 / 12), 6);
  });

  it('of fewer sizes draws each one, with the same mean and spread', () => {
    const draw = new WorkDraw(ranged(2_000));
    const { mean, sd } = moments(draw, 5_000);
    expect(Math.abs(mean / draw.expected - 1)).toBeLessThan(0.001);
    expect(Math.abs(sd / Math.sqrt(draw.variance) - 1)).toBeLessThan(0.05);
  });
});
