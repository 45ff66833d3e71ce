import { cleanId, idKey, looksLikeId } from './ids.js';

/** "T1 Landing page", "T2: Stripe checkout", "#42 Add dark mode" (a link's text), "T3 — Launch email". */
const LEADING_TOKEN = /^(\S+?)[:.)]?\s+(?:[-–—:|]\s+)?(\S.*)$/u;

/** The ID a title cell starts with, and the title after it; null when it starts with no ID. */
export function splitLeadingId(cell: string, extra: readonly RegExp[]): { id: string; title: string } | null {
  const match = LEADING_TOKEN.exec(cell.trim());
  if (!match) return null;
  const id = cleanId(match[1], extra);
  return looksLikeId(id, extra) ? { id, title: match[2] } : null;
}

/**
 * The IDs of a table that has no ID column but starts every title with one. Every row must, the
 * IDs must be distinct and share one prefix ("T1", "T2"; "#42", "#47"): a title that merely
 * begins with a product name ("EC2 resize") is no ID. Null when the table is not written so.
 */
export function leadingIds(titles: string[], extra: readonly RegExp[]): string[] | null {
  if (titles.length < 2) return null;
  const ids: string[] = [];
  for (const title of titles) {
    const split = splitLeadingId(title, extra);
    if (!split) return null;
    ids.push(split.id);
  }
  const prefixes = new Set(ids.map((id) => idKey(id).replace(/[\d.-]+$/, '')));
  return prefixes.size === 1 && new Set(ids.map(idKey)).size === ids.length ? ids : null;
}
