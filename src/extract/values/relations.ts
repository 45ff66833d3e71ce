import { cleanId, looksLikeId } from './ids.js';
import { LEXICON, perLexicon, type Lexicon } from '../lexicon/lexicon.js';
import { ALL_ABOVE } from './references.js';

/**
 * Dependencies stated as relations in words, as issue trackers export their links ("is blocked
 * by PAY-101, relates to PAY-99") and as people write them in a notes column ("Depends on:
 * PROJ-1230"). Only the IDs that directly follow a relation phrase count; any other relation
 * (relates to, duplicates, clones) and any other text ends the list.
 */
export interface Relations {
  dependsOn: string[];
  successors: string[];
}

/** Where a phrase starts, unless a word before it denies it: "not blocked by X", "no longer depends on X" state no dependency. */
function notNegated(lexicon: Lexicon): string {
  return String.raw`(?<!(?<![\p{L}\p{N}])(?:${lexicon.source('negation')})\s+)(?<![\p{L}-])`;
}

/** The relations a "Linked issues" column holds, in the words of Jira, Linear and Azure DevOps. */
const LINK_PHRASES = perLexicon(
  (lexicon) =>
    new RegExp(
      String.raw`${notNegated(lexicon)}(?:(?<before>${lexicon.source('blockedBy')})|(?<after>${lexicon.source('blocks')}))(?!\p{L})\s*:?`,
      'giu',
    ),
);

/** The only phrases that make free text a dependency: said in so many words, about IDs ("after" only where a sentence starts). */
const NOTE_PHRASES = perLexicon(
  (lexicon) =>
    new RegExp(
      String.raw`${notNegated(lexicon)}(?<before>${lexicon.source('dependsOnNote')}|(?<=^|[.;:]\s*)(?:${lexicon.source('startsAfter')}))(?!\p{L})\s*:?`,
      'giu',
    ),
);

/** What may stand between the IDs of a relation: a comma, "and". */
const LIST_SEPARATOR = perLexicon((lexicon) => new RegExp(String.raw`^\s*(?:[,;、，&]|(?:${lexicon.source('and')})(?=\s))?\s*`, 'iu'));

/** "is blocked by PAY-101", "blocks PAY-104", "relates to PAY-99" in a linked-issues cell. */
export function readLinks(text: string, extra: readonly RegExp[]): Relations {
  return relationsIn(text, LINK_PHRASES(), extra);
}

/** "Depends on: PROJ-1230" or "Blocked by PROJ-1234" in a notes cell; anything else says nothing. */
export function dependenciesInNote(text: string, extra: readonly RegExp[]): string[] {
  return relationsIn(text, NOTE_PHRASES(), extra).dependsOn;
}

function relationsIn(text: string, phrases: RegExp, extra: readonly RegExp[]): Relations {
  const relations: Relations = { dependsOn: [], successors: [] };
  const plain = text.replace(/<br\s*\/?>/gi, ', ').replace(/\([^)]*\)/g, ' ');
  for (const match of plain.matchAll(phrases)) {
    const ids = idsFollowing(plain.slice((match.index ?? 0) + match[0].length), extra);
    (match.groups?.before ? relations.dependsOn : relations.successors).push(...ids);
  }
  return relations;
}

/**
 * The IDs at the start of the text, separated by commas, "and" or spaces, up to the first word
 * that is not one: "PROJ-12, PROJ-14", "001, 003" (numbers the model completes to the IDs that
 * end in them), "all above" (the rows before this one).
 */
function idsFollowing(text: string, extra: readonly RegExp[]): string[] {
  if (LEXICON.startsWith('allAbove', text) > 0) return [ALL_ABOVE];
  const ids: string[] = [];
  let rest = text;
  for (;;) {
    rest = rest.replace(LIST_SEPARATOR(), '');
    // "Task 1", "Step 3": a word for items and its number is one ID.
    const worded = /^(\p{L}+)\s+(#?\d+(?:\.\d+)*)(?![\p{L}\p{N}])/u.exec(rest);
    if (worded && (LEXICON.is('itemWord', worded[1]) || LEXICON.is('stepWord', worded[1]))) {
      ids.push(`${worded[1]} ${worded[2]}`);
      rest = rest.slice(worded[0].length);
      continue;
    }
    const token = /^[^\s,;、，&]+/u.exec(rest)?.[0];
    if (!token) break;
    const id = cleanId(token).replace(/[.:]$/, '');
    if (!looksLikeId(id, extra) && !/^\d{1,6}$/.test(id)) break;
    ids.push(id);
    rest = rest.slice(token.length);
  }
  return ids;
}
