import type { Nodes, PhrasingContent, TableCell } from 'mdast';
import type { Point } from 'unist';
import { micromarkTree } from './micromark-tree.js';
import { readSimpleInline, unescapeCodePipes } from './simple-inline.js';

/** A cell whose content micromark has to read, with the point where that content starts. */
interface QueuedCell {
  cell: TableCell;
  value: string;
  start: Point;
}

/**
 * Leads each cell's content in the batch document: it keeps the line a paragraph whatever the cell
 * starts with (`#`, `-`, `>`, four spaces…), and as Unicode whitespace it flanks emphasis the way
 * the start of a cell does.
 */
const LEAD = '\u00A0';
/** Cells per micromark call: large enough to amortise the call, small enough to bound its events. */
const BATCH_CELLS = 2000;

/**
 * Fills table cells with their inline content. Plain text and the simple syntax backlogs use are
 * read directly (`readSimpleInline`); the rest is queued and read by micromark, a batch of cells
 * per call, each cell a paragraph of its own, then moved back to where the cell stands in the
 * source (micromark costs about 0.2 ms per paragraph, too much for every cell of a big table).
 */
export class CellContentReader {
  private readonly queue: QueuedCell[] = [];

  read(cell: TableCell, value: string, start: Point): void {
    const simple = readSimpleInline(value, start, 'table-cell');
    if (simple) {
      cell.children = simple;
      return;
    }
    this.queue.push({ cell, value, start });
    if (this.queue.length >= BATCH_CELLS) this.flush();
  }

  /** Reads what is queued; call once all cells are read. */
  flush(): void {
    if (this.queue.length === 0) return;
    readBatch(this.queue);
    this.queue.length = 0;
  }
}

/** Thrown when micromark reads a batch differently than expected; the caller then parses it all the slow way. */
export class CellBatchError extends Error {}

function readBatch(batch: readonly QueuedCell[]): void {
  const root = micromarkTree(batch.map((content) => LEAD + content.value).join('\n\n'), { tables: false, frontmatter: false });
  if (root.children.length !== batch.length) throw new CellBatchError('cell batch did not read as one paragraph per cell');
  batch.forEach((content, index) => {
    const paragraph = root.children[index];
    if (paragraph.type !== 'paragraph' || paragraph.position?.start.line !== index * 2 + 1) {
      throw new CellBatchError('cell batch did not read as one paragraph per cell');
    }
    const base = paragraph.position.start.offset! + LEAD.length;
    const children = paragraph.children;
    for (const child of children) relocate(child, content.start, base);
    dropLead(children, content.start);
    content.cell.children = children;
  });
}

/** Moves a node read on a line of the batch to the cell's place; inline code gets GFM's `\|` → `|`. */
function relocate(node: Nodes, start: Point, base: number): void {
  const position = node.position!;
  for (const point of [position.start, position.end]) {
    const delta = point.offset! - base;
    point.line = start.line;
    point.column = start.column + delta;
    point.offset = start.offset! + delta;
  }
  if (node.type === 'inlineCode') node.value = unescapeCodePipes(node.value);
  if ('children' in node) for (const child of node.children) relocate(child, start, base);
}

function dropLead(children: PhrasingContent[], start: Point): void {
  const first = children[0];
  if (first?.type !== 'text' || !first.value.startsWith(LEAD)) throw new CellBatchError('cell batch lost its lead character');
  if (first.value === LEAD) {
    children.shift();
    return;
  }
  first.value = first.value.slice(LEAD.length);
  first.position!.start = { ...start };
}
