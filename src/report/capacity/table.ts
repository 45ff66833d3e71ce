import { Chalk } from 'chalk';
import type { CapacityResult } from '../../analyze/capacity.js';
import { unitLabel } from '../../model/units.js';
import { drawTable } from '../terminal-table.js';
import { HEADERS, headline, sprintNotes, sprintRow, violationLines } from './summary.js';

/** The sprints for a terminal, over-capacity rows in red, then notes and dependency order problems. */
export function capacityTable(result: CapacityResult, { color }: { color: boolean }): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const head = HEADERS.map((title, index) =>
    (index === 1 || index === 2) && result.unit ? `${title} (${unitLabel(result.unit, 2)})` : title,
  );
  const table = drawTable(
    {
      head: head.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'right', 'right', 'right', 'left', 'left'],
    },
    result.sprints.map((sprint) => {
      const cells = sprintRow(sprint);
      return sprint.over ? cells.map((cell) => chalk.red(cell)) : sprint.capacity === null ? cells.map((cell) => chalk.dim(cell)) : cells;
    }),
  );
  const over = result.sprints.some((sprint) => sprint.over);
  const blocks = [table, over ? chalk.red.bold(headline(result)) : chalk.bold(headline(result))];
  const notes = sprintNotes(result);
  if (notes.length > 0) blocks.push(notes.map((note) => chalk.dim(note)).join('\n'));
  const problems = violationLines(result);
  if (problems.length > 0) {
    const title = chalk.yellow.bold(`Dependency order: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    blocks.push([title, ...problems.map((line) => `  ${line}`)].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
