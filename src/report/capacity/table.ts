import { Chalk } from 'chalk';
import type { CapacityResult } from '../../analyze/capacity.js';
import { unitLabel } from '../../model/units.js';
import { drawFittedTable } from '../fit-table.js';
import { wrapLine } from '../wrap-text.js';
import { HEADERS, headline, sprintNotes, sprintRow, violationLines } from './summary.js';

export interface CapacityTableOptions {
  color: boolean;
  /** Terminal width: the table and the lines under it fit it. Without one (a pipe, a file) nothing is cut. */
  width?: number;
}

/**
 * The sprints for a terminal, over-capacity rows in red, then notes and dependency order
 * problems. On a narrow terminal the headers lose their unit, sprint names shorten with `…`, and
 * where each capacity came from, then the load, leave the table.
 */
export function capacityTable(result: CapacityResult, { color, width }: CapacityTableOptions): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const head = HEADERS.map((title, index) =>
    (index === 1 || index === 2) && result.unit ? `${title} (${unitLabel(result.unit, 2)})` : title,
  );
  const table = drawFittedTable(
    {
      head: head.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'right', 'right', 'right', 'left', 'left'],
    },
    result.sprints.map((sprint) => {
      const cells = sprintRow(sprint);
      return sprint.over ? cells.map((cell) => chalk.red(cell)) : sprint.capacity === null ? cells.map((cell) => chalk.dim(cell)) : cells;
    }),
    {
      width,
      columns: [{ shrink: { min: 24 } }, { short: HEADERS[1] }, { short: HEADERS[2] }, { drop: 2 }, { drop: 3 }, { drop: 1 }],
    },
  );
  const wrap = (lines: string[], hanging?: string) => lines.flatMap((line) => wrapLine(line, width, hanging));
  const over = result.sprints.some((sprint) => sprint.over);
  // Without sprints there is no row to head: the headline says so alone.
  const blocks = [
    ...(result.sprints.length > 0 ? [table] : []),
    wrap([over ? chalk.red.bold(headline(result)) : chalk.bold(headline(result))]).join('\n'),
  ];
  const notes = sprintNotes(result);
  if (notes.length > 0)
    blocks.push(
      wrap(
        notes.map((note) => chalk.dim(note)),
        '  ',
      ).join('\n'),
    );
  const problems = violationLines(result);
  if (problems.length > 0) {
    const title = chalk.yellow.bold(`Dependency order: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    blocks.push(
      [
        title,
        ...wrap(
          problems.map((line) => `  ${line}`),
          '    ',
        ),
      ].join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
