import type { Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import { CellContentReader } from './cell-content.js';
import type { TableBlock } from './find-tables.js';
import { pointAt, type SourceLines } from './source-lines.js';
import { indentOf } from './block-starts.js';
import { rowCells } from './table-syntax.js';

/** More body rows of the table read just before: how a big table arrives after its first rows. */
export interface TableRows {
  type: 'tableRows';
  children: TableRow[];
}

/**
 * Rows per piece of a table: a row's nodes weigh about 2 KB, so a 100,000-row table read whole
 * would hold some 200 MB of nodes at once; read in pieces, each can be let go once consumed.
 */
export const ROWS_PER_PIECE = 1000;

/**
 * The mdast `table` mdast-util-gfm-table would build for a table block, with the same positions,
 * as its header and first body rows, then `TableRows` of the next rows: appended in order, they
 * make the whole table. Each piece's cells are read before it is yielded.
 */
export function* tablePieces(block: TableBlock, source: SourceLines): Generator<Table | TableRows> {
  const reader = new CellContentReader();
  /** Body rows of lines `from` up to the next piece's, with their cells read. */
  const bodyRows = (from: number, rows: TableRow[] = []): TableRow[] => {
    for (let line = from; line < Math.min(block.end, from + ROWS_PER_PIECE); line++) rows.push(tableRow(line, source, reader));
    reader.flush();
    return rows;
  };
  const last = block.end - 1;
  const rows = bodyRows(block.header + 2, [tableRow(block.header, source, reader)]);
  const end = last === block.header + 1 ? pointAt(source, last, source.lines[last].length) : rowEnd(last, source);
  yield { type: 'table', align: block.align, children: rows, position: { start: rows[0].position!.start, end } };
  for (let from = block.header + 2 + ROWS_PER_PIECE; from < block.end; from += ROWS_PER_PIECE)
    yield { type: 'tableRows', children: bodyRows(from) };
}

/**
 * A row and its cells. Where two nodes meet they share one point object (a big table has millions
 * of points, 48 bytes each), so positions here are to be read, not changed in place.
 */
function tableRow(line: number, source: SourceLines, reader: CellContentReader): TableRow {
  const text = source.lines[line];
  const rowStart = pointAt(source, line, indentOf(text));
  let from = rowStart;
  const cells = rowCells(text, rowStart.column - 1).map((span): TableCell => {
    const to = pointAt(source, line, span.end);
    const cell: TableCell = { type: 'tableCell', children: [], position: { start: from, end: to } };
    if (span.content) reader.read(cell, text.slice(span.content.start, span.content.end), pointAt(source, line, span.content.start));
    from = to;
    return cell;
  });
  return { type: 'tableRow', children: cells, position: { start: rowStart, end: from } };
}

/** Where a body row's node ends (its last cell's end), without reading its cells. */
function rowEnd(line: number, source: SourceLines): Point {
  const text = source.lines[line];
  const cells = rowCells(text, indentOf(text));
  return pointAt(source, line, cells[cells.length - 1].end);
}
