import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { erf, erfc, normalCdf } from '../../src/analyze/normal.js';
import { probabilityWithin } from '../../src/analyze/pert.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { reliableBacklog, threePoint } from './networks.js';

describe('normalCdf and erf', () => {
  // Reference values: 17 significant digits as given by mpmath / standard tables.
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160527e-24],
  ])('Φ(%s) = %s to 1e-14 relative', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected) / expected).toBeLessThan(1e-14);
  });

  it.each([
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
  ])('erf(%s) = %s', (x, expected) => {
    expect(Math.abs(erf(x) - expected) / expected).toBeLessThan(1e-15);
    expect(erf(-x)).toBe(-erf(x));
  });

  it.each([
    [1.2, 0.08968602177036462],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [10, 2.088487583762545e-45],
  ])('erfc(%s) = %s, precise in the tail where 1 − erf would lose it', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-14);
  });

  it('is continuous where it switches from series to continued fraction', () => {
    expect(Math.abs(erfc(1.5 - 1e-12) - erfc(1.5))).toBeLessThan(1e-12);
  });
});

describe('PERT on a textbook network (Hillier & Lieberman, Reliable Construction, §10.4)', () => {
  const result = criticalPath(reliableBacklog('three-point'), { deadline: 47 });

  it('finds the published mean length and its standard deviation', () => {
    expect(result.length).toBeCloseTo(44, 12);
    expect(result.paths).toEqual([['A', 'B', 'C', 'E', 'F', 'J', 'L', 'N']]);
    // Variances 1/9 + 1 + 4 + 4/9 + 1 + 1 + 1 + 4/9 = 9 along the critical path.
    expect(result.stdDev).toBeCloseTo(3, 12);
  });

  it('gives the published probability of meeting the 47-week deadline, Φ(1) ≈ 0.84', () => {
    expect(result.deadline).toBe(47);
    expect(result.probability).toBeCloseTo(0.8413447460685429, 12);
  });
});

describe('PERT', () => {
  it('takes the largest standard deviation among tying critical paths', () => {
    const backlog = makeBacklog([
      item('A', { estimate: threePoint(3, 4, 5) }), // variance 1/9
      item('B', { estimate: threePoint(1, 3, 11) }), // expected 4, variance 25/9
      item('C', { estimate: estimate(2, 'days'), dependsOn: ['A', 'B'] }),
    ]);
    const result = criticalPath(backlog);
    expect(result.paths).toEqual([
      ['A', 'C'],
      ['B', 'C'],
    ]);
    expect(result.stdDev).toBeCloseTo(5 / 3, 14);
  });

  it('uses a range’s variance ((high − low) / 6)² in the backlog unit', () => {
    const backlog = makeBacklog([
      item('A', { estimate: estimate(4, 'days', { low: 3, high: 5 }) }),
      item('B', { estimate: estimate(16, 'hours', { low: 8, high: 24 }), dependsOn: ['A'] }),
    ]);
    const result = criticalPath(backlog);
    expect(result.length).toBe(6);
    // 8–24 hours is 1–3 days: variance 1/9 day², like A's.
    expect(result.stdDev).toBeCloseTo(Math.sqrt(2 / 9), 14);
  });

  it('leaves stdDev out when every estimate is a single figure, but still answers a deadline', () => {
    const backlog = makeBacklog([item('A', { estimate: estimate(5, 'points') })]);
    expect(criticalPath(backlog).stdDev).toBeUndefined();
    expect(criticalPath(backlog, { deadline: 5 }).probability).toBe(1);
    expect(criticalPath(backlog, { deadline: 4.99 }).probability).toBe(0);
  });

  it('treats a certain length as certain, with rounding not counted as lateness', () => {
    expect(probabilityWithin(0.3, 0.1 + 0.2, 0)).toBe(1);
    expect(probabilityWithin(10, 12, 2)).toBeCloseTo(0.15865525393145707, 15);
  });
});
