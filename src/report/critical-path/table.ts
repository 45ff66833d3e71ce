import { Chalk } from 'chalk';
import type { CriticalPathResult } from '../../analyze/critical-path.js';
import { formatNumber } from '../../model/units.js';
import { drawTable } from '../terminal-table.js';
import { caveats, figures, headline, namer, percent, scheduleOrder } from './summary.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width; titles are cut to fit. */
  width?: number;
}

/** The schedule for a terminal: critical rows and the critical chains stand out. */
export function criticalPathTable(result: CriticalPathResult, { color, width = 120 }: TableOptions): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const critical = (text: string) => chalk.red.bold(text);
  const criticality = result.simulation?.criticality;
  const head = ['ID', 'Title', 'Duration', 'ES', 'EF', 'LS', 'LF', 'Float', 'Free', 'Critical', ...(criticality ? ['Crit. %'] : [])];
  const fixedWidth = 12 + 10 + 4 * 8 + 2 * 8 + 10 + (criticality ? 9 : 0) + head.length + 1;
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
  const table = drawTable(
    {
      head: head.map((title) => chalk.bold(title)),
      style: { head: [], border: [], compact: true },
      colWidths: [12, Math.max(16, width - fixedWidth), 10, 8, 8, 8, 8, 8, 8, 10, ...(criticality ? [9] : [])],
      colAligns: ['left', 'left', ...Array<'right'>(8).fill('right'), ...(criticality ? ['right' as const] : [])],
    },
    rows,
  );

  const lines = [chalk.bold(headline(result))];
  const name = namer(result);
  result.paths.forEach((path, index) => lines.push(`  ${index + 1}. ${path.map((id) => critical(name(id))).join(' → ')}`));
  if (result.pathsTruncated) lines.push(`  … and ${formatNumber(result.pathCount - result.paths.length, 0)} more`);
  const notes = [...figures(result), ...caveats(result).map((line) => chalk.yellow(line))];
  return `${[table, '', ...lines, ...(notes.length ? ['', ...notes] : [])].join('\n')}\n`;
}
