import type { Diagnostic } from '../model/types.js';
import { DELIMITER_ROW, nextFence } from './line-scan.js';
import { countCells, repairWrappedRows } from './repair-wrapped-rows.js';

export interface PreparedText {
  text: string;
  /** For each line of the prepared text (0-based), the 1-based line of the original text. */
  originalLine: number[];
  diagnostics: Diagnostic[];
}

const GENERATED_START = /^\s*<!--\s*backlog:([\w-]+)\s*-->\s*$/;

/**
 * Makes hand-written markdown read the way its author meant, before it is parsed:
 * - table rows wrapped onto a second line are rejoined (and reported);
 * - a table written right under a line of text, or followed by one, gets a blank line around
 *   it, so it is a table rather than the lazy continuation of a paragraph or list item;
 * - sections this tool generated (`<!-- backlog:NAME -->` … `<!-- /backlog:NAME -->`) are
 *   blanked, so a report written into a backlog is never read back as input.
 * Line numbers of everything that stays refer to the original text through `originalLine`.
 */
export function prepareText(text: string, file: string): PreparedText {
  const repaired = repairWrappedRows(text, file);
  const lines = repaired.text.split('\n');
  const out: string[] = [];
  const originalLine: number[] = [];
  const push = (line: string, index: number) => {
    out.push(line);
    originalLine.push(repaired.originalLine[index]);
  };
  let fence: string | null = null;
  let inTable = false;
  let generated: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (generated !== null) {
      const end = new RegExp(String.raw`^\s*<!--\s*/backlog:${generated}\s*-->\s*$`).test(line);
      if (end) generated = null;
      push(end ? line : '', i);
      continue;
    }
    const start = GENERATED_START.exec(line);
    if (start && fence === null) {
      generated = start[1];
      push(line, i);
      continue;
    }
    const step = nextFence(fence, line);
    fence = step.open;
    if (fence !== null || step.marker) {
      push(line, i);
      continue;
    }
    const next = lines[i + 1];
    if (
      !inTable &&
      line.includes('|') &&
      next !== undefined &&
      DELIMITER_ROW.test(next) &&
      next.includes('-') &&
      countCells(line) === countCells(next)
    ) {
      const previous = out[out.length - 1];
      if (previous !== undefined && previous.trim() !== '') push('', i);
      inTable = true;
      push(line, i);
      continue;
    }
    if (inTable && (line.trim() === '' || !line.includes('|'))) {
      inTable = false;
      if (line.trim() !== '') push('', i - 1);
    }
    push(line, i);
  }
  return { text: out.join('\n'), originalLine, diagnostics: repaired.diagnostics };
}
