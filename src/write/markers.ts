/**
 * Generated sections in a markdown document: the text between `<!-- backlog:NAME -->` and
 * `<!-- /backlog:NAME -->`, each marker on a line of its own. Replacing a section keeps the
 * markers and every character outside them exactly as they were, so a report can live inside a
 * hand-written document and be regenerated without disturbing it.
 *
 * Markers inside a fenced code block are text, not markers: a document may show how to use them.
 */

/** What is wrong with a document's markers for one section name. */
export type MarkerProblem = 'missing' | 'unclosed' | 'unopened' | 'duplicate' | 'out-of-order';

/** A document whose markers for a section are missing or malformed; the message says what to add. */
export class MarkerError extends Error {
  constructor(
    readonly problem: MarkerProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MarkerError';
  }
}

/** The two marker lines of a section, as they should be written. */
export function markerLines(name: string): { open: string; close: string } {
  return { open: `<!-- backlog:${name} -->`, close: `<!-- /backlog:${name} -->` };
}

const MARKER_LINE = /^[ \t]*<!--[ \t]*(\/?)backlog:([\w-]+)[ \t]*-->[ \t]*$/;

/** Reads a line as a section marker: its name and whether it closes. Null for any other line. */
export function parseMarker(line: string): { name: string; closing: boolean } | null {
  const match = MARKER_LINE.exec(line);
  return match ? { name: match[2], closing: match[1] === '/' } : null;
}

/** Where a section's content lies: from the end of the opening marker's line to the start of the closing one's. */
export interface Section {
  contentStart: number;
  contentEnd: number;
}

interface Line {
  text: string;
  number: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the text, before the line break. */
  end: number;
}

function* linesOf(document: string): Generator<Line> {
  let start = 0;
  let number = 1;
  while (start <= document.length) {
    const newline = document.indexOf('\n', start);
    const next = newline === -1 ? document.length : newline;
    const end = next > start && document[next - 1] === '\r' ? next - 1 : next;
    yield { text: document.slice(start, end), number, start, end };
    if (newline === -1) return;
    start = newline + 1;
    number++;
  }
}

/** For a line that opens a code fence, the pattern of the line that closes it; null for any other line. */
function closingFence(line: string): RegExp | null {
  const run = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
  return run ? new RegExp(`^[ \\t]*${run[0]}{${run.length},}[ \\t]*$`) : null;
}

/**
 * Finds the section NAME. Throws a MarkerError when the document has no pair of markers for it,
 * or has them lone, twice, or closing before opening.
 */
export function findSection(document: string, name: string): Section {
  const opens: Line[] = [];
  const closes: Line[] = [];
  let inlineLine: number | null = null;
  let fence: RegExp | null = null;
  const mention = new RegExp(`<!--[ \\t]*/?backlog:${name}[ \\t]*-->`);
  for (const line of linesOf(document)) {
    // Between the markers the content is this tool's own output: its fences are balanced, and a
    // stale one must not hide the closing marker, so fences count only outside the section.
    const inside = opens.length > closes.length;
    if (!inside) {
      if (fence !== null) {
        if (fence.test(line.text)) fence = null;
        continue;
      }
      fence = closingFence(line.text);
      if (fence) continue;
    }
    const marker = parseMarker(line.text);
    if (marker?.name === name) (marker.closing ? closes : opens).push(line);
    else if (!marker && inlineLine === null && mention.test(line.text)) inlineLine = line.number;
  }
  checkMarkers(name, opens, closes, inlineLine);
  return { contentStart: opens[0].end, contentEnd: closes[0].start };
}

function checkMarkers(name: string, opens: Line[], closes: Line[], inlineLine: number | null): void {
  const { open, close } = markerLines(name);
  if (opens.length === 0 && closes.length === 0) {
    const inline = inlineLine === null ? '' : ` (line ${inlineLine} mentions it, but a marker must be on a line of its own)`;
    throw new MarkerError(
      'missing',
      `no section "${name}"${inline}: add the line ${open} and, below it, the line ${close} where the report should go`,
    );
  }
  if (opens.length > 1 || closes.length > 1) {
    const [which, lines] = opens.length > 1 ? ([open, opens] as const) : ([close, closes] as const);
    throw new MarkerError(
      'duplicate',
      `${which} appears ${lines.length} times (lines ${lines.map((line) => line.number).join(', ')}): keep one pair of ${open} and ${close}`,
    );
  }
  if (closes.length === 0) {
    throw new MarkerError(
      'unclosed',
      `${open} on line ${opens[0].number} is never closed: add the line ${close} where the section should end`,
    );
  }
  if (opens.length === 0) {
    throw new MarkerError(
      'unopened',
      `${close} on line ${closes[0].number} closes nothing: add the line ${open} where the section should start`,
    );
  }
  if (closes[0].number < opens[0].number) {
    throw new MarkerError(
      'out-of-order',
      `${close} (line ${closes[0].number}) comes before ${open} (line ${opens[0].number}): put the opening marker first`,
    );
  }
}

/** The line break a text mostly uses; a text without one gets `\n`. */
export function lineEnding(document: string): '\n' | '\r\n' {
  const all = document.split('\n').length - 1;
  const crlf = document.split('\r\n').length - 1;
  return crlf > all - crlf ? '\r\n' : '\n';
}

/**
 * The document with section NAME holding `content`: one line break after the opening marker, the
 * content, one line break before the closing marker, every break in the style the rest of the
 * document uses.
 */
export function replaceSection(document: string, name: string, content: string): string {
  const { contentStart, contentEnd } = findSection(document, name);
  const before = document.slice(0, contentStart);
  const after = document.slice(contentEnd);
  // Judged outside the section only, so that writing the section cannot change the verdict.
  const eol = lineEnding(before + after);
  const body = content.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '');
  const framed = body === '' ? eol : `${eol}${body.replaceAll('\n', eol)}${eol}`;
  return before + framed + after;
}

/** True when section NAME does not hold `content` as `replaceSection` would write it. */
export function isStale(document: string, name: string, content: string): boolean {
  return replaceSection(document, name, content) !== document;
}
