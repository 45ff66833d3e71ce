import type { Backlog, Item } from '../model/types.js';
import { formatNumber, itemsInOtherUnit, unitLabel } from '../model/units.js';
import { sumExpected, workItems } from '../model/totals.js';

export interface ShowOptions {
  color: boolean;
}

const SCHEMA_VERSION = 1;

/** The model as JSON: DESIGN.md's contract fields first, then the rest of what was read. */
export function showJson(backlog: Backlog): string {
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
  const byFile: Record<string, number> = {};
  for (const file of backlog.files) byFile[file.file] = sumExpected(work.filter((item) => item.source.file === file.file), backlog.unit);
  const bySprint: Record<string, number> = {};
  for (const sprint of backlog.sprints) bySprint[sprint.name] = sprint.committed;
  return {
    all: sumExpected(work, backlog.unit),
    remaining: sumExpected(work.filter((item) => !item.done), backlog.unit),
    byFile,
    bySprint,
  };
}

function estimateText(item: Item): string {
  if (!item.estimate) return '';
  const { estimate } = item;
  const short = estimate.unit === 'points' ? 'pt' : estimate.unit === 'days' ? 'd' : 'h';
  const value = estimate.low === estimate.high ? formatNumber(estimate.expected) : `${formatNumber(estimate.low)}–${formatNumber(estimate.high)}`;
  return `${value}${short}${estimate.size ? ` (${estimate.size})` : ''}`;
}

function rows(backlog: Backlog): string[][] {
  return backlog.items.map((item) => [
    item.id,
    item.title,
    estimateText(item),
    item.sprint ?? '',
    [...item.dependsOn, ...item.unresolved.map((reference) => `${reference}?`)].join(', '),
    item.done ? `${item.status ?? 'done'}` : item.status ?? '',
  ]);
}

export function summaryLine(backlog: Backlog): string {
  const work = workItems(backlog);
  const unit = backlog.unit;
  const total = unit ? `${formatNumber(sumExpected(work, unit))} ${unitLabel(unit)}` : 'no estimates';
  const other = unit ? itemsInOtherUnit(work, unit).length : 0;
  const files = backlog.files.length;
  const parts = [
    `${backlog.items.length} items in ${files} file${files === 1 ? '' : 's'}`,
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

export function showMarkdown(backlog: Backlog): string {
  const lines = [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map(() => '---').join(' | ')} |`,
    ...rows(backlog).map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    '',
    summaryLine(backlog),
  ];
  return `${lines.join('\n')}\n`;
}

export async function showTable(backlog: Backlog, options: ShowOptions): Promise<string> {
  const [{ default: Table }, { Chalk }] = await Promise.all([import('cli-table3'), import('chalk')]);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = process.stdout.columns && process.stdout.columns > 80 ? process.stdout.columns : 120;
  const table = new Table({
    head: HEADERS.map((header) => chalk.bold(header)),
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [12, Math.max(20, width - 80), 12, 18, 22, 12],
  });
  for (const row of rows(backlog)) {
    const item = backlog.items.find((entry) => entry.id === row[0]);
    table.push(item?.done ? row.map((cell) => chalk.dim(cell)) : row);
  }
  const diagnostics = backlog.diagnostics.map((d) => `${d.file}:${d.line}  ${d.severity === 'error' ? chalk.red(d.severity) : chalk.yellow(d.severity)}  ${d.message}  ${chalk.dim(d.rule)}`);
  return [table.toString(), '', summaryLine(backlog), ...(diagnostics.length ? ['', ...diagnostics] : [])].join('\n') + '\n';
}

export async function formatShow(backlog: Backlog, format: string, options: ShowOptions): Promise<string> {
  if (format === 'json') return showJson(backlog);
  if (format === 'md') return showMarkdown(backlog);
  return showTable(backlog, options);
}
