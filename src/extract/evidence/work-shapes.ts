import type { Block } from './blocks.js';
import { LEXICON } from '../lexicon/lexicon.js';
import { rolesOf } from '../roles/header-roles.js';

/** A repeated structure that looks like a list of work: where it starts and what it is. */
export interface WorkShape {
  line: number;
  what: string;
}

/** This many members make a structure repeated, not a one-off. */
const REPEATED = 3;

/** Roles of a table column that only work has: an estimate, a status, dependencies (owners and roles are teams too). */
const WORK_ROLES = new Set(['estimate', 'status', 'dependsOn']);

/**
 * The work-like structures of a document, gathered before it is read: headings of one shape that
 * name work ("### Task: …", "### Feature 2 …") and tables with a column only work has. (A
 * checklist alone is not one: pull-request templates and guides are full of them.)
 * A document that has such structures but yields no items gets a diagnostic naming them.
 */
export function gatherWorkShapes(blocks: readonly Block[]): WorkShape[] {
  const shapes: WorkShape[] = [];
  const headings = new Map<string, { line: number; count: number; example: string }>();
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const word = /^[^\p{L}]*(\p{L}+)/u.exec(block.text)?.[1] ?? '';
      if (!LEXICON.is('itemWord', word)) continue;
      const key = `${block.depth} ${word.toLowerCase()}`;
      const seen = headings.get(key) ?? { line: block.line, count: 0, example: block.text };
      seen.count++;
      headings.set(key, seen);
    } else if (block.kind === 'table' && block.rows.length >= REPEATED) {
      const roles = block.header.flatMap((cell) => rolesOf(cell.text));
      if (roles.some((role) => WORK_ROLES.has(role))) shapes.push({ line: block.line, what: `a table of ${block.rows.length} rows` });
    }
  }
  for (const { line, count, example } of headings.values()) {
    if (count >= REPEATED) shapes.push({ line, what: `${count} headings like "${example.slice(0, 40)}"` });
  }
  return shapes.sort((a, b) => a.line - b.line);
}
