import type { AlignType } from 'mdast';
import { ATX_HEADING, FENCE_OPENING, indentOf, isBlank, LIST_ITEM, THEMATIC_BREAK } from './block-starts.js';

/**
 * The line grammar of GFM tables, as micromark-extension-gfm-table 2.1 reads it. Every function
 * works on one line without its line ending; positions are indexes into that line.
 */

/** One cell of a row: where it starts and ends, and where its content (if any) lies. */
export interface CellSpan {
  start: number;
  end: number;
  /** The content without the surrounding pipes and spaces; absent for an empty cell. */
  content?: { start: number; end: number };
}

/** What a line after a table's delimiter row does to the table. */
export type RowLineKind = 'row' | 'end' | 'unsure';

/**
 * Whether a line would continue a table as one more row, end it (a blank line, or a line that
 * starts another block), or is a case this recogniser leaves to micromark (an indent with a tab, HTML).
 * Used for the header line too: a line that would start another block is no table header.
 */
export function classifyRowLine(line: string): RowLineKind {
  if (isBlank(line)) return 'end';
  const indent = indentOf(line);
  if (indent >= 4) return 'end';
  if (line[indent] === '\t') return 'unsure';
  const rest = indent === 0 ? line : line.slice(indent);
  switch (rest[0]) {
    case '|':
      return 'row';
    case '>':
      return 'end';
    case '<':
      return 'unsure';
    case '#':
      return ATX_HEADING.test(rest) ? 'end' : 'row';
    case '`':
    case '~':
      return FENCE_OPENING.test(rest) ? 'end' : 'row';
    default:
      return LIST_ITEM.test(rest) || THEMATIC_BREAK.test(rest) ? 'end' : 'row';
  }
}

/** Skips one run of data: anything up to a space, tab or pipe, `\\` and `\|` being part of it. */
function skipData(line: string, index: number, end: number): number {
  while (index < end) {
    const code = line.charCodeAt(index);
    if (code === 32 || code === 9 || code === 124) break;
    if (code === 92) {
      const next = line.charCodeAt(index + 1);
      index += next === 92 || next === 124 ? 2 : 1;
    } else {
      index++;
    }
  }
  return Math.min(index, end);
}

/**
 * The number of cells a header row declares, or null when the line cannot head a table (it is a
 * lone pipe). Mirrors micromark's `size`/`sizeB` counting in the head row.
 */
export function headerCellCount(line: string): number | null {
  let size = 0;
  let tokens = 0;
  let afterPipe = line.charCodeAt(0) !== 124;
  if (afterPipe) tokens++;
  let index = 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === 32 || code === 9) {
      index++;
      continue;
    }
    tokens++;
    if (afterPipe) {
      afterPipe = false;
      size++;
    }
    if (code === 124) {
      afterPipe = true;
      index++;
    } else {
      index = skipData(line, index, line.length);
    }
  }
  return tokens > 1 ? size : null;
}

/**
 * The alignment of each column from a delimiter row (`| :-- | :-: | --: |`), or null when the line
 * is not one. Up to three spaces of indent; a `|` or `:` must occur somewhere, so that `---` stays
 * a thematic break or setext underline. An indent with a tab is left to micromark.
 */
export function readDelimiterRow(line: string): AlignType[] | null {
  let index = indentOf(line);
  // `- | -` under a header starts a list item rather than finishing the table head.
  if (index > 3 || line[index] === '\t' || (line[index] === '-' && (line[index + 1] === ' ' || line[index + 1] === '\t'))) return null;
  const align: AlignType[] = [];
  let seen = false;
  for (;;) {
    if (line[index] === '|') {
      seen = true;
      index++;
      while (line[index] === ' ' || line[index] === '\t') index++;
      if (index === line.length) break;
    }
    const left = line[index] === ':';
    if (left) {
      seen = true;
      index++;
    }
    if (line[index] !== '-') return null;
    while (line[index] === '-') index++;
    const right = line[index] === ':';
    if (right) {
      seen = true;
      index++;
    }
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
    while (line[index] === ' ' || line[index] === '\t') index++;
    if (index === line.length) break;
    if (line[index] !== '|') return null;
  }
  return seen ? align : null;
}

/**
 * The cells of a row starting at `start` (after its indent), as micromark groups them: a cell
 * runs from its pipe (or the row start) to the next pipe; `\|` does not split; a last pipe with
 * nothing after it closes the cell before it rather than opening one.
 */
export function rowCells(line: string, start: number): CellSpan[] {
  const end = line.length;
  const cells: CellSpan[] = [{ start, end }];
  let current = cells[0];
  let index = line.charCodeAt(start) === 124 ? start + 1 : start;
  while (index < end) {
    const code = line.charCodeAt(index);
    if (code === 32 || code === 9) {
      index++;
    } else if (code === 124) {
      current.end = index;
      current = { start: index, end };
      cells.push(current);
      index++;
    } else {
      const dataEnd = skipData(line, index, end);
      if (current.content) current.content.end = dataEnd;
      else current.content = { start: index, end: dataEnd };
      index = dataEnd;
    }
  }
  if (cells.length > 1 && !current.content) {
    cells.pop();
    cells[cells.length - 1].end = end;
  }
  return cells;
}
