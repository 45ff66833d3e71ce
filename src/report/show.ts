import { groupBy } from '../model/group-by.js';
import type { Backlog, Item } from '../model/types.js';
import { formatNumber, itemsInOtherUnit, unitLabel } from '../model/units.js';
import { sumExpected, workItems } from '../model/totals.js';

export interface ShowOptions {
  color: boolean;
  /** Terminal width in columns, when known. */
  width?: number;
}

const SCHEMA_VERSION = 1;

/** The model as JSON: DESIGN.md's contract fields first, then the rest of what was read. */
function showJson(backlog: Backlog): string {
  const json = {
    schemaVersion: SCHEMA_VERSION,
    unit: backlog.unit,
    items: backlog.items,
    sprints: backlog.sprints,
    groups: backlog.groups,
    totals: totals(backlog),
    claims: backlog.claims,
    conflicts: backlog.conflicts,
    diagnostics: backlog.diagnostics.map(({ fix: _fix, ...diagnostic }) => diagnostic),
    files: backlog.files,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function totals(backlog: Backlog): { all: number; remaining: number; byFile: Record<string, number>; bySprint: Record<string, number> } {
  const work = workItems(backlog);
  const workByFile = groupBy(work, (item) => item.source.file);
  const byFile: Record<string, number> = {};
  for (const file of backlog.files) byFile[file.file] = sumExpected(workByFile.get(file.file) ?? [], backlog.unit);
  const bySprint: Record<string, number> = {};
  for (const sprint of backlog.sprints) bySprint[sprint.name] = sprint.committed;
  return {
    all: sumExpected(work, backlog.unit),
    remaining: sumExpected(
      work.filter((item) => !item.done),
      backlog.unit,
    ),
    byFile,
    bySprint,
  };
}

function estimateText(item: Item): string {
  if (!item.estimate) return '';
  const { estimate } = item;
  const short = { points: 'pt', days: 'd', hours: 'h', sprints: ' sprints' }[estimate.unit];
  const value =
    estimate.low === estimate.high ? formatNumber(estimate.expected) : `${formatNumber(estimate.low)}–${formatNumber(estimate.high)}`;
  return `${value}${short}${estimate.size ? ` (${estimate.size})` : ''}`;
}

function rows(backlog: Backlog): string[][] {
  return backlog.items.map((item) => [
    item.id,
    item.title,
    estimateText(item),
    item.sprint ?? '',
    [...item.dependsOn, ...item.unresolved.map((reference) => `${reference}?`)].join(', '),
    item.done ? `${item.status ?? 'done'}` : (item.status ?? ''),
  ]);
}

function summaryLine(backlog: Backlog): string {
  const work = workItems(backlog);
  const unit = backlog.unit;
  const total = unit ? `${formatNumber(sumExpected(work, unit))} ${unitLabel(unit)}` : 'no estimates';
  const other = unit ? itemsInOtherUnit(work, unit).length : 0;
  const files = backlog.files.length;
  const parts = [
    `${backlog.items.length} item${backlog.items.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
    other > 0 ? `${total} (+${other} item${other === 1 ? '' : 's'} in another unit)` : total,
    `${backlog.sprints.length} sprint${backlog.sprints.length === 1 ? '' : 's'}`,
    `${backlog.diagnostics.length} diagnostic${backlog.diagnostics.length === 1 ? '' : 's'}`,
  ];
  return parts.join(' · ');
}

const HEADERS = ['ID', 'Title', 'Estimate', 'Sprint', 'Depends on', 'Status'];

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function showMarkdown(backlog: Backlog): string {
  const lines = [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map(() => '---').join(' | ')} |`,
    ...rows(backlog).map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    '',
    summaryLine(backlog),
  ];
  return `${lines.join('\n')}\n`;
}

const COMPACT_BORDERS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * A terminal table, one line per item. On a terminal (a width) it fits: the dependency lists,
 * then the titles, shorten with `…`; then the dependencies, status, sprint and estimate columns
 * leave in that order, the ID staying; piped, it is drawn whole. The lines under it wrap at the
 * width.
 */
async function showTable(backlog: Backlog, options: ShowOptions): Promise<string> {
  const [{ drawFittedTable }, { wrapLine }, { Chalk }] = await Promise.all([
    import('./fit-table.js'),
    import('./wrap-text.js'),
    import('chalk'),
  ]);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const keyOf = new Map(backlog.sprints.map((sprint) => [sprint.name, sprint.key]));
  const table = drawFittedTable(
    {
      head: HEADERS.map((header) => chalk.bold(header)),
      chars: COMPACT_BORDERS,
      style: { head: [], border: [] },
    },
    rows(backlog).map((row, index) => {
      const item = backlog.items[index];
      if (item.sprint) row[3] = `Sprint ${keyOf.get(item.sprint) ?? item.sprint}`;
      return item.done ? row.map((cell) => chalk.dim(cell)) : row;
    }),
    {
      width: options.width,
      columns: [{}, { shrink: { min: 20 } }, { drop: 4 }, { drop: 3 }, { shrink: { min: 12, order: 2 }, drop: 1 }, { drop: 2 }],
    },
  );
  const wrap = (line: string, hanging?: string) => wrapLine(line, options.width, hanging);
  const diagnostics = backlog.diagnostics.flatMap((d) =>
    wrap(
      `${d.file}:${d.line}  ${d.severity === 'error' ? chalk.red(d.severity) : chalk.yellow(d.severity)}  ${d.message}  ${chalk.dim(d.rule)}`,
      '    ',
    ),
  );
  const sprints = backlog.sprints.flatMap((sprint) =>
    wrap(
      `  ${sprint.name}: ${sprint.items.length} items, ${formatNumber(sprint.committed)} ${unitLabel(backlog.unit, sprint.committed)}`,
      '    ',
    ),
  );
  return (
    [
      table,
      '',
      ...sprints,
      ...(sprints.length ? [''] : []),
      ...wrap(summaryLine(backlog)),
      ...(diagnostics.length ? ['', ...diagnostics] : []),
    ].join('\n') + '\n'
  );
}

export async function formatShow(backlog: Backlog, format: string, options: ShowOptions): Promise<string> {
  if (format === 'json') return showJson(backlog);
  if (format === 'md') return showMarkdown(backlog);
  return showTable(backlog, options);
}
