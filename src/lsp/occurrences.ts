import { idKey } from '../extract/values/ids.js';
import { rolesOf, type Role } from '../extract/roles/header-roles.js';
import type { Item } from '../model/types.js';

/** Where an item's ID is written: a line (0-based) and the characters [start, end) on it. */
export interface Occurrence {
  line: number;
  start: number;
  end: number;
  /** The ID of the item it names. */
  id: string;
}

/**
 * A word that could be (part of) an ID: letters and digits joined by hyphens (any of the hyphen
 * characters IDs are written with), dots and underscores, optionally after a `#`; it starts and
 * ends with a letter or digit, so markup (`**`, `` ` ``, `[`) and sentence punctuation stay outside.
 */
const TOKEN = /#?[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_.\-\u2010\u2011\u2012\u2212]*[\p{L}\p{M}\p{N}])?/gu;
const HYPHEN = /[-\u2010\u2011\u2012\u2212]/;

/**
 * IDs that are also ordinary words or numbers ("1", "2.3", "A", "QA"): they are taken as the item
 * only where the document puts IDs (the ID, dependency and link columns of a table) or where the
 * item itself is read from. Everywhere else "1" is a number and "A" an article.
 */
const WEAK = /^(?:\d+(?:\.\d+)*|\p{L}{1,2})$/u;

/** The columns of a table that hold IDs: an "ID" column and the ones that refer to items. */
const ID_ROLES: ReadonlySet<Role> = new Set<Role>(['id', 'dependsOn', 'successors', 'links']);

/** The items of a model by the form their IDs are matched in (`idKey`), for reading IDs back out of the text. */
export class IdMatcher {
  private readonly byKey = new Map<string, Item>();
  /** Some ID has a space in it ("Story 1.1"): two words are tried together. */
  private readonly spaced: boolean;

  constructor(items: readonly Item[]) {
    let spaced = false;
    for (const item of items) {
      if (item.anonymous) continue;
      const key = idKey(item.id);
      if (!this.byKey.has(key)) this.byKey.set(key, item);
      if (key.includes(' ')) spaced = true;
    }
    this.spaced = spaced;
  }

  item(id: string): Item | undefined {
    return this.byKey.get(idKey(id));
  }

  /**
   * The item a word names in a file. A bare number that several files use is qualified with the
   * file's name in the model ("sprint-2:001"); in its own file it is written "001".
   */
  find(word: string, stem: string): Item | undefined {
    const key = idKey(word);
    if (/^\d/.test(key)) {
      const local = this.byKey.get(idKey(`${stem}:${word}`));
      if (local) return local;
    }
    return this.byKey.get(key);
  }

  /** Every ID written on one line, left to right. `cells` says which characters stand in ID columns of a table. */
  scanLine(text: string, line: number, context: LineContext): Occurrence[] {
    const tokens = [...text.matchAll(TOKEN)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
    const found: Occurrence[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      const next = tokens[index + 1];
      if (this.spaced && next && /^ +$/.test(text.slice(token.end, next.start))) {
        const pair = this.accept(`${token.text} ${next.text}`, token.start, line, context);
        if (pair) {
          found.push({ line, start: token.start, end: next.end, id: pair.id });
          index++;
          continue;
        }
      }
      const whole = this.accept(token.text, token.start, line, context);
      if (whole) {
        found.push({ line, start: token.start, end: token.end, id: whole.id });
        continue;
      }
      if (HYPHEN.test(token.text)) found.push(...this.hyphenParts(token.text, token.start, line, context));
    }
    return found;
  }

  /** "HB-11–HB-13" or "E1-E3" is one word; the IDs in it are its longest runs of parts that name items. */
  private hyphenParts(text: string, offset: number, line: number, context: LineContext): Occurrence[] {
    const parts: { start: number; end: number }[] = [];
    const splitter = /[-\u2010\u2011\u2012\u2212]/g;
    let start = 0;
    for (const match of text.matchAll(splitter)) {
      parts.push({ start, end: match.index });
      start = match.index + 1;
    }
    parts.push({ start, end: text.length });
    const found: Occurrence[] = [];
    for (let first = 0; first < parts.length;) {
      let matched = false;
      for (let last = parts.length - 1; last >= first; last--) {
        const from = parts[first].start;
        const to = parts[last].end;
        if (first === 0 && last === parts.length - 1) continue; // the whole word was tried already
        const item = from < to ? this.accept(text.slice(from, to), offset + from, line, context) : undefined;
        if (item) {
          found.push({ line, start: offset + from, end: offset + to, id: item.id });
          first = last + 1;
          matched = true;
          break;
        }
      }
      if (!matched) first++;
    }
    return found;
  }

  private accept(word: string, at: number, line: number, context: LineContext): Item | undefined {
    const item = this.find(word, context.stem);
    if (!item) return undefined;
    if (!WEAK.test(word)) return item;
    if (item.appearances.some((place) => place.file === context.file && place.line === line + 1)) return item;
    return context.idColumnAt(at) ? item : undefined;
  }
}

/** What a line's IDs are read with: its file, and which of its characters stand in a table's ID columns. */
export interface LineContext {
  file: string;
  /** The file's name without directory or extension, which qualifies its bare numbers. */
  stem: string;
  idColumnAt(character: number): boolean;
}

const SEPARATOR_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function isTableRow(line: string): boolean {
  return line.includes('|') && line.trim() !== '';
}

/** The offsets of a row's cell boundaries: the unescaped pipes. */
function pipes(line: string): number[] {
  const at: number[] = [];
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') at.push(index);
  }
  return at;
}

/** The cells of a row, as text. */
function cells(line: string): string[] {
  const bounds = pipes(line);
  const leading = line.trimStart().startsWith('|');
  const cuts = [-1, ...bounds, line.length];
  const result: string[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) result.push(line.slice(cuts[index] + 1, cuts[index + 1]));
  if (leading) result.shift();
  if (line.trimEnd().endsWith('|')) result.pop();
  return result.map((cell) => cell.trim());
}

/** Which cells (by index) of a table hold IDs: its ID and reference columns, or its first column when no header names an ID. */
function idColumns(header: string): Set<number> {
  const names = cells(header);
  const roles = names.map((name) => rolesOf(name));
  const columns = new Set<number>();
  roles.forEach((list, index) => {
    if (list.some((role) => ID_ROLES.has(role))) columns.add(index);
  });
  if (!roles.some((list) => list.includes('id'))) columns.add(0);
  return columns;
}

function cellIndexAt(line: string, character: number): number {
  const before = pipes(line).filter((at) => at < character).length;
  return line.trimStart().startsWith('|') ? before - 1 : before;
}

/** Reads the lines of a file: which lines are table rows under which header, so that each line's IDs can be read. */
export class FileLines {
  /** For each line: the ID columns of the table it is a body row of, or null. */
  private readonly columns: (Set<number> | null)[];

  constructor(
    readonly lines: readonly string[],
    readonly file: string,
  ) {
    this.columns = new Array<Set<number> | null>(lines.length).fill(null);
    for (let index = 0; index + 1 < lines.length; index++) {
      if (!isTableRow(lines[index]) || !SEPARATOR_ROW.test(lines[index + 1]) || !lines[index + 1].includes('-')) continue;
      const columns = idColumns(lines[index]);
      let row = index + 2;
      for (; row < lines.length && isTableRow(lines[row]); row++) this.columns[row] = columns;
      index = row - 1;
    }
  }

  context(line: number): LineContext {
    const columns = this.columns[line];
    const text = this.lines[line] ?? '';
    return {
      file: this.file,
      stem: stemOf(this.file),
      idColumnAt: (character) => columns !== null && columns !== undefined && columns.has(cellIndexAt(text, character)),
    };
  }
}

/** "docs/sprint-2.md" → "sprint-2", as the model qualifies a file's bare numbers. */
export function stemOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** Every ID written in a file. */
export function occurrencesIn(lines: FileLines, matcher: IdMatcher): Occurrence[] {
  const found: Occurrence[] = [];
  lines.lines.forEach((text, line) => {
    found.push(...matcher.scanLine(text, line, lines.context(line)));
  });
  return found;
}

/** The ID written at a place, if any: the character under the cursor or just before it (the cursor at a word's end). */
export function occurrenceAt(lines: FileLines, matcher: IdMatcher, line: number, character: number): Occurrence | null {
  if (line < 0 || line >= lines.lines.length) return null;
  const found = matcher.scanLine(lines.lines[line], line, lines.context(line));
  return (
    found.find((occurrence) => occurrence.start <= character && character < occurrence.end) ??
    found.find((occurrence) => occurrence.end === character) ??
    null
  );
}
