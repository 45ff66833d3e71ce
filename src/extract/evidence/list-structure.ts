import { LIST_MARKER } from '../../parse/block-starts.js';

/**
 * Where a list entry stands: which list it belongs to and which entry it is nested in. The block
 * reader sees entries one at a time, so this is read from the source lines: an entry stays open
 * for the lines indented past its marker, and a line at or left of its marker closes it.
 *
 * Lists written one after another with only blank lines between ("- …" then "1. …") read as one
 * list to a person, so they share one list here too.
 */
export interface ListEntry {
  /** Identifies the entry's list within the document: "list:<line of its first entry>". */
  readonly list: string;
  /** The item this entry defines, once read: entries nested below it are its children. */
  item: string | null;
  readonly line: number;
  readonly indent: number;
  readonly contentColumn: number;
}

const MARKER = new RegExp(String.raw`^(\s*)(${LIST_MARKER})(\s+|$)`);
const BLOCK_START = /^\s*(?:#{1,6}\s|\||```|~~~|(?:[-*_]\s*){3,}$|<)/;

export class ListTracker {
  private readonly open: ListEntry[] = [];
  private lastLine = 0;

  constructor(private readonly lines: readonly string[]) {}

  /** The entry whose marker is on `line` (1-based), and the open entry it is nested in. */
  enter(line: number): { entry: ListEntry; parent: ListEntry | null } {
    this.closeBefore(line);
    const text = withoutQuote(this.lines[line - 1] ?? '');
    const marker = MARKER.exec(text);
    const indent = marker ? marker[1].length : leadingColumns(text);
    const contentColumn = marker ? indent + marker[2].length + Math.min(Math.max(marker[3].length, 1), 4) : indent + 2;
    let sibling: ListEntry | null = null;
    while (this.open.length > 0 && indent < this.open[this.open.length - 1].contentColumn) sibling = this.open.pop()!;
    const parent = this.open[this.open.length - 1] ?? null;
    const entry: ListEntry = { list: sibling?.list ?? `list:${line}`, item: null, line, indent, contentColumn };
    this.open.push(entry);
    this.lastLine = line;
    return { entry, parent };
  }

  /**
   * Closes the entries that a line between the last entry and `line` ends (a paragraph, a
   * heading, a table). A line right under the entry's text continues it lazily unless it starts
   * a block of its own.
   */
  private closeBefore(line: number): void {
    let lazy = true;
    for (let index = this.lastLine; index < line - 1 && this.open.length > 0; index++) {
      const text = withoutQuote(this.lines[index] ?? '');
      if (!text.trim()) {
        lazy = false;
        continue;
      }
      if (lazy && !BLOCK_START.test(text)) continue;
      lazy = false;
      const indent = leadingColumns(text);
      while (this.open.length > 0 && indent <= this.open[this.open.length - 1].indent) this.open.pop();
    }
  }
}

/** A line without its block-quote markers, tabs as four columns. */
export function withoutQuote(line: string): string {
  return line.replace(/^(?:\s*>)+/, '').replace(/\t/g, '    ');
}

function leadingColumns(text: string): number {
  const first = text.search(/\S/);
  return first === -1 ? text.length : first;
}
