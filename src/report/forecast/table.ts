import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ForecastResult } from '../../analyze/forecast.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { burnUpChart, histogramChart } from './charts.js';
import { headline, notes, percentileRows, scenarioRows, statedLine } from './summary.js';

export interface ForecastTableOptions {
  color: boolean;
}

function grid(head: string[], rows: string[][], chalk: InstanceType<typeof Chalk>): string {
  const table = new Table({
    head: head.map((title) => chalk.bold(title)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, index) => (index < 2 ? 'right' : 'left')),
  });
  table.push(...rows);
  return table.toString();
}

/**
 * The forecast for a terminal: the answer, percentiles and scenarios as tables, the simulated
 * distribution as a histogram, a burn-up, and the stated figures that differ in colour.
 */
export function forecastTable(result: ForecastResult, { color }: ForecastTableOptions): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const blocks: string[] = [chalk.bold(headline(result))];
  const dated = result.dates !== undefined;

  const percentiles = percentileRows(result);
  if (percentiles.length > 0) blocks.push(grid(['Chance', 'Sprints', ...(dated ? ['Ends'] : [])], percentiles, chalk));
  const scenarios = scenarioRows(result);
  if (scenarios.length > 0) blocks.push(grid(['Velocity', 'Sprints', 'Duration', ...(dated ? ['Ends'] : [])], scenarios, chalk));

  if (result.histogram && result.percentiles && result.remaining > 0) {
    blocks.push(
      [
        chalk.bold(`Sprints to finish, over ${result.simulation!.trials} trials (share, cumulative)`),
        ...histogramChart(result.histogram, result.percentiles).map((line) => chalk.cyan(line)),
      ].join('\n'),
    );
  }
  const chart = burnUpChart(result.burnUp);
  if (result.remaining > 0 && chart.length > 0) {
    const units = unitLabel(result.unit, 2) || 'work';
    const fan = result.burnUp.future.some((sprint) => formatNumber(sprint.p50) !== formatNumber(sprint.p85));
    const title = fan
      ? `Burn-up: ${units} done (█) of the scope (░) by the end of each sprint; ahead, █ is what 85% of the trials get done, ▒ up to what half of them do`
      : `Burn-up: ${units} done (█) of the scope (░) by the end of each sprint`;
    blocks.push([chalk.bold(title), ...chart].join('\n'));
  }

  const stated = result.stated.map((figure) =>
    figure.difference === 0 ? chalk.green(statedLine(figure, result.unit)) : chalk.red(statedLine(figure, result.unit)),
  );
  const remarks = notes(result).map((line) => (/^(?:Left out|Warning|--history)/.test(line) ? chalk.yellow(line) : chalk.dim(line)));
  if (stated.length + remarks.length > 0) blocks.push([...stated, ...remarks].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
