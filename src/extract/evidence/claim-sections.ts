import type { ClaimSection } from '../../model/types.js';
import { fold } from '../lexicon/lexicon.js';

/** A heading of the document: where its section starts, where it ends, how deep it is. */
interface Heading {
  line: number;
  depth: number;
  /** The line after the section's last line: the next heading as deep or shallower, or the end. */
  end: number;
  title: string;
  /** The index of the heading it stands under, or -1. */
  parent: number;
}

interface Outline {
  headings: Heading[];
  byLine: Map<number, number>;
}

const outlines = new WeakMap<readonly string[], Outline>();

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}(?:>\s?)*(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
/** Lines that cannot be the text of a setext heading: list items, table rows, quotes, headings. */
const NOT_SETEXT_TEXT = /^\s*(?:[-*+]\s|\d+[.)]\s|\||>|#|<!--)/;

/**
 * The headings of a document, read from its lines once: ATX and setext headings outside fenced
 * code, front matter and HTML comments, each with the section it opens.
 */
function outlineOf(lines: readonly string[]): Outline {
  let outline = outlines.get(lines);
  if (outline) return outline;
  const headings: Heading[] = [];
  let fence: string | null = null;
  let comment = false;
  let start = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close > 0) start = close + 1;
  }
  for (let index = start; index < lines.length; index++) {
    const line = lines[index];
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    const opens = FENCE.exec(line);
    if (opens) {
      fence = opens[1];
      continue;
    }
    if (/^\s*<!--/.test(line) && !line.includes('-->')) {
      comment = true;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      headings.push(heading(index + 1, atx[1].length, atx[2] ?? ''));
      continue;
    }
    const underline = index > start ? SETEXT.exec(line) : null;
    const text = lines[index - 1] ?? '';
    if (underline && text.trim() && !NOT_SETEXT_TEXT.test(text) && !ATX.test(text)) {
      // The heading's text is the whole paragraph above the underline.
      let first = index - 1;
      while (first - 1 >= start && lines[first - 1].trim() && !NOT_SETEXT_TEXT.test(lines[first - 1])) first--;
      headings.push(heading(first + 1, underline[1].startsWith('=') ? 1 : 2, lines.slice(first, index).join(' ')));
    }
  }
  const open: number[] = [];
  headings.forEach((entry, index) => {
    while (open.length > 0 && headings[open[open.length - 1]].depth >= entry.depth) headings[open.pop()!].end = entry.line;
    entry.parent = open.length > 0 ? open[open.length - 1] : -1;
    open.push(index);
  });
  for (const index of open) headings[index].end = lines.length + 1;
  outline = { headings, byLine: new Map(headings.map((entry, index) => [entry.line, index])) };
  outlines.set(lines, outline);
  return outline;
}

function heading(line: number, depth: number, raw: string): Heading {
  const title = raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return { line, depth, end: line + 1, title, parent: -1 };
}

function section(entry: Heading): ClaimSection {
  return { line: entry.line, end: entry.end, title: entry.title };
}

/** Whether `line` is the line of a heading of the document. */
export function isHeadingLine(lines: readonly string[], line: number): boolean {
  return outlineOf(lines).byLine.has(line);
}

/** The title of the heading on `line`, when there is one. */
export function headingTitle(lines: readonly string[], line: number): string | null {
  const outline = outlineOf(lines);
  const index = outline.byLine.get(line);
  return index === undefined ? null : outline.headings[index].title;
}

/**
 * The heading sections `line` stands in, innermost first. A line that is itself a heading stands
 * in its own section (`own`), or only in those above it.
 */
export function sectionsAt(lines: readonly string[], line: number, own = true): ClaimSection[] {
  const outline = outlineOf(lines);
  const { headings } = outline;
  // The last heading at or before the line is the innermost one it stands under.
  let low = 0;
  let high = headings.length - 1;
  let index = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (headings[middle].line <= line) {
      index = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (index !== -1 && headings[index].line === line && !own) index = headings[index].parent;
  const found: ClaimSection[] = [];
  for (let at = index; at !== -1; at = headings[at].parent) {
    const entry = headings[at];
    if (entry.line <= line && entry.end > line) found.push(section(entry));
  }
  return found;
}

/** The words of a title, for matching a label to it: letters, digits and the hyphens inside them ("P2-S"). */
function tokens(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}-]+|(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/u)
    .filter(Boolean);
}

/**
 * The sections whose heading names `label` ("P3" names "Öncelik 3 (P3) - …", "Frontend" names
 * "🎯 Frontend Tasks"): its words, in order, among the heading's words.
 */
export function sectionsNamed(lines: readonly string[], label: string): ClaimSection[] {
  const wanted = tokens(label);
  if (wanted.length === 0) return [];
  return outlineOf(lines)
    .headings.filter((entry) => {
      const words = tokens(entry.title);
      for (let start = 0; start + wanted.length <= words.length; start++) {
        if (wanted.every((word, offset) => words[start + offset] === word)) return true;
      }
      return false;
    })
    .map((entry) => section(entry));
}
