import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betaPertDrawTable,
  betaPertQuantiles,
  drawFromTable,
  DRAW_STEPS,
  QUANTILE_CELLS,
  sampleBetaPert,
} from '../../src/analyze/beta-pert.js';
import { sizeDrawOf, WorkDraw, type SizeDraw } from '../../src/analyze/estimate-draws.js';
import { seededRandom } from '../../src/analyze/random.js';
import type { Estimate } from '../../src/model/types.js';
import { estimate, item } from '../helpers/make-backlog.js';

/** The mean of what a table draws: every cell at 4,096 evenly spaced places within it. */
function tableMean(table: Float64Array): number {
  let sum = 0;
  const steps = 4096;
  for (let cell = 0; cell < QUANTILE_CELLS; cell++) {
    for (let step = 0; step < steps; step++) sum += drawFromTable(table, ((cell << 20) | ((step + 0.5) * (1048576 / steps))) >>> 0);
  }
  return sum / (QUANTILE_CELLS * steps);
}

describe('betaPertQuantiles', () => {
  it.each([0, 0.1, 0.25, 0.5, 0.8, 1])('runs from 0 to 1 and averages PERT’s mean for a mode at %s of the range', (share) => {
    const table = betaPertQuantiles(share);
    expect(table).toHaveLength(QUANTILE_CELLS + 3);
    expect(table[0]).toBe(0);
    expect(table[QUANTILE_CELLS]).toBe(1);
    for (let cell = 1; cell <= QUANTILE_CELLS; cell++) expect(table[cell]).toBeGreaterThanOrEqual(table[cell - 1]);
    expect(Math.abs(tableMean(table) - (1 + 4 * share) / 6)).toBeLessThan(1e-6);
  });

  it('puts the median of a symmetric shape in the middle, and a skewed one towards its mode', () => {
    expect(betaPertQuantiles(0.5)[QUANTILE_CELLS / 2]).toBeCloseTo(0.5, 6);
    expect(betaPertQuantiles(0.1)[QUANTILE_CELLS / 2]).toBeLessThan(0.5);
    expect(betaPertQuantiles(0.9)[QUANTILE_CELLS / 2]).toBeGreaterThan(0.5);
  });

  it('draws what two gamma draws do: the same mean and spread', () => {
    const table = betaPertQuantiles(0.25);
    const random = seededRandom(3);
    const spread = { low: 0, mode: 0.25, high: 1 };
    const byTable: number[] = [];
    const byGamma: number[] = [];
    for (let draw = 0; draw < 20_000; draw++) {
      byTable.push(drawFromTable(table, random.uint32()));
      byGamma.push(sampleBetaPert(random, spread));
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const deviation = (values: number[]) => Math.sqrt(mean(values.map((value) => (value - mean(values)) ** 2)));
    expect(mean(byTable)).toBeCloseTo(mean(byGamma), 2);
    expect(deviation(byTable)).toBeCloseTo(deviation(byGamma), 2);
  });
});

describe('betaPertDrawTable', () => {
  it.each([0, 0.125, 0.5, 0.9, 1])('spreads the shape over 65,536 equally likely values with PERT’s mean, mode at %s', (share) => {
    const table = betaPertDrawTable(share);
    expect(table).toHaveLength(DRAW_STEPS);
    let sum = 0;
    for (let step = 0; step < DRAW_STEPS; step++) {
      if (step > 0) expect(table[step]).toBeGreaterThanOrEqual(table[step - 1]);
      sum += table[step];
    }
    expect(table[0]).toBeGreaterThanOrEqual(0);
    expect(table[DRAW_STEPS - 1]).toBeLessThanOrEqual(1);
    expect(Math.abs(sum / DRAW_STEPS - (1 + 4 * share) / 6)).toBeLessThan(1e-6);
  });
});

describe('drawFromTable', () => {
  it('picks the cell by the high 12 bits and places the draw in it by the low 20', () => {
    const table = betaPertQuantiles(0.5);
    expect(drawFromTable(table, 5 << 20)).toBe(table[5]);
    expect(drawFromTable(table, (5 << 20) | (1 << 19))).toBeCloseTo((table[5] + table[6]) / 2, 15);
    expect(drawFromTable(table, 0)).toBe(0);
    expect(drawFromTable(table, 0xffffffff)).toBeGreaterThan(0.999);
    expect(drawFromTable(table, 0xffffffff)).toBeLessThan(1);
  });
});

describe('seededRandom streams', () => {
  it('keeps stream 0 the stream it always was, and gives another stream other draws', () => {
    const legacy = seededRandom(11);
    const first = seededRandom(11, 0);
    const second = seededRandom(11, 1);
    const a = Array.from({ length: 5 }, () => legacy.fraction32());
    expect(Array.from({ length: 5 }, () => first.fraction32())).toEqual(a);
    expect(Array.from({ length: 5 }, () => second.fraction32())).not.toEqual(a);
  });

  it('fills a buffer with exactly the values uint32() would give, one call at a time', () => {
    const bulk = seededRandom(21, 1);
    const single = seededRandom(21, 1);
    const buffer = new Uint32Array(1001);
    bulk.fillUint32(buffer, 1000);
    expect(buffer[1000]).toBe(0);
    expect(Array.from(buffer.subarray(0, 1000))).toEqual(Array.from({ length: 1000 }, () => single.uint32()));
    // and carries on where it stopped
    expect(bulk.uint32()).toBe(single.uint32());
    bulk.fillUint32(buffer);
    expect(buffer[0]).toBe(single.uint32());
  });

  it('gives unsigned 32-bit integers', () => {
    const random = seededRandom(4);
    for (let draw = 0; draw < 1000; draw++) {
      const value = random.uint32();
      expect(Number.isInteger(value) && value >= 0 && value <= 0xffffffff).toBe(true);
    }
  });
});

describe('sizeDrawOf', () => {
  const size = (low: number, high: number): Estimate => ({ ...estimate((low + high) / 2, 'days', { low, high }), kind: 'size', size: 'M' });

  it('keeps an exact estimate exact, and weighs nothing without an estimate in the unit', () => {
    expect(sizeDrawOf(item('A', { estimate: estimate(5) }), 'points')).toEqual({ kind: 'exact', value: 5 });
    expect(sizeDrawOf(item('A'), 'points')).toEqual({ kind: 'exact', value: 0 });
    expect(sizeDrawOf(item('A', { estimate: estimate(5) }), 'days')).toEqual({ kind: 'exact', value: 0 });
    expect(sizeDrawOf(item('A', { estimate: estimate(4, 'points', { low: 4, high: 4 }) }), 'points')).toEqual({ kind: 'exact', value: 4 });
  });

  it('draws a range by beta-PERT with the mode its expected value implies, as critical-path --simulate does', () => {
    expect(sizeDrawOf(item('A', { estimate: estimate(4, 'points', { low: 2, high: 6 }) }), 'points')).toEqual({
      kind: 'beta-pert',
      low: 2,
      mode: 4,
      high: 6,
    });
    // Three-point 2/4/12: expected (2 + 16 + 12) / 6 = 5, mode 4.
    const threePoint: Estimate = {
      unit: 'days',
      low: 2,
      high: 12,
      expected: 5,
      raw: '2/4/12',
      kind: 'three-point',
      variance: (10 / 6) ** 2,
    };
    expect(sizeDrawOf(item('B', { estimate: threePoint }), 'days')).toEqual({ kind: 'beta-pert', low: 2, mode: 4, high: 12 });
  });

  it('draws a T-shirt size evenly over its scale, converting hours to days', () => {
    expect(sizeDrawOf(item('A', { estimate: size(3, 5) }), 'days')).toEqual({ kind: 'uniform', low: 3, high: 5 });
    const hours: Estimate = { ...size(8, 16), unit: 'hours' };
    expect(sizeDrawOf(item('B', { estimate: hours }), 'days', 8)).toEqual({ kind: 'uniform', low: 1, high: 2 });
  });
});

describe('WorkDraw', () => {
  const draws: SizeDraw[] = [
    { kind: 'exact', value: 5 },
    { kind: 'uniform', low: 1, high: 2 },
    { kind: 'uniform', low: 3, high: 5 },
    { kind: 'beta-pert', low: 2, mode: 4, high: 6 },
    { kind: 'beta-pert', low: 1, mode: 2, high: 10 },
    { kind: 'exact', value: 0 },
  ];

  it('knows what it draws: how many, the expected sum, the lowest and the highest', () => {
    const work = new WorkDraw(draws);
    expect(work.drawn).toBe(4);
    expect(work.low).toBe(12);
    expect(work.high).toBe(28);
    expect(work.expected).toBeCloseTo(5 + 1.5 + 4 + 4 + (1 + 8 + 10) / 6, 12);
  });

  it('draws every trial between the lowest and the highest, around the expected sum', () => {
    const work = new WorkDraw(draws);
    const random = seededRandom(8);
    let sum = 0;
    for (let trial = 0; trial < 20_000; trial++) {
      const total = work.total(random);
      expect(total).toBeGreaterThanOrEqual(12);
      expect(total).toBeLessThanOrEqual(28);
      sum += total;
    }
    expect(sum / 20_000).toBeCloseTo(work.expected, 1);
  });

  it('fills each item’s size in place and answers their sum; the same seed, the same draws', () => {
    const work = new WorkDraw(draws);
    const sizes = new Float64Array(draws.length);
    const total = work.fill(seededRandom(5), sizes);
    expect(sizes.reduce((sum, value) => sum + value, 0)).toBeCloseTo(total, 12);
    expect(sizes[0]).toBe(5);
    expect(sizes[5]).toBe(0);
    expect(sizes[1]).toBeGreaterThanOrEqual(1);
    expect(sizes[1]).toBeLessThanOrEqual(2);
    expect(work.total(seededRandom(5))).toBe(total);
  });

  it('draws nothing for exact estimates', () => {
    const work = new WorkDraw([
      { kind: 'exact', value: 3 },
      { kind: 'exact', value: 4 },
    ]);
    expect(work.drawn).toBe(0);
    expect(work.total(seededRandom(1))).toBe(7);
  });

  it('draws many shapes, past the tables it keeps, from the same distributions', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 60 }), (modes) => {
        const many: SizeDraw[] = modes.map((mode) => ({ kind: 'beta-pert', low: 0, mode, high: 1 }));
        const total = new WorkDraw(many).total(seededRandom(2));
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(many.length);
      }),
      { numRuns: 20 },
    );
  });
});
