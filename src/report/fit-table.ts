import { columnWidths, drawTable, type TableOptions } from './terminal-table.js';
import { stripColour } from './wrap-text.js';

/** How one column of a terminal table gives way when the table is wider than the terminal. */
export interface ColumnFit {
  /**
   * The column's text may shorten with `…` (a title): to no fewer than `min` characters, the
   * columns with the lower `order` keeping their width longest (default 1).
   */
  shrink?: { min: number; order?: number };
  /** The column may be left out, the lowest `drop` first, once every shrinking column is at its least. */
  drop?: number;
  /** A shorter header for a narrow terminal (`Committed` for `Committed (points)`). */
  short?: string;
}

export interface FitOptions {
  /** The terminal's width in columns; without one nothing is cut (output to a pipe or file). */
  width?: number;
  /** One entry per column of the table, in order; a column without one keeps its width. */
  columns: readonly ColumnFit[];
}

/** A table laid out for a width: the columns kept (their indexes in the original), their widths, and what to draw. */
export interface FittedTable {
  options: TableOptions;
  rows: string[][];
  /** Indexes of the original columns that are drawn, in order. */
  kept: number[];
}

/**
 * Lays a table out to fit a terminal `width`, in steps, each only when the one before is not
 * enough: shorter headers; shrinking columns (titles) cut with `…` down to their least, the
 * last `order` first; then columns left out, the lowest `drop` first (wide text columns before
 * numbers, never the ID: give it no `drop`), the shrinking columns widening again into the room
 * they leave. When even that is too wide every column is cut, so no line is ever wider than the
 * width. Without a width, the table keeps its natural widths: output to a pipe or a file is
 * never cut.
 */
export function fitTable(options: TableOptions, rows: readonly string[][], fit: FitOptions): FittedTable {
  const all = options.head.map((_, index) => index);
  if (fit.width === undefined) return { options, rows: rows.map((row) => [...row]), kept: all };
  const width = fit.width;
  const padding = (options.style?.['padding-left'] ?? 1) + (options.style?.['padding-right'] ?? 1);
  const spec = (column: number): ColumnFit => fit.columns[column] ?? {};

  let head = options.head;
  let natural = columnWidths({ ...options, colWidths: undefined }, rows);
  const total = (columns: readonly number[], widths: readonly number[]) =>
    columns.reduce((sum, column) => sum + widths[column], 0) + columns.length + 1;
  if (total(all, natural) <= width) return { options, rows: rows.map((row) => [...row]), kept: all };

  if (fit.columns.some((column) => column.short !== undefined)) {
    head = options.head.map((title, column) => (spec(column).short === undefined ? title : styled(title, spec(column).short!)));
    natural = columnWidths({ ...options, head, colWidths: undefined }, rows);
  }

  const droppable = all.filter((column) => spec(column).drop !== undefined).sort((a, b) => spec(a).drop! - spec(b).drop!);
  let kept = all;
  let widths: number[] | null = null;
  for (let dropped = 0; ; dropped++) {
    widths = shrunk(kept, natural, width, padding, spec);
    if (widths !== null || dropped >= droppable.length) break;
    const leaving = droppable[dropped];
    kept = kept.filter((column) => column !== leaving);
  }
  // Still too wide: titles go down to one character before anything else is cut.
  const lastResort = (column: number): ColumnFit => {
    const own = spec(column);
    return own.shrink ? { ...own, shrink: { ...own.shrink, min: 1 } } : own;
  };
  const colWidths = widths ?? shrunk(kept, natural, width, padding, lastResort) ?? squeezed(kept, natural, width, padding);
  return {
    options: {
      ...options,
      head: kept.map((column) => head[column]),
      colWidths: kept.map((column) => colWidths[column]),
      ...(options.colAligns ? { colAligns: kept.map((column) => options.colAligns![column]) } : {}),
    },
    rows: rows.map((row) => kept.map((column) => row[column] ?? '')),
    kept,
  };
}

/** `fitTable`, drawn. */
export function drawFittedTable(options: TableOptions, rows: readonly string[][], fit: FitOptions): string {
  const fitted = fitTable(options, rows, fit);
  return drawTable(fitted.options, fitted.rows);
}

/**
 * The widths when the shrinking columns take what the others leave: each at least its least,
 * the room beyond that going to the columns of the lowest `order` first. Null when their
 * least does not fit.
 */
function shrunk(
  kept: readonly number[],
  natural: readonly number[],
  width: number,
  padding: number,
  spec: (column: number) => ColumnFit,
): number[] | null {
  const widths = [...natural];
  const shrinking = kept.filter((column) => spec(column).shrink !== undefined);
  const fixed = kept.filter((column) => spec(column).shrink === undefined).reduce((sum, column) => sum + natural[column], 0);
  let room = width - (kept.length + 1) - fixed;
  const least = (column: number) => Math.min(natural[column], spec(column).shrink!.min + padding);
  for (const column of shrinking) {
    widths[column] = least(column);
    room -= widths[column];
  }
  if (room < 0) return null;
  const byOrder = [...shrinking].sort((a, b) => (spec(a).shrink!.order ?? 1) - (spec(b).shrink!.order ?? 1) || a - b);
  for (const column of byOrder) {
    const more = Math.min(room, natural[column] - widths[column]);
    widths[column] += more;
    room -= more;
  }
  return widths;
}

/**
 * The widest columns cut, a column at a time, down to one character, until the table fits: the
 * narrow ones (the ID, the numbers) keep their width longest.
 */
function squeezed(kept: readonly number[], natural: readonly number[], width: number, padding: number): number[] {
  const widths = [...natural];
  let over = kept.reduce((sum, column) => sum + natural[column], 0) + kept.length + 1 - width;
  while (over > 0) {
    const widest = kept.reduce((best, column) => (widths[column] >= widths[best] ? column : best), kept[0]);
    if (widths[widest] <= padding + 1) break;
    widths[widest]--;
    over--;
  }
  return widths;
}

/** The short header in the long one's colour codes (`chalk.bold` around it). */
function styled(title: string, short: string): string {
  const plain = stripColour(title);
  return plain === title ? short : title.replace(plain, short);
}
