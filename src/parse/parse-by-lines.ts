import type { Nodes, RootContent } from 'mdast';
import { isBlank } from './block-starts.js';
import { findTables } from './find-tables.js';
import { micromarkTree } from './micromark-tree.js';
import { readSimpleBlocks } from './simple-blocks.js';
import { splitLines, type SourceLines } from './source-lines.js';
import { tablePieces, type TableRows } from './table-node.js';

/** A top-level node, or more rows of the table before it (see `tablePieces`). */
export type MarkdownPiece = RootContent | TableRows;

/**
 * A line that could be a delimiter row, inside any container (`> | --- |`, `- :-:`): a text
 * segment holding one is read with micromark's table extension, every other segment without it.
 */
const DELIMITER_LIKE = /^[ \t|:\->*+0-9.)]*$/;

/**
 * The same tree as micromark with the GFM table extension, at the cost of the bytes: top-level
 * tables are recognised by their lines and built directly (see `findTables`), so are the text
 * segments between them that hold only headings and paragraphs (`readSimpleBlocks`); other text
 * goes through micromark, and so do table cells with inline syntax past the simple forms.
 *
 * Each text segment before a table is read together with the table's header line, which must come
 * back as a paragraph of the root: otherwise the header sits inside a fenced code or HTML block the
 * line scan did not see, and the rest of the document is read by micromark as it stands.
 *
 * The nodes come one at a time, and a big table in pieces, so a reader that keeps only what it
 * takes from them never holds the whole tree.
 *
 * Documents with a link definition (`[id]: url` changes how `[id]` reads everywhere), a lone
 * carriage return, a byte order mark or unclosed front matter are read by micromark whole.
 */
export function* readTablesByLines(text: string): Generator<MarkdownPiece> {
  const whole = () => micromarkTree(text, { tables: true, frontmatter: true }).children;
  if (text.includes(']:') || text.includes('\uFEFF') || /\r(?!\n)/.test(text)) return yield* whole();
  const source = splitLines(text);
  const tables = findTables(source.lines);
  if (!tables) return yield* whole();
  let from = 0;
  for (const table of tables) {
    const before = readSegment(source, from, table.header);
    if (!before) break;
    yield* before;
    yield* tablePieces(table, source);
    from = table.end;
  }
  if (from < source.lines.length) yield* readSegment(source, from, null)!;
}

/**
 * The nodes of lines `from` up to `header` (or to the end), placed where they stand in the whole
 * text; null when the header line does not read as a paragraph of its own. (A segment of simple
 * blocks leaves nothing open, so its header line always does.)
 */
function readSegment(source: SourceLines, from: number, header: number | null): RootContent[] | null {
  const { lines, starts, text } = source;
  const to = header ?? lines.length;
  let blank = true;
  let tables = false;
  for (let line = from; line < to; line++) {
    const content = lines[line];
    if (blank && !isBlank(content)) blank = false;
    if (!tables && content.includes('-') && DELIMITER_LIKE.test(content) && /[|:]/.test(content)) tables = true;
  }
  if (blank) return [];
  const simple = tables ? null : readSimpleBlocks(source, from, to);
  if (simple) return simple;
  const end = header === null ? text.length : starts[header] + lines[header].length;
  const root = micromarkTree(text.slice(starts[from], end), { tables, frontmatter: from === 0 });
  if (header !== null) {
    const sentinel = root.children.pop();
    const start = sentinel?.position?.start;
    if (sentinel?.type !== 'paragraph' || start?.line !== header - from + 1 || start.column !== 1) return null;
  }
  if (from > 0) shiftPositions(root.children, from, starts[from]);
  return root.children;
}

/** Moves nodes read from a slice of the text to their place in the whole text. */
function shiftPositions(nodes: readonly RootContent[], lines: number, offset: number): void {
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start.line += lines;
      position.start.offset! += offset;
      position.end.line += lines;
      position.end.offset! += offset;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}
