import type { Heading, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { ATX_HEADING, isBlank, LIST_ITEM, THEMATIC_BREAK } from './block-starts.js';
import { readSimpleInline } from './simple-inline.js';
import { pointAt, type SourceLines } from './source-lines.js';

/** What a paragraph line must not start with: HTML, quotes, fences, list items, underlines. */
const NOT_PARAGRAPH_START = /^(?:[<>\-+=~]|`{3})/;

/**
 * Lines `from`–`to` read without micromark when they hold only ATX headings, paragraphs and blank
 * lines, every line unindented, without tabs or trailing spaces, with simple inline syntax (see
 * `readSimpleInline`) — the heading-per-story style of backlogs. Null for anything else.
 */
export function readSimpleBlocks(source: SourceLines, from: number, to: number): RootContent[] | null {
  const nodes: RootContent[] = [];
  let line = from;
  while (line < to) {
    const text = source.lines[line];
    if (isBlank(text)) {
      line++;
      continue;
    }
    if (ATX_HEADING.test(text)) {
      const heading = readHeading(source, line);
      if (!heading) return null;
      nodes.push(heading);
      line++;
      continue;
    }
    let end = line;
    while (end < to && isParagraphLine(source.lines[end])) end++;
    if (end === line) return null;
    const paragraph = readParagraph(source, line, end);
    if (!paragraph) return null;
    nodes.push(paragraph);
    line = end;
  }
  return nodes;
}

/** A line that starts or continues a paragraph and interrupts none. */
function isParagraphLine(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (text.length === 0 || first === 32 || last === 32 || last === 92 || text.includes('\t')) return false;
  return !NOT_PARAGRAPH_START.test(text) && !ATX_HEADING.test(text) && !LIST_ITEM.test(text) && !THEMATIC_BREAK.test(text);
}

/**
 * `## Title`, without a closing sequence of `#` or trailing spaces (micromark keeps one of them as
 * text when a line ending follows).
 */
function readHeading(source: SourceLines, line: number): Heading | null {
  const text = source.lines[line];
  if (/[# ]$/.test(text.slice(1)) || text.includes('\t')) return null;
  const depth = text.indexOf(' ') === -1 ? text.length : text.indexOf(' ');
  const contentStart = depth + text.slice(depth).search(/[^ ]|$/);
  const content = text.slice(contentStart);
  const children = content ? readSimpleInline(content, pointAt(source, line, contentStart), 'heading') : [];
  if (!children) return null;
  return {
    type: 'heading',
    depth: depth as Heading['depth'],
    children,
    position: { start: pointAt(source, line, 0), end: pointAt(source, line, text.length) },
  };
}

/** Lines `from`–`to` as one paragraph: each line read alone, joined by their line endings. */
function readParagraph(source: SourceLines, from: number, to: number): Paragraph | null {
  const children: PhrasingContent[] = [];
  for (let line = from; line < to; line++) {
    const nodes = readSimpleInline(source.lines[line], pointAt(source, line, 0), 'paragraph-line');
    if (!nodes) return null;
    if (line > from) joinLineEnding(children, nodes, source, line - 1);
    for (const node of nodes) children.push(node);
  }
  const last = to - 1;
  return {
    type: 'paragraph',
    children,
    position: { start: pointAt(source, from, 0), end: pointAt(source, last, source.lines[last].length) },
  };
}

/**
 * The line ending after `line` is text: it joins the text node before it, if any, and the text
 * node that starts the next line, if any (which is then taken off `next`).
 */
function joinLineEnding(children: PhrasingContent[], next: PhrasingContent[], source: SourceLines, line: number): void {
  const { text, lines, starts } = source;
  const ending = text.slice(starts[line] + lines[line].length, starts[line + 1]);
  const previous = children[children.length - 1];
  const joined =
    previous?.type === 'text'
      ? previous
      : {
          type: 'text' as const,
          value: '',
          position: { start: pointAt(source, line, lines[line].length), end: pointAt(source, line + 1, 0) },
        };
  if (joined !== previous) children.push(joined);
  joined.value += ending;
  joined.position!.end = pointAt(source, line + 1, 0);
  const first = next[0];
  if (first?.type === 'text') {
    joined.value += first.value;
    joined.position!.end = first.position!.end;
    next.shift();
  }
}
