import { perLexicon, type Lexicon } from '../lexicon/lexicon.js';

/**
 * Item IDs as documents write them: AION-101, E12-03, S4-01, US‑01 (with a non-breaking
 * hyphen), T1, T-001.1, #175, and "Story 1.1" / "Task 2" for heading items.
 */

const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/**
 * The form IDs are matched by: hyphen variants folded, case and spacing ignored. Decoration is
 * already gone (`cleanId`, `parseReferences`), so a `*`, `_` or bracket still here is part of an
 * ID as configured ("a.b*", "[1]") and keeps it apart from its look-alikes.
 */
export function idKey(id: string): string {
  return id.replace(HYPHENS, '-').replace(/\s+/g, ' ').trim().toUpperCase();
}

const CODE_ID = String.raw`[A-Z][A-Za-z]{0,11}[0-9]{0,3}[-\u2010\u2011_][A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?|[A-Z]{1,4}\d+(?:[.\-\u2011]\d+)*`;
const ISSUE_ID = String.raw`#\d+`;
/** "Story 12", "Task 3.1", "Задача 2": a word for work (the lexicon's `idWord`), not in lower case, and its number. */
function wordId(lexicon: Lexicon): string {
  return String.raw`(?!\p{Ll})(?:${lexicon.caseless('idWord')})\s+#?\d+(?:\.\d+)*`;
}

/** A whole string that is an item ID (cells of an ID column, list entries, references). */
const ID_PATTERN = perLexicon((lexicon) => new RegExp(String.raw`^(?:${wordId(lexicon)}|${CODE_ID}|${ISSUE_ID})$`, 'u'));
/** IDs inside running text. */
const ID_IN_TEXT = perLexicon((lexicon) => new RegExp(String.raw`(?<![\w-])(?:${wordId(lexicon)}|${CODE_ID}|${ISSUE_ID})(?![\w-])`, 'gu'));

const NOT_IDS =
  /^(?:P[0-4]|Q[1-4]|S[0-9]+|V\d+|H[1-6]|[A-Z]\d{4,}|UTF-8|ISO-\d+|SHA-\d+|MD\d|TS\d*|ES\d+|2FA|MVP\d*|MCP|WCAG-?\d.*|GPT-\d.*|K8S|X\d+)$/i;

/** An ID with a letter after its number, as sub-items are inserted between siblings: "W0b", "T3a", "US12a". */
const SUFFIXED_ID = /^[A-Z][A-Za-z]{0,11}\d+[a-z]$/u;

/**
 * Whether a string has the shape of an ID, including shapes that also name other things ("H1" a
 * heading level, "P0" a priority, "S3" a sprint) and sub-item IDs ("W0b"). Such a token is an ID
 * only where the document's other IDs stand beside it (see evidence/id-evidence.ts).
 */
export function hasIdShape(text: string): boolean {
  const value = text.replace(/[`*_]/g, '').trim();
  return value.length > 0 && value.length <= 24 && (ID_PATTERN().test(value) || SUFFIXED_ID.test(value));
}

/** Whether a string is an item ID; `extra` holds the configured ID patterns. */
export function looksLikeId(text: string, extra: readonly RegExp[] = []): boolean {
  if (configuredId(text, extra) !== null) return true;
  const value = text.replace(/[`*_]/g, '').trim();
  if (!value || value.length > 24) return false;
  if (extra.some((pattern) => pattern.test(value))) return true;
  return ID_PATTERN().test(value) && !NOT_IDS.test(value);
}

/** A value in an ID column: IDs, plus bare numbers such as 001 or ranks, which only a column makes IDs. */
export function looksLikeColumnId(text: string, extra: readonly RegExp[] = []): boolean {
  const value = text.replace(/[`*_]/g, '').trim();
  // Textbook networks name activities A, B, … AA: letters alone are IDs only in an ID column.
  return (
    looksLikeId(text, extra) ||
    looksLikeNonLatinId(value) ||
    /^#?\d{1,5}(?:\.\d+)*$/.test(value) ||
    /^[A-Z]{1,6}[ ]\d{1,4}$/i.test(value) ||
    /^[A-Z]{1,2}$/.test(value)
  );
}

const LETTERS_NUMBER = /^(\p{L}{1,12})[-\u2010\u2011_]\d+(?:\.\d+)*$/u;

/**
 * "ЗАД-1", "З-2", "任务-1": a prefix in a script other than Latin, a hyphen and a number. Such
 * IDs are taken where a column or a dependency list holds IDs, never picked out of prose.
 */
export function looksLikeNonLatinId(text: string): boolean {
  const prefix = LETTERS_NUMBER.exec(text.trim())?.[1];
  return prefix !== undefined && /[^\p{Script=Latin}]/u.test(prefix);
}

/**
 * The ID as the document writes it, without decoration (backticks, bold, brackets) — unless a
 * configured pattern matches it as written: then every character is part of the ID.
 */
export function cleanId(text: string, extra: readonly RegExp[] = []): string {
  return (
    configuredId(text, extra) ??
    text
      .replace(/[`*_[\]]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const anchored = new WeakMap<RegExp, RegExp>();

/**
 * The text, spacing collapsed, when one of the configured ID patterns matches all of it; null
 * otherwise. Such IDs are taken literally: "A+1", "(X)", "a.b*" and "[1]" are names, not syntax.
 */
export function configuredId(text: string, extra: readonly RegExp[]): string | null {
  if (extra.length === 0) return null;
  const value = text.replace(/\s+/g, ' ').trim();
  if (!value) return null;
  const whole = (pattern: RegExp) => {
    let regex = anchored.get(pattern);
    if (!regex) {
      regex = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
      anchored.set(pattern, regex);
    }
    return regex.test(value);
  };
  return extra.some(whole) ? value : null;
}

/** IDs found in running text, in order. */
export function idsInText(text: string, extra: readonly RegExp[] = []): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ID_IN_TEXT())) {
    if (looksLikeId(match[0], extra)) found.push(match[0]);
  }
  return found;
}

/** "E1-E3", "AION-101 through AION-104", "#288–#292", "7.2-7.5" (with a word prefix) → each ID. */
export function expandRange(from: string, to: string): string[] | null {
  const a = /^(.*?)(\d+)$/.exec(from.trim());
  const b = /^(.*?)(\d+)$/.exec(to.trim());
  if (!a || !b) return null;
  const prefixB = b[1] === '' ? a[1] : b[1];
  if (idKey(a[1]) !== idKey(prefixB)) return null;
  const start = Number(a[2]);
  const end = Number(b[2]);
  if (!(end > start) || end - start > 500) return null;
  const width = a[2].length;
  const ids: string[] = [];
  for (let n = start; n <= end; n++) ids.push(`${a[1]}${String(n).padStart(width, '0')}`);
  return ids;
}
