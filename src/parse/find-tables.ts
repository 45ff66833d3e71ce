import type { AlignType } from 'mdast';
import { ATX_HEADING, indentOf, isBlank } from './block-starts.js';
import { classifyRowLine, headerCellCount, readDelimiterRow } from './table-syntax.js';

/** A GFM table found by its lines: header row, delimiter row, body rows. */
export interface TableBlock {
  /** 0-based line of the header row; the delimiter row is the line after it. */
  header: number;
  /** 0-based line after the last row. */
  end: number;
  align: AlignType[];
}

const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Top-level tables that can be built without micromark: the header starts a line after a blank
 * line, a heading or the document start, unindented; no row starts with HTML or a tab;
 * the table ends at a blank line, the end of the text or a line that starts another block.
 * Anything else — a table in a list or quote, right under a paragraph, in fenced code — is not
 * reported and stays with micromark. `lines` have no line endings.
 *
 * Null when the whole document is micromark's to read: after a first line `---` that opens no
 * front matter (it is never closed), micromark lets table rows run on over list items and quotes.
 */
export function findTables(lines: readonly string[]): TableBlock[] | null {
  const start = frontMatterEnd(lines);
  if (start === null) return null;
  const tables: TableBlock[] = [];
  let fence: { marker: string; length: number } | null = null;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index];
    const fenceMatch = line.includes('`') || line.includes('~') ? FENCE.exec(line) : null;
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.marker && fenceMatch[1].length >= fence.length && isBlank(fenceMatch[2])) fence = null;
      continue;
    }
    if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) {
      fence = { marker: fenceMatch[1][0], length: fenceMatch[1].length };
      continue;
    }
    if (index > 0 && !isBlank(lines[index - 1]) && !isHeading(lines[index - 1])) continue;
    const table = tableAt(lines, index);
    if (table) {
      tables.push(table);
      index = table.end - 1;
    }
  }
  return tables;
}

function isHeading(line: string): boolean {
  const indent = indentOf(line);
  return indent <= 3 && ATX_HEADING.test(line.slice(indent));
}

/** The line after YAML front matter (which only the first line can open); null if it never closes. */
function frontMatterEnd(lines: readonly string[]): number | null {
  if (!FRONT_MATTER_FENCE.test(lines[0])) return 0;
  for (let index = 1; index < lines.length; index++) if (FRONT_MATTER_FENCE.test(lines[index])) return index + 1;
  return lines.length > 1 ? null : 0;
}

function tableAt(lines: readonly string[], header: number): TableBlock | null {
  const delimiter = lines[header + 1];
  if (delimiter === undefined || !delimiter.includes('-')) return null;
  const headLine = lines[header];
  if (headLine.charCodeAt(0) === 32 || classifyRowLine(headLine) !== 'row') return null;
  const align = readDelimiterRow(delimiter);
  if (!align || headerCellCount(headLine) !== align.length) return null;
  let end = header + 2;
  for (; end < lines.length; end++) {
    const kind = classifyRowLine(lines[end]);
    if (kind === 'end') break;
    if (kind === 'unsure') return null;
  }
  return { header, end, align };
}
