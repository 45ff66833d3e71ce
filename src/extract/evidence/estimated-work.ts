import { statesFigure } from '../values/claims.js';
import { estimateInTitle, readEstimate } from '../values/estimates.js';
import { perLexicon } from '../lexicon/lexicon.js';
import { readSprintName } from '../values/sprints.js';

/**
 * What makes a list entry without an ID a piece of work: a title with its estimate at its end.
 * Such entries are read as items named by their file and line (read-entry.ts).
 */

/** A link or an address: a list of links points elsewhere; its timings ("(5 min)") are no work. */
const LINK = /\]\(|\]\[|https?:\/\/|<[a-z][\w+.-]*:/i;
/** Obsidian tags and dates after a card's title ("#backend @{2024-05-03}") say nothing of its size. */
export const CARD_MARKS = /(?:\s+(?:#[\p{L}\p{N}_/-]+|@\{[^}]*\}|@\[\[[^\]]*\]\]))+\s*$/u;
/** An agenda's timings, not an estimate of work. */
const MINUTES = perLexicon((lexicon) => new RegExp(String.raw`\d\s*(?:${lexicon.source('unitMinutes')})(?![\p{L}\p{N}])`, 'iu'));

/**
 * "Build API (4h)", "Login page — 3 pts", "Fix layout [2d] #frontend": a title with an estimate
 * at its end. Prose that mentions an amount ("took (2 days) longer than planned"), a stated
 * figure ("Capacity — 40 pts"), a sprint ("Sprint 1 (2 weeks)") and links are no such entry.
 */
export function isEstimatedWork(text: string): boolean {
  if (LINK.test(text)) return false;
  const value = text.replace(CARD_MARKS, '').trim();
  const stated = estimateInTitle(value);
  if (!stated || MINUTES().test(stated.raw)) return false;
  const start = value.lastIndexOf(stated.text);
  if (value.slice(start + stated.text.length).trim() !== '') return false;
  const reading = readEstimate(stated.raw, { unit: stated.unit, scale: {}, openEndedFactor: 1 });
  if (!reading || !('estimate' in reading)) return false;
  const title = value
    .slice(0, start)
    .replace(/[\s:–—|·-]+$/u, '')
    .trim();
  if (!/\p{L}/u.test(title) || readSprintName(title)) return false;
  return !statesFigure(title, stated.raw);
}
