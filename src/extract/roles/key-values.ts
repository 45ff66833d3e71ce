import { LEXICON } from '../lexicon/lexicon.js';
import { rolesOf, type Role } from './header-roles.js';

/**
 * `**Key**: value` lines, several per line when separated by pipes or bullets
 * ("**Priority**: Must Have | **Points**: 5 | **Type**: Infrastructure").
 */
export interface KeyValue {
  key: string;
  value: string;
}

const PAIR = /^\s*([^:：|]{1,48}?)\s*[:：]\s*(.*)$/u;
/** "Estimate = 3d", "Estimate - 3d", "Status – Done": a key set off by an equals sign or a spaced dash. */
const LOOSE_PAIR = /^\s*([^:：|=–—]{1,32}?)\s*(?:=|\s[-–—]\s)\s*(\S.*)$/u;
/** The keys a loose pair may have: prose with dashes ("Search – the first cut") must stay prose. */
const LOOSE_KEY_ROLES: readonly Role[] = ['estimate', 'dependsOn', 'status', 'priority'];
const MAX_LOOSE_KEY_WORDS = 3;
const MAX_LOOSE_VALUE_WORDS = 8;
/** "3d", "~5 SP", "[2-4h]", "M": what an estimate after a dash starts with ("Points – see below" is prose). */
const FIGURE_OR_SIZE = /^(?:[~≈<>[(]?\s*\d|(?:XXS|XS|S|M|L|XL|XXL)(?![\p{L}\p{N}]))/iu;

/** The roles of a key that names a field of an item ("Estimate", "Depends on"), best first. */
export function metadataRoles(key: string): Role[] {
  // Status words are headers of a status column, not keys: "| Done | 3 |", "Done – 3 items".
  return LEXICON.is('statusColumnWord', key) ? [] : rolesOf(key).filter((role) => role !== 'id' && role !== 'title');
}

/** A loose pair whose key is a known metadata key and whose value is short, as metadata is. */
function loosePair(segment: string): RegExpExecArray | null {
  const match = LOOSE_PAIR.exec(segment);
  if (!match) return null;
  const key = match[1].replace(/[*_`]/g, '').trim();
  if (key.split(/\s+/).length > MAX_LOOSE_KEY_WORDS) return null;
  const roles = metadataRoles(key).filter((role) => LOOSE_KEY_ROLES.includes(role));
  const value = match[2].replace(/[*_`]/g, '').trim();
  if (roles.length === 0 || value.split(/\s+/).length > MAX_LOOSE_VALUE_WORDS) return null;
  return roles[0] !== 'estimate' || FIGURE_OR_SIZE.test(value) ? match : null;
}

export function readKeyValues(text: string): KeyValue[] {
  const pairs: KeyValue[] = [];
  for (const segment of text.split(/\s+[|·•]\s+/)) {
    // A known key before "=" or a dash comes first: "Estimate = 3d (see: notes)" is the estimate.
    const match = loosePair(segment) ?? PAIR.exec(segment);
    if (!match && pairs.length > 0) {
      // "Total Remaining: 35 stories | 200 story points": a segment without a key continues the value.
      pairs[pairs.length - 1].value += ` | ${segment.replace(/[*_`]/g, '').trim()}`;
      continue;
    }
    if (!match) return [];
    const key = match[1].replace(/[*_`]/g, '').trim();
    // A key is a short label, not a sentence that happens to contain a colon.
    if (!key || key.split(/\s+/).length > 5 || /[.!?]$/.test(key) || /^https?$/i.test(key)) return pairs;
    pairs.push({ key, value: match[2].replace(/[*_`]/g, '').trim() });
  }
  return pairs;
}

/** "Commitment:", "Goal:", "Tickets:" — a label that introduces what follows. */
export function labelOf(text: string): string | null {
  const match = /^\s*([^:]{1,40}?)\s*:\s*$/.exec(text.replace(/[*_`]/g, ''));
  return match ? match[1].trim() : null;
}
