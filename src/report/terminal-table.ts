import Table from 'cli-table3';
import stringWidth from 'string-width';

/** Rows per cli-table3 table: its layout costs a table rows² × columns², its set-up a few rows' worth. */
export const SLICE_ROWS = 32;

/**
 * The options the reports draw with: no word wrap (a row is as high as its cells have lines),
 * nothing set per row (rows change places), the default `…` for cut text.
 */
export type TableOptions = Omit<
  NonNullable<ConstructorParameters<typeof Table>[0]>,
  'wordWrap' | 'rowHeights' | 'rowAligns' | 'truncate'
> & {
  head: string[];
};

/**
 * A cli-table3 table of any length in time linear in its rows, character for character the
 * table cli-table3 draws. cli-table3 lays a table out by checking each cell against every cell
 * above it (10,000 rows take minutes) and measures every cell several times over (15 µs a cell).
 * Once the column widths are fixed, though, each row is drawn on its own: so the widths are
 * measured once, as cli-table3 measures them; a row of plain text is drawn here, as
 * cli-table3 would draw it; other rows (colour, wide characters, several lines) are drawn by
 * cli-table3 in tables of a few rows; and the rows are stitched under one head and one bottom
 * border.
 */
export function drawTable(options: TableOptions, rows: readonly string[][], sliceRows = SLICE_ROWS): string {
  if (rows.length <= 1) return draw(options, rows).join('\n');
  const fixed = { ...options, colWidths: columnWidths(options, rows) };
  const [first] = rows;
  const frame = draw(fixed, [first]);
  const head = frame.slice(0, frame.length - 1 - rowHeight(first));
  const line = plainRowDrawer(fixed, fixed.colWidths);

  const body: string[] = [];
  let pending: string[][] = [];
  const drawPending = () => {
    for (let start = 0; start < pending.length; start += sliceRows) {
      const slice = pending.slice(start, start + sliceRows);
      const lines = draw(fixed, slice);
      body.push(...lines.slice(head.length, lines.length - 1));
    }
    pending = [];
  };
  for (const row of rows) {
    const plain = row.length === options.head.length ? line(row) : null;
    if (plain === null) {
      pending.push(row);
      continue;
    }
    drawPending();
    body.push(plain);
  }
  drawPending();
  return [...head, ...body, frame[frame.length - 1]].join('\n');
}

function draw(options: TableOptions, rows: readonly string[][]): string[] {
  const table = new Table(options);
  table.push(...rows.map((row) => [...row]));
  return table.toString().split('\n');
}

/** Printable ASCII, no colour codes: a cell whose width is its length, cut where it is cut. */
const ASCII = /^[\x20-\x7e]*$/;
/** Colour codes, other control characters, line breaks. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Draws a row as cli-table3's `Cell.drawLine` does (padding, text cut to the width with `…`,
 * aligned within it, between the left, middle and right border characters) when every cell is
 * plain: ASCII, or other text one column per character that fits uncut. Null for any other row.
 */
function plainRowDrawer(options: TableOptions, widths: readonly number[]): (row: readonly string[]) => string | null {
  const chars = { left: '│', middle: '│', right: '│', ...options.chars };
  const paddingLeft = options.style?.['padding-left'] ?? 1;
  const paddingRight = options.style?.['padding-right'] ?? 1;
  const leftPad = ' '.repeat(paddingLeft);
  const rightPad = ' '.repeat(paddingRight);
  const room = widths.map((width) => width - paddingLeft - paddingRight);
  return (row) => {
    let line = chars.left;
    for (let column = 0; column < row.length; column++) {
      const cell = row[column];
      const width = room[column];
      if (!ASCII.test(cell) && (cell.length > width || CONTROL.test(cell) || stringWidth(cell) !== cell.length)) return null;
      const text = cell.length <= width ? cell : `${cell.slice(0, Math.max(0, width - 1))}…`;
      line += (column === 0 ? '' : chars.middle) + leftPad + align(text, width, options.colAligns?.[column]) + rightPad;
    }
    return line + chars.right;
  };
}

/** Spaces around the text up to the width; centred text leans left, as in cli-table3's `pad`. */
function align(text: string, width: number, alignment: string | undefined): string {
  const gap = Math.max(0, width - text.length);
  if (alignment === 'right') return ' '.repeat(gap) + text;
  if (alignment === 'center') return ' '.repeat(gap - Math.ceil(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2));
  return text + ' '.repeat(gap);
}

/** As cli-table3 sizes a column: its widest cell (colour codes aside) plus the padding; a width given in the options wins. */
export function columnWidths(options: TableOptions, rows: readonly string[][]): number[] {
  const padding = (options.style?.['padding-left'] ?? 1) + (options.style?.['padding-right'] ?? 1);
  const given = options.colWidths ?? [];
  const columns = options.head.length;
  if (given.length >= columns && given.slice(0, columns).every((width) => typeof width === 'number')) return given as number[];
  const widths: number[] = [];
  for (const row of [options.head, ...rows]) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 1, textWidth(cell) + padding);
    });
  }
  return widths.map((width, column) => given[column] ?? width);
}

const COLOUR_CODE = /\u001b\[(?:\d*;){0,5}\d*m/g;

function textWidth(cell: string): number {
  if (ASCII.test(cell)) return cell.length;
  return Math.max(
    ...cell
      .replace(COLOUR_CODE, '')
      .split('\n')
      .map((line) => stringWidth(line)),
  );
}

/** Lines a row takes without word wrap. */
function rowHeight(row: readonly string[]): number {
  return Math.max(1, ...row.map((cell) => cell.split('\n').length));
}
