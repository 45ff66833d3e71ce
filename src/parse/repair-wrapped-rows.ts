import type { Diagnostic } from '../model/types.js';
import { DELIMITER_ROW, nextFence } from './line-scan.js';

export interface RepairedText {
  text: string;
  /** For each line of the repaired text (0-based), the 1-based line of the original text. */
  originalLine: number[];
  diagnostics: Diagnostic[];
}

/** Cells of a table row line, as GFM counts them. */
export function countCells(line: string): number {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // As in GFM, only an escaped pipe stays in its cell; a pipe inside a code span still splits.
  let count = 1;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') i++;
    else if (char === '|') count++;
  }
  return count;
}

/**
 * The last line of a row wrapped over the lines after `start`: continuation lines that do not
 * start a row of their own, until the joined row has exactly the header's cells and its last
 * line ends a cell. Null when no such line follows.
 */
function wrappedRowEnd(lines: readonly string[], start: number, headerCells: number): number | null {
  let joined = lines[start].replace(/\r$/, '');
  for (let j = start + 1; j < lines.length && j <= start + 20; j++) {
    const line = lines[j].replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('|')) return null;
    joined += ` ${line.trim()}`;
    const cells = countCells(joined);
    if (cells > headerCells) return null;
    if (cells === headerCells && line.includes('|')) return j;
  }
  return null;
}

/**
 * Rejoins table rows that were wrapped onto a second line:
 *
 *   | AION-101 | Clean up paths | Make node available |
 *   S | none |
 *
 * GFM would read the second line as a row of its own, so the repair happens on lines before
 * parsing. A row is rejoined only when it has fewer cells than the header, the next line does not
 * start a row of its own (no leading pipe) and the lines together have exactly the header's cells.
 * Each repair is recorded with a fix that makes the same join in the file.
 */
export function repairWrappedRows(text: string, file: string): RepairedText {
  const lines = text.split('\n');
  const out: string[] = [];
  const originalLine: number[] = [];
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  let headerCells = 0;
  let inTable = false;
  let inFence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    inFence = nextFence(inFence, line).open;
    const next = lines[i + 1];
    if (inFence === null && !inTable && line.includes('|') && next !== undefined && DELIMITER_ROW.test(next) && next.includes('-')) {
      headerCells = countCells(line);
      inTable = true;
    } else if (inTable && (line.trim() === '' || !line.includes('|'))) {
      inTable = false;
    } else if (inTable && line.trimStart().startsWith('|') && !DELIMITER_ROW.test(line) && countCells(line) < headerCells) {
      const last = wrappedRowEnd(lines, i, headerCells);
      if (last !== null) {
        const head = line.replace(/\r$/, '').trimEnd();
        const parts = lines.slice(i + 1, last + 1).map((part) => part.replace(/\r$/, '').trim());
        const lastLine = lines[last];
        const breakStart = offset + head.length;
        const lastStart = offset + lines.slice(i, last).reduce((length, part) => length + part.length + 1, 0);
        const breakEnd = lastStart + (lastLine.length - lastLine.trimStart().length);
        diagnostics.push({
          file,
          line: i + 1,
          column: 1,
          rule: 'table-row-wrapped',
          severity: 'warning',
          message: `table row is wrapped onto ${last === i + 1 ? `line ${i + 2}` : `lines ${i + 2}–${last + 1}`}; it was read as one row (run with --fix to join the lines)`,
          fix: {
            start: breakStart,
            end: breakEnd,
            text: ` ${parts
              .slice(0, -1)
              .map((part) => `${part} `)
              .join('')}`,
          },
        });
        out.push(`${head} ${parts.join(' ')}${lastLine.endsWith('\r') ? '\r' : ''}`);
        originalLine.push(i + 1);
        offset = lastStart + lastLine.length + 1;
        i = last;
        continue;
      }
    }
    out.push(line);
    originalLine.push(i + 1);
    offset += line.length + 1;
  }
  return { text: out.join('\n'), originalLine, diagnostics };
}
