import type { PhrasingContent, Text } from 'mdast';
import type { Point } from 'unist';

/**
 * The inline syntax table cells of backlogs use — `code`, **strong**, *emphasis*, [links](url),
 * `\|` escapes, <br> — read directly, exactly as micromark reads it; null for anything past that
 * (nested emphasis, references, autolinks, entities…), which then goes to micromark. Each construct
 * is accepted only in a form whose reading does not depend on the rest of the cell.
 */
export function readSimpleInline(value: string, start: Point, context: InlineContext): PhrasingContent[] | null {
  // Most cells are plain text: one node, and nothing else allocated on the way (a big table has
  // hundreds of thousands of cells).
  if (!SPECIAL.test(value))
    return [
      {
        type: 'text',
        value,
        position: { start, end: { line: start.line, column: start.column + value.length, offset: start.offset! + value.length } },
      },
    ];
  const reader = new SimpleInlineReader(value, start, context);
  // A copy holds exactly its nodes: an array grown by push keeps room for 17.
  return reader.read() ? reader.nodes.slice() : null;
}

/**
 * Where the text stands. In a table cell, code reads `\|` as `|` (GFM's way to put a pipe in code).
 * A line of a paragraph fails on a backtick run left open, which the next line might close.
 */
export type InlineContext = 'table-cell' | 'heading' | 'paragraph-line';

/** Characters that may start syntax; everything else is plain text. */
const SPECIAL = /[!&*<[\\\]_`\u0000]/;
const NEXT_SPECIAL = new RegExp(SPECIAL.source, 'g');
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const REFERENCE = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;
const HTML_TAG = /^<(?:[A-Za-z][A-Za-z\d-]*[ \t]*\/?|\/[A-Za-z][A-Za-z\d-]*[ \t]*)>/;
const LINK = /^\[([^\s!&*<[\\\]_`\u0000](?:[^!&*<[\\\]_`\u0000]*[^\s!&*<[\\\]_`\u0000])?)\]\(([^\s()<>\\`&[\]\u0000]+)\)/;
const BRACKETED_TEXT = /^\[[^!&*<[\\\]_`\u0000()]*\](?![([])/;

class SimpleInlineReader {
  readonly nodes: PhrasingContent[] = [];
  private index = 0;
  /** The text node being extended, while plain characters keep coming. */
  private text: Text | null = null;

  constructor(
    private readonly value: string,
    private readonly start: Point,
    private readonly context: InlineContext,
  ) {}

  read(): boolean {
    const { value } = this;
    while (this.index < value.length) {
      NEXT_SPECIAL.lastIndex = this.index;
      const special = NEXT_SPECIAL.exec(value);
      const plainEnd = special ? special.index : value.length;
      if (plainEnd > this.index) this.literal(this.index, plainEnd, value.slice(this.index, plainEnd));
      if (special && !this.special(special[0])) return false;
    }
    return true;
  }

  private special(char: string): boolean {
    const { value, index } = this;
    switch (char) {
      case '\\': {
        const next = value[index + 1];
        if (next !== undefined && ASCII_PUNCTUATION.test(next)) this.literal(index, index + 2, next);
        else this.literal(index, index + 1, '\\');
        return true;
      }
      case '`':
        return this.code();
      case '*':
      case '_':
        return this.emphasis(char);
      case '[':
        return this.link();
      case ']':
        this.literal(index, index + 1, ']');
        return true;
      case '!':
        if (value[index + 1] === '[') return false;
        this.literal(index, index + 1, '!');
        return true;
      case '<':
        return this.html();
      case '&':
        if (REFERENCE.test(value.slice(index, index + 40))) return false;
        this.literal(index, index + 1, '&');
        return true;
      default:
        return false;
    }
  }

  /** A code span: a run of backticks up to the next run of the same length, else literal backticks. */
  private code(): boolean {
    const { value, index } = this;
    const open = runEnd(value, index, '`');
    const size = open - index;
    let search = open;
    for (;;) {
      const from = value.indexOf('`', search);
      if (from === -1) {
        if (this.context === 'paragraph-line') return false;
        this.literal(index, open, value.slice(index, open));
        return true;
      }
      const close = runEnd(value, from, '`');
      if (close - from === size) {
        let content = value.slice(open, from);
        if (content.includes('\t') || content.includes('\u0000')) return false;
        if (content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) content = content.slice(1, -1);
        this.push({
          type: 'inlineCode',
          value: this.context === 'table-cell' ? unescapeCodePipes(content) : content,
          position: this.span(index, close),
        });
        this.index = close;
        return true;
      }
      search = close;
    }
  }

  /**
   * `*x*`, `**x**`, `_x_`, `__x__` around plain text that starts and ends with a letter or digit;
   * `_` between two letters or digits, and `*` between spaces, are plain characters.
   */
  private emphasis(marker: '*' | '_'): boolean {
    const { value, index } = this;
    const open = runEnd(value, index, marker);
    const before = value[index - 1];
    const after = value[open];
    if (marker === '_' && isLetterOrDigit(before) && isLetterOrDigit(after)) {
      this.literal(index, open, value.slice(index, open));
      return true;
    }
    if (marker === '*' && isSpaceOrEdge(before) && isSpaceOrEdge(after)) {
      this.literal(index, open, value.slice(index, open));
      return true;
    }
    const size = open - index;
    const from = value.indexOf(marker, open);
    if (size > 2 || from === -1) return false;
    const close = runEnd(value, from, marker);
    const inner = value.slice(open, from);
    if (close - from !== size || SPECIAL.test(inner) || !isLetterOrDigit(inner[0]) || !isLetterOrDigit(inner[inner.length - 1]))
      return false;
    if (marker === '_' && !(isSpaceOrEdge(before) || ASCII_PUNCTUATION.test(before))) return false;
    if (marker === '_' && !(isSpaceOrEdge(value[close]) || ASCII_PUNCTUATION.test(value[close]))) return false;
    this.push({
      type: size === 2 ? 'strong' : 'emphasis',
      children: [{ type: 'text', value: inner, position: this.span(open, from) }],
      position: this.span(index, close),
    });
    this.index = close;
    return true;
  }

  /** `[text](url)` with plain text and a bare URL; `[text]` alone is literal (no definitions exist). */
  private link(): boolean {
    const rest = this.value.slice(this.index);
    const link = LINK.exec(rest);
    if (link) {
      const textStart = this.index + 1;
      this.push({
        type: 'link',
        title: null,
        url: link[2],
        children: [{ type: 'text', value: link[1], position: this.span(textStart, textStart + link[1].length) }],
        position: this.span(this.index, this.index + link[0].length),
      });
      this.index += link[0].length;
      return true;
    }
    const bracketed = BRACKETED_TEXT.exec(rest);
    if (!bracketed) return false;
    this.literal(this.index, this.index + bracketed[0].length, bracketed[0]);
    return true;
  }

  /** A tag without attributes (`<br>`, `<br />`, `</b>`); a `<` no tag or autolink can follow is plain. */
  private html(): boolean {
    const { value, index } = this;
    if (isSpaceOrEdge(value[index + 1]) || !value.includes('>', index)) {
      this.literal(index, index + 1, '<');
      return true;
    }
    const tag = HTML_TAG.exec(value.slice(index, index + 64));
    if (!tag) return false;
    this.push({ type: 'html', value: tag[0], position: this.span(index, index + tag[0].length) });
    this.index += tag[0].length;
    return true;
  }

  /** Source characters `from`–`to` reading as `text`: they join the text node before them. */
  private literal(from: number, to: number, text: string): void {
    if (this.text) {
      this.text.value += text;
      this.text.position!.end = this.point(to);
    } else {
      this.text = { type: 'text', value: text, position: this.span(from, to) };
      this.nodes.push(this.text);
    }
    this.index = to;
  }

  private push(node: PhrasingContent): void {
    this.nodes.push(node);
    this.text = null;
  }

  private span(from: number, to: number) {
    return { start: this.point(from), end: this.point(to) };
  }

  private point(index: number): Point {
    return { line: this.start.line, column: this.start.column + index, offset: this.start.offset! + index };
  }
}

/** GFM reads `\|` in a table cell's code as `|` (so a pipe can be written in code), and only that. */
export function unescapeCodePipes(code: string): string {
  return code.replace(/\\([\\|])/g, (escape, char: string) => (char === '|' ? char : escape));
}

function runEnd(value: string, index: number, char: string): number {
  let end = index;
  while (value[end] === char) end++;
  return end;
}

function isLetterOrDigit(char: string | undefined): boolean {
  return char !== undefined && LETTER_OR_DIGIT.test(char);
}

function isSpaceOrEdge(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t';
}
