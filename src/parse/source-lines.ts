import type { Point } from 'unist';

/** A text cut into lines, with where each line starts; what positions are computed from. */
export interface SourceLines {
  text: string;
  /** Each line without its line ending (`\r\n` or `\n`). */
  lines: string[];
  /** The offset of each line's first character in `text`. */
  starts: number[];
}

export function splitLines(text: string): SourceLines {
  const lines = text.split('\n');
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    starts[index] = offset;
    offset += line.length + 1;
    if (line.endsWith('\r')) lines[index] = line.slice(0, -1);
  }
  return { text, lines, starts };
}

/** The point at `column` (0-based) of `line` (0-based). */
export function pointAt(source: SourceLines, line: number, column: number): Point {
  return { line: line + 1, column: column + 1, offset: source.starts[line] + column };
}
