import { Chalk } from 'chalk';
import type { ForecastResult } from '../../analyze/forecast.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { drawFittedTable, type ColumnFit } from '../fit-table.js';
import { displayWidth, wrapLine } from '../wrap-text.js';
import { burnUpChart, histogramChart } from './charts.js';
import { headline, notes, percentileRows, scenarioRows, statedLine } from './summary.js';

export interface ForecastTableOptions {
  color: boolean;
  /** Terminal width: tables, charts and lines fit it. Without one (a pipe, a file) nothing is cut. */
  width?: number;
}

/** Cells of a bar in a chart: 40, fewer on a narrow terminal, never fewer than this. */
const CHART_CELLS = 40;
const LEAST_CHART_CELLS = 4;

function grid(
  head: string[],
  rows: string[][],
  chalk: InstanceType<typeof Chalk>,
  width: number | undefined,
  columns: ColumnFit[],
): string {
  return drawFittedTable(
    {
      head: head.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colAligns: head.map((_, index) => (index < 2 ? 'right' : 'left')),
    },
    rows,
    { width, columns },
  );
}

/**
 * A chart drawn with bars of 40 cells, or as many fewer as a terminal of `width` needs: every
 * line of a chart is as much wider as its bars are longer.
 */
function fittedChart(draw: (cells: number) => string[], width: number | undefined): string[] {
  const lines = draw(CHART_CELLS);
  if (width === undefined) return lines;
  const over = Math.max(0, ...lines.map(displayWidth)) - width;
  return over > 0 ? draw(Math.max(LEAST_CHART_CELLS, CHART_CELLS - over)) : lines;
}

/**
 * The forecast for a terminal: the answer, percentiles and scenarios as tables, the simulated
 * distribution as a histogram, a burn-up, and the stated figures that differ in colour. On a
 * narrow terminal the charts' bars get shorter, the end dates and then the durations leave the
 * tables, and the lines of prose wrap.
 */
export function forecastTable(result: ForecastResult, { color, width }: ForecastTableOptions): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const wrap = (lines: string[], hanging?: string) => lines.flatMap((line) => wrapLine(line, width, hanging));
  const blocks: string[] = [wrap([chalk.bold(headline(result))]).join('\n')];
  const dated = result.dates !== undefined;

  const percentiles = percentileRows(result);
  if (percentiles.length > 0) {
    blocks.push(grid(['Chance', 'Sprints', ...(dated ? ['Ends'] : [])], percentiles, chalk, width, [{}, {}, { drop: 1 }]));
  }
  const scenarios = scenarioRows(result);
  if (scenarios.length > 0) {
    const columns = [{}, {}, { drop: 2 }, { drop: 1 }];
    blocks.push(grid(['Velocity', 'Sprints', 'Duration', ...(dated ? ['Ends'] : [])], scenarios, chalk, width, columns));
  }

  if (result.histogram && result.percentiles && result.remaining > 0) {
    const { histogram, percentiles: marks } = result;
    blocks.push(
      [
        ...wrap([chalk.bold(`Sprints to finish, over ${result.simulation!.trials} trials (share, cumulative)`)]),
        ...fittedChart((cells) => histogramChart(histogram, marks, cells), width).map((line) => chalk.cyan(line)),
      ].join('\n'),
    );
  }
  const chart = fittedChart((cells) => burnUpChart(result.burnUp, cells), width);
  if (result.remaining > 0 && chart.length > 0) {
    const units = unitLabel(result.unit, 2) || 'work';
    const fan = result.burnUp.future.some((sprint) => formatNumber(sprint.p50) !== formatNumber(sprint.p85));
    const title = fan
      ? `Burn-up: ${units} done (█) of the scope (░) by the end of each sprint; ahead, █ is what 85% of the trials get done, ▒ up to what half of them do`
      : `Burn-up: ${units} done (█) of the scope (░) by the end of each sprint`;
    blocks.push([...wrap([chalk.bold(title)]), ...chart].join('\n'));
  }

  const stated = result.stated.map((figure) =>
    figure.difference === 0 ? chalk.green(statedLine(figure, result.unit)) : chalk.red(statedLine(figure, result.unit)),
  );
  const remarks = notes(result).map((line) => (/^(?:Left out|Warning|--history)/.test(line) ? chalk.yellow(line) : chalk.dim(line)));
  if (stated.length + remarks.length > 0) blocks.push(wrap([...stated, ...remarks], '  ').join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
