import type { Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { CellBatchError } from './cell-content.js';
import { micromarkTree } from './micromark-tree.js';
import { readTablesByLines, type MarkdownPiece } from './parse-by-lines.js';

export type { MarkdownPiece } from './parse-by-lines.js';
export type { TableRows } from './table-node.js';

/**
 * Markdown to mdast with positions: CommonMark, GFM tables, task-list checkboxes and YAML front
 * matter. The tree is the one micromark builds (`parseMarkdownWithMicromark`), read faster:
 * micromark keeps about 50 KB of events per table row, so tables are built from their lines.
 */
export function parseMarkdown(text: string): Root {
  return readMarkdown(text, (pieces) => {
    const children: RootContent[] = [];
    for (const piece of pieces) {
      if (piece.type === 'tableRows') (children[children.length - 1] as { children: unknown[] }).children.push(...piece.children);
      else children.push(piece);
    }
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOfText(text) } };
  });
}

/**
 * The tree of `parseMarkdown` as it is read: its top-level nodes in order, a big table as its
 * first rows followed by `tableRows` pieces that continue it. `consume` may be called a second
 * time, with the whole tree's nodes, when micromark reads table cells unlike what the fast path
 * expects; it should return what it makes of the pieces rather than keep it elsewhere.
 */
export function readMarkdown<T>(text: string, consume: (pieces: Iterable<MarkdownPiece>) => T): T {
  try {
    return consume(readTablesByLines(text));
  } catch (error) {
    if (error instanceof CellBatchError) return consume(parseMarkdownWithMicromark(text).children);
    throw error;
  }
}

/** The reference reading, all through micromark; what `parseMarkdown` must equal. */
export function parseMarkdownWithMicromark(text: string): Root {
  return micromarkTree(text, { tables: true, frontmatter: true });
}

/**
 * The point just after the last character, where micromark ends the root: `\r\n`, `\r` and `\n`
 * end lines, and a byte order mark is not counted.
 */
function endOfText(text: string): Point {
  const lineEnding = /\r\n?|\n/g;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  let lineStart = bom;
  while (lineEnding.exec(text) !== null) {
    line++;
    lineStart = lineEnding.lastIndex;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length - bom };
}
