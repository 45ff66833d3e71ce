import { sprintsFor } from '../../analyze/sprints-for.js';
import type { Percentiles, SprintHistogram } from '../../analyze/velocity-simulation.js';
import { formatNumber } from '../../model/units.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const MAX_ROWS = 24;

/** A bar of `fraction` × `width` cells, to an eighth of a cell. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** A share to a tenth of a percent; a share that is not nothing (or not everything) never shows as 0% (or 100%). */
function percent(part: number, whole: number): string {
  const text = formatNumber((100 * part) / whole, 1);
  if (text === '0' && part > 0) return '<0.1%';
  if (text === '100' && part < whole) return '>99.9%';
  return `${text}%`;
}

/** Bars of the same sprint count merged into ranges when there are too many to show one by one. */
function buckets(histogram: SprintHistogram): { from: number; to: number; trials: number }[] {
  if (histogram.length === 0) return [];
  const first = histogram[0].sprints;
  const last = histogram.at(-1)!.sprints;
  const size = Math.ceil((last - first + 1) / MAX_ROWS);
  const rows = Array.from({ length: Math.ceil((last - first + 1) / size) }, (_, index) => ({
    from: first + index * size,
    to: Math.min(last, first + index * size + size - 1),
    trials: 0,
  }));
  for (const { sprints, trials } of histogram) rows[Math.floor((sprints - first) / size)].trials += trials;
  return rows;
}

/**
 * The simulated distribution of sprints to finish: one bar per outcome (or range of outcomes),
 * its share of the trials, the cumulative share, and which percentiles fall on it.
 */
export function histogramChart(histogram: SprintHistogram, percentiles: Percentiles, width = 40): string[] {
  const rows = buckets(histogram);
  const total = rows.reduce((sum, row) => sum + row.trials, 0);
  const tallest = Math.max(...rows.map((row) => row.trials));
  const labels = rows.map((row) => (row.from === row.to ? String(row.from) : `${row.from}–${row.to}`));
  const labelWidth = Math.max(...labels.map((label) => label.length));
  let seen = 0;
  return rows.map((row, index) => {
    seen += row.trials;
    const marks = (Object.keys(percentiles) as (keyof Percentiles)[])
      .filter((key) => percentiles[key] >= row.from && percentiles[key] <= row.to)
      .map((key) => key.toUpperCase());
    const cells = bar(row.trials / tallest, width).padEnd(width);
    return `${labels[index].padStart(labelWidth)} │${cells} ${percent(row.trials, total).padStart(6)} ${percent(seen, total).padStart(7)}${marks.length ? `  ${marks.join(' ')}` : ''}`;
  });
}

/**
 * Work done sprint by sprint: `█` for what the slowest velocity gets done, `░` for what the
 * fastest adds, against the remaining work. At most 24 rows: a long forecast shows every few
 * sprints, and always the last.
 */
export function burnUpChart(remaining: number, bounds: { low: number; high: number }, width = 40): string[] {
  const sprints = sprintsFor(remaining, bounds.low);
  if (sprints === 0) return [];
  const step = Math.ceil(sprints / MAX_ROWS);
  const shown: number[] = [];
  for (let sprint = step; sprint < sprints; sprint += step) shown.push(sprint);
  shown.push(sprints);
  const labelWidth = String(sprints).length;
  const most = formatNumber(remaining);
  const doneWidth = bounds.low === bounds.high ? most.length : `${most}–${most}`.length;
  return shown.map((sprint) => {
    const slow = Math.min(remaining, sprint * bounds.low);
    const fast = Math.min(remaining, sprint * bounds.high);
    const solid = bar(slow / remaining, width);
    const band = '░'.repeat(Math.max(0, Math.round((fast / remaining) * width) - solid.length));
    const done = slow === fast ? formatNumber(slow) : `${formatNumber(slow)}–${formatNumber(fast)}`;
    return `${String(sprint).padStart(labelWidth)} │${(solid + band).padEnd(width)} ${done.padStart(doneWidth)} / ${formatNumber(remaining)}`;
  });
}
