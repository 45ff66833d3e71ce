import type { BurnUp } from '../../analyze/forecast.js';
import type { Percentiles, SprintHistogram } from '../../analyze/velocity-simulation.js';
import type { Unit } from '../../model/types.js';
import { formatNumber, unitLabel } from '../../model/units.js';

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

/** Rows of the burn-up as a chart draws them: the past, now, then the fan. */
interface BurnUpRow {
  label: string;
  end?: string;
  /** Done work; for a future sprint, what 85% of the trials got done. */
  solid: number;
  /** For a future sprint, what half the trials got done (the fan from `solid` to it). */
  fan?: number;
  scope: number;
}

/** The past rows a chart shows at most: the last dozen sprints. */
export const PAST_ROWS = 12;

function burnUpRows(chart: BurnUp): BurnUpRow[] {
  const past = chart.past.slice(-PAST_ROWS).map((point) => ({ label: point.label, end: point.end, solid: point.done, scope: point.scope }));
  const now: BurnUpRow = { label: 'now', end: chart.now.end, solid: chart.now.done, scope: chart.now.scope };
  const future = chart.future.map((sprint) => ({
    label: `+${sprint.sprint}`,
    end: sprint.end,
    solid: sprint.p85,
    fan: sprint.p50,
    scope: sprint.scope,
  }));
  return [...past, now, ...future];
}

/**
 * The burn-up for a terminal: one row per sprint (every few for a long forecast), the past from
 * the git history or the document's completed sprints, now, then the forecast. `█` is work done
 * (ahead: what 85% of the trials got done), `▒` the fan up to what half of them got done, `░` the
 * rest of the scope: a row is as long as the scope was, so scope that grows shows.
 */
export function burnUpChart(chart: BurnUp, width = 40): string[] {
  const rows = burnUpRows(chart);
  const most = Math.max(...rows.map((row) => row.scope), 0);
  if (most <= 0) return [];
  const cells = (value: number) => Math.round((Math.max(0, value) / most) * width);
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const dated = rows.some((row) => row.end !== undefined);
  // Whole units for a big scope: a burn-up shows progress, not decimals.
  const digits = most >= 100 ? 0 : most >= 10 ? 1 : 2;
  const show = (value: number) => formatNumber(value, digits);
  const figures = rows.map((row) => {
    const done = row.fan === undefined || show(row.fan) === show(row.solid) ? show(row.solid) : `${show(row.solid)}–${show(row.fan)}`;
    return `${done} / ${show(row.scope)}`;
  });
  const figureWidth = Math.max(...figures.map((text) => text.length));
  return rows.map((row, index) => {
    const solid = bar(Math.min(row.solid, row.scope) / most, width);
    const fanCells = row.fan === undefined ? 0 : Math.max(0, cells(Math.min(row.fan, row.scope)) - solid.length);
    const restCells = Math.max(0, cells(row.scope) - solid.length - fanCells);
    const drawn = solid + '▒'.repeat(fanCells) + '░'.repeat(restCells);
    const date = dated ? ` ${(row.end ?? '').padEnd(10)}` : '';
    return `${row.label.padStart(labelWidth)}${date} │${drawn.padEnd(width)} ${figures[index].padStart(figureWidth)}`;
  });
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, "'")}"`;
}

function mermaidNumber(value: number): string {
  return formatNumber(value, 2);
}

/**
 * The burn-up as a mermaid `xychart-beta` (GitHub renders it): the scope line, then done work
 * continuing as the P50 line ahead, then as the P85 line (left out when it is the same). Mermaid
 * draws no legend, so a caption names the lines.
 */
export function burnUpMermaid(chart: BurnUp, unit: Unit | null): string[] {
  const rows = burnUpRows(chart);
  const most = Math.max(...rows.map((row) => row.scope), 0);
  if (most <= 0) return [];
  const labels = rows.map((row) => quoted(row.end ?? row.label));
  const line = (values: number[]) => `  line [${values.map(mermaidNumber).join(', ')}]`;
  const p50 = rows.map((row) => row.fan ?? row.solid);
  const p85 = rows.map((row) => row.solid);
  const fan = p50.some((value, index) => mermaidNumber(value) !== mermaidNumber(p85[index]));
  const units = unitLabel(unit, 2) || 'work';
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quoted(`Burn-up: ${units} done by the end of each sprint`)}`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis ${quoted(units)} 0 --> ${Math.ceil(most)}`,
    line(rows.map((row) => row.scope)),
    line(p50),
    ...(fan ? [line(p85)] : []),
    '```',
    '',
    fan
      ? `Lines from the top: the scope; ${units} done, then what half of the trials get done (P50); ${units} done, then what 85% of them get done (P85).`
      : `Lines: the scope; ${units} done, then the forecast.`,
  ];
}
