import type { Table, TableCell, TableRow } from 'mdast';
import type { CellContentReader } from './cell-content.js';
import type { TableBlock } from './find-tables.js';
import { pointAt, type SourceLines } from './source-lines.js';
import { indentOf } from './block-starts.js';
import { rowCells } from './table-syntax.js';

/**
 * The mdast `table` mdast-util-gfm-table would build for a table block, with the same positions.
 * Cell contents go to `reader`, which may fill some of them only when flushed.
 */
export function tableNode(block: TableBlock, source: SourceLines, reader: CellContentReader): Table {
  const rows: TableRow[] = new Array(block.end - block.header - 1);
  rows[0] = tableRow(block.header, source, reader);
  for (let line = block.header + 2; line < block.end; line++) rows[line - block.header - 1] = tableRow(line, source, reader);
  const last = block.end - 1;
  const end = block.end === block.header + 2 ? pointAt(source, last, source.lines[last].length) : rows[rows.length - 1].position!.end;
  return { type: 'table', align: block.align, children: rows, position: { start: rows[0].position!.start, end } };
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
