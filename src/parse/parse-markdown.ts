import type { Root } from 'mdast';
import { CellBatchError } from './cell-content.js';
import { micromarkTree } from './micromark-tree.js';
import { parseTablesByLines } from './parse-by-lines.js';

/**
 * Markdown to mdast with positions: CommonMark, GFM tables, task-list checkboxes and YAML front
 * matter. The tree is the one micromark builds (`parseMarkdownWithMicromark`), read faster:
 * micromark keeps about 50 KB of events per table row, so tables are built from their lines.
 */
export function parseMarkdown(text: string): Root {
  try {
    return parseTablesByLines(text);
  } catch (error) {
    if (error instanceof CellBatchError) return parseMarkdownWithMicromark(text);
    throw error;
  }
}

/** The reference reading, all through micromark; what `parseMarkdown` must equal. */
export function parseMarkdownWithMicromark(text: string): Root {
  return micromarkTree(text, { tables: true, frontmatter: true });
}
