import { Chalk } from 'chalk';
import type { CriticalPathResult } from '../../analyze/critical-path.js';
import { formatNumber } from '../../model/units.js';
import { drawFittedTable } from '../fit-table.js';
import { wrapLine } from '../wrap-text.js';
import { caveats, figures, headline, namer, percent, scheduleOrder } from './summary.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width: the table and the lines under it fit it. Without one (a pipe, a file) nothing is cut. */
  width?: number;
}

/**
 * The schedule for a terminal: critical rows and the critical chains stand out. On a narrow
 * terminal titles shorten first, then the columns a reader can do without leave: the critical
 * mark (the float says it too), free float, late start and finish, early start and finish.
 */
export function criticalPathTable(result: CriticalPathResult, { color, width }: TableOptions): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const critical = (text: string) => chalk.red.bold(text);
  const criticality = result.simulation?.criticality;
  const head = ['ID', 'Title', 'Duration', 'ES', 'EF', 'LS', 'LF', 'Float', 'Free', 'Critical', ...(criticality ? ['Crit. %'] : [])];
  const rows = scheduleOrder(result).map((item) => {
    const cells = [
      item.id,
      item.done ? `${item.title} (done)` : item.title,
      formatNumber(item.duration),
      formatNumber(item.earlyStart),
      formatNumber(item.earlyFinish),
      formatNumber(item.lateStart),
      formatNumber(item.lateFinish),
      formatNumber(item.totalFloat),
      formatNumber(item.freeFloat),
      item.critical ? '●' : '',
      ...(criticality ? [percent(criticality[item.id] ?? 0)] : []),
    ];
    return item.critical ? cells.map(critical) : item.done ? cells.map((cell) => chalk.dim(cell)) : cells;
  });
  const table = drawFittedTable(
    {
      head: head.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', ...Array<'right'>(8).fill('right'), ...(criticality ? ['right' as const] : [])],
    },
    rows,
    {
      width,
      columns: [
        {},
        { shrink: { min: 16 } },
        { drop: 9, short: 'Dur.' },
        { drop: 6 },
        { drop: 7 },
        { drop: 4 },
        { drop: 5 },
        { drop: 10 },
        { drop: 2 },
        { drop: 1, short: 'Crit.' },
        { drop: 3 },
      ],
    },
  );

  const lines = [chalk.bold(headline(result))];
  const name = namer(result);
  result.paths.forEach((path, index) => lines.push(`  ${index + 1}. ${path.map((id) => critical(name(id))).join(' → ')}`));
  if (result.pathsTruncated) lines.push(`  … and ${formatNumber(result.pathCount - result.paths.length, 0)} more`);
  const notes = [...figures(result), ...caveats(result).map((line) => chalk.yellow(line))];
  const wrapped = [...lines, ...(notes.length ? ['', ...notes] : [])].flatMap((line) =>
    wrapLine(line, width, /^ {2}\d/.test(line) ? '     ' : undefined),
  );
  return `${[table, '', ...wrapped].join('\n')}\n`;
}
