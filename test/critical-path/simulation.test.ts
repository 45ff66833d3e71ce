import { describe, expect, it } from 'vitest';
import { sampleBetaPert } from '../../src/analyze/beta-pert.js';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { seededRandom } from '../../src/analyze/random.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { reliableBacklog, threePoint } from './networks.js';

describe('sampleBetaPert', () => {
  it('stays within its range and centres on the PERT mean (low + 4·mode + high) / 6', () => {
    const random = seededRandom(7);
    const spread = { low: 2, mode: 3, high: 10 };
    let sum = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    const draws = 200_000;
    for (let index = 0; index < draws; index++) {
      const value = sampleBetaPert(random, spread);
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
      sum += value;
    }
    expect(lowest).toBeGreaterThanOrEqual(2);
    expect(highest).toBeLessThanOrEqual(10);
    // Mean 4; the beta-PERT standard deviation here is √((4−2)(10−4)/7) ≈ 1.31, so the
    // standard error of 200,000 draws is 0.003.
    expect(Math.abs(sum / draws - 4)).toBeLessThan(0.015);
  });
});

describe('criticalPath --simulate', () => {
  it('gives the same answer for the same seed and a different one for another seed', () => {
    const backlog = reliableBacklog('three-point');
    const first = criticalPath(backlog, { simulate: { trials: 2000, seed: 42 } }).simulation!;
    const again = criticalPath(backlog, { simulate: { trials: 2000, seed: 42 } }).simulation!;
    const other = criticalPath(backlog, { simulate: { trials: 2000, seed: 43 } }).simulation!;
    expect(again).toEqual(first);
    expect(other.percentiles).not.toEqual(first.percentiles);
    expect(first).toMatchObject({ trials: 2000, seed: 42, distribution: 'beta-pert' });
  });

  it('simulates the textbook network around its PERT figures', () => {
    const result = criticalPath(reliableBacklog('three-point'), { deadline: 47, simulate: { trials: 10_000, seed: 42 } });
    const simulation = result.simulation!;
    const { p50, p85, p95 } = simulation.percentiles;
    expect(p50).toBeLessThan(p85);
    expect(p85).toBeLessThan(p95);
    // Merging paths push the simulated length above the PERT mean of one path (the known bias of
    // classic PERT), by a little here.
    expect(simulation.mean).toBeGreaterThan(44);
    expect(simulation.mean).toBeLessThan(46);
    expect(p95).toBeGreaterThan(47);
    expect(p95).toBeLessThan(53);
    expect(simulation.probability).toBeGreaterThan(0.6);
    expect(simulation.probability).toBeLessThan(result.probability!);
    // A, B and C are on every path, so critical in every trial; K has slack in most.
    expect(simulation.criticality.A).toBe(1);
    expect(simulation.criticality.C).toBe(1);
    expect(simulation.criticality.K).toBeLessThan(0.5);
    expect(simulation.criticality.M).toBeGreaterThan(0);
  });

  it('keeps single estimates fixed: every trial is the deterministic schedule', () => {
    const backlog = makeBacklog([
      item('A', { estimate: estimate(3, 'points') }),
      item('B', { estimate: estimate(2, 'points'), dependsOn: ['A'] }),
      item('C', { estimate: estimate(1, 'points') }),
    ]);
    const simulation = criticalPath(backlog, { deadline: 5, simulate: { trials: 50, seed: 1 } }).simulation!;
    expect(simulation.percentiles).toEqual({ p50: 5, p85: 5, p95: 5 });
    expect(simulation.mean).toBe(5);
    expect(simulation.probability).toBe(1);
    expect(simulation.criticality).toEqual({ A: 1, B: 1, C: 0 });
  });

  it('shares criticality between two parallel items by their chances of being the longer', () => {
    const backlog = makeBacklog([item('A', { estimate: threePoint(1, 5, 9) }), item('B', { estimate: threePoint(1, 5, 9) })]);
    const { criticality } = criticalPath(backlog, { simulate: { trials: 4000, seed: 3 } }).simulation!;
    expect(criticality.A + criticality.B).toBe(1);
    expect(Math.abs(criticality.A - 0.5)).toBeLessThan(0.05);
  });
});
