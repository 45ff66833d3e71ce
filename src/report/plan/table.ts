import { Chalk } from 'chalk';
import type { PlanResult } from '../../analyze/plan.js';
import { drawTable } from '../terminal-table.js';
import { HEADERS, headline, rows, warningLines } from './summary.js';

const TITLE_WIDTH = 60;

/** A title cut to fit a terminal row; markdown and JSON keep it whole. */
function shorten(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/** The proposed sprints for a terminal; an oversized item's sprint in red, warnings in yellow. */
export function planTable(result: PlanResult, { color }: { color: boolean }): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const table = drawTable(
    {
      head: HEADERS.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', 'left', 'right', 'left'],
    },
    rows(result).map((row) => {
      const cells = row.cells.map((cell, index) => (index === 2 ? shorten(cell, TITLE_WIDTH) : cell));
      return row.over ? cells.map((cell) => chalk.red(cell)) : cells;
    }),
  );
  const blocks = [chalk.bold(headline(result))];
  if (result.sprints.length > 0) blocks.unshift(table);
  const warnings = warningLines(result);
  if (warnings.length > 0) blocks.push(warnings.map((warning) => chalk.yellow(warning)).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
