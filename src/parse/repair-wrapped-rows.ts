import type { Diagnostic } from '../model/types.js';

export interface RepairedText {
  text: string;
  /** For each line of the repaired text (0-based), the 1-based line of the original text. */
  originalLine: number[];
  diagnostics: Diagnostic[];
}

const DELIMITER_ROW = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** Cells of a table row line, as GFM counts them (escaped pipes stay in their cell). */
export function countCells(line: string): number {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  let count = 1;
  let inCode = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') i++;
    else if (char === '`') inCode = !inCode;
    else if (char === '|' && !inCode) count++;
  }
  return count;
}

/**
 * Rejoins table rows that were wrapped onto a second line:
 *
 *   | AION-101 | Clean up paths | Make node available |
 *   S | none |
 *
 * GFM would read the second line as a row of its own, so the repair happens on lines before
 * parsing. A row is rejoined only when it has fewer cells than the header, the next line does not
 * start a row of its own (no leading pipe) and the two together have exactly the header's cells.
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
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (inFence === null) inFence = fence[1][0];
      else if (fence[1][0] === inFence) inFence = null;
    }
    const next = lines[i + 1];
    if (inFence === null && !inTable && line.includes('|') && next !== undefined && DELIMITER_ROW.test(next) && next.includes('-')) {
      headerCells = countCells(line);
      inTable = true;
    } else if (inTable && (line.trim() === '' || !line.includes('|'))) {
      inTable = false;
    } else if (
      inTable &&
      next !== undefined &&
      line.trimStart().startsWith('|') &&
      !DELIMITER_ROW.test(line) &&
      countCells(line) < headerCells &&
      next.trim() !== '' &&
      !next.trimStart().startsWith('|') &&
      next.includes('|') &&
      countCells(`${line.replace(/\r$/, '')} ${next}`) === headerCells
    ) {
      const hasCR = line.endsWith('\r');
      const head = hasCR ? line.slice(0, -1) : line;
      const joined = `${head.trimEnd()} ${next.trimStart()}`;
      const breakStart = offset + head.trimEnd().length;
      const breakEnd = offset + line.length + 1 + (next.length - next.trimStart().length);
      diagnostics.push({
        file,
        line: i + 1,
        column: 1,
        rule: 'table-row-wrapped',
        severity: 'warning',
        message: `table row is wrapped onto line ${i + 2}; it was read as one row (run with --fix to join the lines)`,
        fix: { start: breakStart, end: breakEnd, text: ' ' },
      });
      out.push(joined);
      originalLine.push(i + 1);
      offset += line.length + 1 + next.length + 1;
      i++;
      continue;
    }
    out.push(line);
    originalLine.push(i + 1);
    offset += line.length + 1;
  }
  return { text: out.join('\n'), originalLine, diagnostics };
}
