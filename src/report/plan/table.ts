import { Chalk } from 'chalk';
import type { PlanResult } from '../../analyze/plan.js';
import { drawFittedTable } from '../fit-table.js';
import { wrapLine } from '../wrap-text.js';
import { HEADERS, headline, rows, warningLines } from './summary.js';

export interface PlanTableOptions {
  color: boolean;
  /** Terminal width: the table and the lines under it fit it. Without one (a pipe, a file) nothing is cut. */
  width?: number;
}

/**
 * The proposed sprints for a terminal; an oversized item's sprint in red, warnings in yellow. On
 * a narrow terminal titles shorten with `…`, then the sprint labels, then the priority leaves.
 */
export function planTable(result: PlanResult, { color, width }: PlanTableOptions): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const table = drawFittedTable(
    {
      head: HEADERS.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', 'left', 'right', 'left'],
    },
    rows(result).map((row) => (row.over ? row.cells.map((cell) => chalk.red(cell)) : row.cells)),
    { width, columns: [{ shrink: { min: 10 } }, {}, { shrink: { min: 16, order: 2 } }, {}, { drop: 1 }] },
  );
  const wrap = (lines: string[]) => lines.flatMap((line) => wrapLine(line, width, '  '));
  const blocks = [wrap([chalk.bold(headline(result))]).join('\n')];
  if (result.sprints.length > 0) blocks.unshift(table);
  const warnings = warningLines(result);
  if (warnings.length > 0) blocks.push(wrap(warnings.map((warning) => chalk.yellow(warning))).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
