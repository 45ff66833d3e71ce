import { cleanId, looksLikeId } from './ids.js';

const LIST_ENTRY = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
/** The first token of an entry, up to what may follow an ID: "US-2 (API first)", "US-3, …", "US-4 – after review". */
const LEADING_TOKEN = /^(\S+?)(?=$|[\s,;:(])/u;

/**
 * The IDs a list right after a dependency label names ("Depends on:" then "- US-1", "- US-2 (API
 * first)"), read from the source lines after `line` (1-based). Null unless every entry of that
 * one flat list starts with an ID: a list of prose ("- the payments API going live") or one with
 * nested entries is not read as dependencies.
 */
export function dependencyListAfter(lines: readonly string[], line: number, extraIds: readonly RegExp[]): string[] | null {
  let index = line;
  if (lines[index]?.trim() === '') index++;
  const ids: string[] = [];
  let indent: number | null = null;
  for (; index < lines.length; index++) {
    const entry = LIST_ENTRY.exec(lines[index]);
    if (!entry) break;
    if (indent !== null && entry[1].length !== indent) return null;
    indent = entry[1].length;
    const token = LEADING_TOKEN.exec(entry[2].replace(/[*_`]/g, '').trim());
    const id = token ? cleanId(token[1], extraIds) : '';
    if (!looksLikeId(id, extraIds)) return null;
    ids.push(id);
  }
  // An indented line after the list continues or nests under its last entry: not a plain list.
  if (ids.length === 0 || /^\s+\S/.test(lines[index] ?? '')) return null;
  return ids;
}
