import type { Nodes, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import type { MarkdownPiece } from '../../parse/parse-markdown.js';
import { readHtmlTables } from './html-table.js';

/**
 * The document as a flat sequence of blocks, each with its line. Backlogs written without blank
 * lines put headings, "Commitment:" labels and sprint names inside other paragraphs or list items
 * (lazy continuation), so a paragraph is read line by line, and a list item's lazy lines stand
 * on their own.
 */
export type Block =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'line'; text: string; line: number }
  | { kind: 'entry'; text: string; line: number; depth: number; checked: boolean | null; ordered: boolean }
  | { kind: 'table'; header: Cell[]; rows: Cell[][]; line: number; rowLines: number[]; html: boolean }
  | { kind: 'code'; text: string; line: number }
  | { kind: 'html'; text: string; line: number }
  | { kind: 'break'; line: number }
  | { kind: 'frontmatter'; text: string; line: number };

export interface Cell {
  text: string;
}

type TableBlock = Extract<Block, { kind: 'table' }>;

/** The blocks of a document's top-level nodes, as `readMarkdown` gives them; `lines` are its lines. */
export function toBlocks(pieces: Iterable<MarkdownPiece>, lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (const piece of pieces) {
    if (piece.type === 'tableRows') addRows(blocks[blocks.length - 1] as TableBlock, piece.children);
    else visit(piece, 0, blocks, lines);
  }
  return blocks;
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function visit(node: RootContent, depth: number, blocks: Block[], lines: readonly string[]): void {
  switch (node.type) {
    case 'heading':
      blocks.push({ kind: 'heading', depth: node.depth, text: inlineText(node.children), line: lineOf(node) });
      return;
    case 'paragraph':
      for (const line of paragraphLines(node.children, lineOf(node))) blocks.push({ kind: 'line', ...line });
      return;
    case 'list':
      for (const item of node.children) {
        const [first, ...rest] = item.children;
        const contentColumn = first?.position?.start.column ?? 1;
        if (first?.type === 'paragraph') {
          const [head, ...more] = paragraphLines(first.children, lineOf(first));
          let text = head?.text ?? '';
          const lazy: { text: string; line: number }[] = [];
          for (const line of more) {
            const indent = (lines[line.line - 1] ?? '').search(/\S/);
            if (indent + 1 < contentColumn || lazy.length > 0) lazy.push(line);
            else text += ` ${line.text}`;
          }
          blocks.push({
            kind: 'entry',
            text: text.trim(),
            line: lineOf(item),
            depth,
            checked: item.checked ?? null,
            ordered: Boolean(node.ordered),
          });
          for (const line of lazy) blocks.push({ kind: 'line', ...line });
        } else {
          blocks.push({
            kind: 'entry',
            text: '',
            line: lineOf(item),
            depth,
            checked: item.checked ?? null,
            ordered: Boolean(node.ordered),
          });
          if (first) visit(first, depth + 1, blocks, lines);
        }
        for (const child of rest) visit(child, depth + 1, blocks, lines);
      }
      return;
    case 'table':
      blocks.push(tableBlock(node));
      return;
    case 'code':
      blocks.push({ kind: 'code', text: node.value, line: lineOf(node) });
      return;
    case 'html':
      for (const table of readHtmlTables(node.value, lineOf(node))) blocks.push(table);
      blocks.push({ kind: 'html', text: node.value, line: lineOf(node) });
      return;
    case 'yaml':
      blocks.push({ kind: 'frontmatter', text: node.value, line: lineOf(node) });
      return;
    case 'thematicBreak':
      blocks.push({ kind: 'break', line: lineOf(node) });
      return;
    case 'blockquote':
      for (const child of node.children) visit(child, depth, blocks, lines);
      return;
    default:
      return;
  }
}

function tableBlock(node: Table): Block {
  const [header, ...rows] = node.children;
  const block: TableBlock = {
    kind: 'table',
    header: header ? cellsOf(header) : [],
    rows: [],
    line: lineOf(node),
    rowLines: [],
    html: false,
  };
  addRows(block, rows);
  return block;
}

function addRows(block: TableBlock, rows: readonly TableRow[]): void {
  for (const row of rows) {
    block.rows.push(cellsOf(row));
    block.rowLines.push(lineOf(row));
  }
}

function cellsOf(row: TableRow): Cell[] {
  return row.children.map((cell) => ({ text: inlineText(cell.children) }));
}

/** Plain text of inline content: emphasis and code unwrapped, links as their text, <br> as a space. */
function inlineText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) text += phrasingText(node);
  return text.replace(/\s+/g, ' ').trim();
}

function phrasingText(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return /^<br\s*\/?>$|^<\/br>$/i.test(node.value) ? ' ' : '';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? node.children.map(phrasingText).join('') : '';
  }
}

/** A paragraph's text split at its line breaks, each line with its source line. */
function paragraphLines(nodes: readonly PhrasingContent[], firstLine: number): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  let current = '';
  let line = firstLine;
  let currentLine = firstLine;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) result.push({ text, line: currentLine });
    current = '';
  };
  for (const node of nodes) {
    const start = node.position?.start.line;
    if (start !== undefined && start > line) line = start;
    const parts = phrasingText(node).split('\n');
    parts.forEach((part, index) => {
      if (index > 0) {
        flush();
        line++;
      }
      if (!current) currentLine = line;
      current += part;
    });
  }
  flush();
  return result;
}
