import type { Item, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY, spreadIn } from '../model/units.js';
import { betaPertDrawTable, DRAW_STEPS, sampleBetaPert, type ThreePoint } from './beta-pert.js';
import { standardNormal, type Random } from './random.js';

/**
 * How one item's size is drawn in a trial, in the forecast's unit: exactly its estimate (a single
 * figure, or nothing to draw), beta-PERT over a range or three-point estimate (the distribution
 * `critical-path --simulate` draws), or evenly over a T-shirt size's scale (a scale says where a
 * size starts and ends, not which value in it is likeliest).
 */
export type SizeDraw =
  | { kind: 'exact'; value: number }
  | { kind: 'beta-pert'; low: number; mode: number; high: number }
  | { kind: 'uniform'; low: number; high: number };

/** How an item's estimate is drawn; `exact` 0 when it has none in `unit` (the forecast leaves it out). */
export function sizeDrawOf(item: Item, unit: Unit | null, hoursPerDay = DEFAULT_HOURS_PER_DAY): SizeDraw {
  const estimate = item.estimate;
  const spread = estimate && unit ? spreadIn(estimate, unit, hoursPerDay) : null;
  if (!estimate || !spread) return { kind: 'exact', value: 0 };
  if (estimate.kind === 'single' || !(spread.high > spread.low)) return { kind: 'exact', value: spread.expected };
  if (estimate.kind === 'size') return { kind: 'uniform', low: spread.low, high: spread.high };
  // The mode the PERT mean (low + 4·mode + high) / 6 implies, as critical-path --simulate takes it.
  const mode = Math.min(spread.high, Math.max(spread.low, (6 * spread.expected - spread.low - spread.high) / 4));
  return { kind: 'beta-pert', low: spread.low, mode, high: spread.high };
}

const STEP = 1 / DRAW_STEPS;

/** So many independently drawn sizes are summed as one normal draw (see `WorkDraw.total`). */
export const NORMAL_FROM = 10_000;

/** Shapes that get a draw table (256 KB each); items of further shapes are drawn through gamma draws (slower, the same distribution). */
const MAX_TABLES = 16;

interface TableGroup {
  table: Float32Array;
  index: Int32Array;
  range: Float64Array;
}

/**
 * The remaining work of a trial: every item's size drawn once per trial, each independently.
 * Built once per forecast; `total` and `fill` draw a trial. The draws go in a fixed order
 * (evenly drawn sizes, then each beta-PERT shape, then the rest), so a seed gives one answer.
 * Each ranged size is 16 random bits looked up in its shape's draw table (65,536 equally likely
 * values): a trial over 10,000 ranged items takes about 40 µs.
 */
export class WorkDraw {
  /** Items whose size is drawn. */
  readonly drawn: number;
  /** Sums over every item: expected (PERT means), lowest and highest. */
  readonly expected: number;
  /** The variance of a trial's total: the sum of every drawn size's variance. */
  readonly variance: number;
  readonly low: number;
  readonly high: number;
  /** Each item's exact size, or the low end of its range. */
  private readonly fixed: Float64Array;
  private readonly fixedSum: number;
  private readonly uniformIndex: Int32Array;
  private readonly uniformRange: Float64Array;
  private readonly groups: TableGroup[];
  private readonly direct: { index: number; spread: ThreePoint }[];
  /** The random bits of a trial's draws (the evenly drawn sizes and the tabled shapes), taken in one go. */
  private readonly bits: Uint32Array;

  constructor(draws: readonly SizeDraw[]) {
    const count = draws.length;
    this.fixed = new Float64Array(count);
    let fixedSum = 0;
    let expected = 0;
    let low = 0;
    let high = 0;
    let variance = 0;
    const uniform: number[] = [];
    const byShape = new Map<number, number[]>();
    draws.forEach((draw, index) => {
      if (draw.kind === 'exact') {
        this.fixed[index] = draw.value;
        fixedSum += draw.value;
        expected += draw.value;
        low += draw.value;
        high += draw.value;
        return;
      }
      fixedSum += draw.low;
      this.fixed[index] = draw.low;
      low += draw.low;
      high += draw.high;
      if (draw.kind === 'uniform') {
        expected += (draw.low + draw.high) / 2;
        variance += (draw.high - draw.low) ** 2 / 12;
        uniform.push(index);
      } else {
        const mean = (draw.low + 4 * draw.mode + draw.high) / 6;
        expected += mean;
        // Beta-PERT (λ = 4): (μ − a)(b − μ) / 7.
        variance += ((mean - draw.low) * (draw.high - mean)) / 7;
        const share = (draw.mode - draw.low) / (draw.high - draw.low);
        const members = byShape.get(share);
        if (members) members.push(index);
        else byShape.set(share, [index]);
      }
    });
    this.fixedSum = fixedSum;
    this.expected = expected;
    this.variance = variance;
    this.low = low;
    this.high = high;
    this.uniformIndex = Int32Array.from(uniform);
    this.uniformRange = Float64Array.from(uniform, (index) => {
      const draw = draws[index] as Extract<SizeDraw, { kind: 'uniform' }>;
      return draw.high - draw.low;
    });
    // The commonest shapes get tables (a range's midpoint mode is one shape for all ranges).
    const shapes = [...byShape].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    this.groups = shapes.slice(0, MAX_TABLES).map(([share, members]) => ({
      table: betaPertDrawTable(share),
      index: Int32Array.from(members),
      range: Float64Array.from(members, (index) => {
        const draw = draws[index] as Extract<SizeDraw, { kind: 'beta-pert' }>;
        return draw.high - draw.low;
      }),
    }));
    this.direct = shapes.slice(MAX_TABLES).flatMap(([, members]) =>
      members.map((index) => {
        const { low: from, mode, high: to } = draws[index] as Extract<SizeDraw, { kind: 'beta-pert' }>;
        return { index, spread: { low: from, mode, high: to } };
      }),
    );
    this.drawn = uniform.length + [...byShape.values()].reduce((sum, members) => sum + members.length, 0);
    // Two 16-bit draws from each 32-bit number.
    this.bits = new Uint32Array(Math.ceil((uniform.length + this.groups.reduce((sum, group) => sum + group.index.length, 0)) / 2));
  }

  /**
   * One trial's remaining work: the exact sizes plus one draw of each ranged one. Beyond
   * NORMAL_FROM drawn sizes their sum is drawn at once from the normal distribution with its
   * mean and variance: by the central limit theorem it differs from summing each draw by far less
   * than a trial's spread, at the cost of one draw instead of one per item.
   */
  total(random: Random): number {
    if (this.drawn > NORMAL_FROM)
      return Math.max(this.low, Math.min(this.high, this.expected + Math.sqrt(this.variance) * standardNormal(random)));
    const bits = this.bits;
    random.fillUint32(bits);
    let total = this.fixedSum;
    // 16 random bits per draw, two draws per 32-bit number: this loop is most of a big forecast's time.
    let next = 0;
    const { uniformRange } = this;
    for (let k = 0; k < uniformRange.length; k++, next++) {
      total += uniformRange[k] * (((bits[next >>> 1] >>> ((next & 1) << 4)) & 0xffff) + 0.5) * STEP;
    }
    for (const { table, range } of this.groups) {
      for (let k = 0; k < range.length; k++, next++) total += range[k] * table[(bits[next >>> 1] >>> ((next & 1) << 4)) & 0xffff];
    }
    for (const { spread } of this.direct) total += sampleBetaPert(random, spread) - spread.low;
    return total;
  }

  /** One trial's sizes, item by item, into `sizes` (as long as the items); answers their sum. The same draws as `total`. */
  fill(random: Random, sizes: Float64Array): number {
    const bits = this.bits;
    random.fillUint32(bits);
    sizes.set(this.fixed);
    let total = this.fixedSum;
    let next = 0;
    const { uniformIndex, uniformRange } = this;
    for (let k = 0; k < uniformIndex.length; k++, next++) {
      const extra = uniformRange[k] * (((bits[next >>> 1] >>> ((next & 1) << 4)) & 0xffff) + 0.5) * STEP;
      total += extra;
      sizes[uniformIndex[k]] += extra;
    }
    for (const { table, index, range } of this.groups) {
      for (let k = 0; k < index.length; k++, next++) {
        const extra = range[k] * table[(bits[next >>> 1] >>> ((next & 1) << 4)) & 0xffff];
        total += extra;
        sizes[index[k]] += extra;
      }
    }
    for (const { index, spread } of this.direct) {
      const extra = sampleBetaPert(random, spread) - spread.low;
      total += extra;
      sizes[index] += extra;
    }
    return total;
  }
}
