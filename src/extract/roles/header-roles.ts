import { unitOfWord, type StatedUnit } from '../values/estimates.js';
import { LEXICON, type Lexicon } from '../lexicon/lexicon.js';
import type { Concept } from '../lexicon/vocabulary.js';

/** What a table column or a `**Key**: value` line carries. */
export type Role =
  | 'id'
  | 'title'
  | 'estimate'
  | 'optimistic'
  | 'likely'
  | 'pessimistic'
  | 'dependsOn'
  | 'successors'
  /** Issue-tracker links written as relations: "is blocked by PAY-101", "blocks PAY-104". */
  | 'links'
  /** Free text that may state a dependency in so many words: "Depends on: PAY-101". */
  | 'notes'
  | 'sprint'
  | 'status'
  | 'priority'
  | 'owner'
  | 'group'
  | 'track'
  | 'release';

/** The roles a header can name, in the order they are tried: the three-point columns before the rest. */
const ROLES: readonly (Role & Concept)[] = [
  'optimistic',
  'likely',
  'pessimistic',
  'id',
  'dependsOn',
  'successors',
  'links',
  'notes',
  'estimate',
  'sprint',
  'status',
  'priority',
  'owner',
  'group',
  'track',
  'release',
  'title',
];

/** Markup, and a trailing note that only names a unit or a count: "Estimate (days)", "Stories (12)". */
function cleanHeader(header: string): string {
  return header
    .replace(/[*_`]/g, '')
    .replace(/\((?:\d+|[^)]*)\)\s*$/, (note) => (unitOfWord(note.slice(1, -1)) ? '' : /^\(\d+\)$/.test(note) ? '' : note))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every role a header could have, best first. */
export function rolesOf(header: string, lexicon: Lexicon = LEXICON): Role[] {
  const text = cleanHeader(header);
  const roles = ROLES.filter((role) => lexicon.is(role, text));
  if (roles.length > 0) return roles;
  // A longer header that names its role among other words.
  if (lexicon.contains('estimateHint', text) && !lexicon.contains('notEstimateHint', text)) return ['estimate'];
  if (lexicon.contains('dependsOnHint', text)) return ['dependsOn'];
  if (lexicon.contains('titleHint', text)) return ['title'];
  if (lexicon.contains('statusHint', text)) return ['status'];
  if (lexicon.contains('priorityHint', text)) return ['priority'];
  return [];
}

/**
 * The unit a header states: "Pts", "Estimate (days)", "Est(H)", "Schätzung (Story Points)", with
 * what each bare number in the column counts ("Estimate (weeks)": 5 days).
 */
export function unitOfHeader(header: string): StatedUnit | null {
  const text = header.replace(/[*_`]/g, '').trim();
  // German effort is counted in "PT" (Personentage), which elsewhere abbreviates points.
  if (LEXICON.contains('personDays', text) || (/(?<!\p{L})PT(?!\p{L})/u.test(text) && LEXICON.contains('ptEffort', text))) {
    return { unit: 'days', factor: 1 };
  }
  const inParens = /\(([^)]*)\)/.exec(text);
  const inParensUnit = inParens ? unitOfWord(inParens[1]) : null;
  if (inParensUnit) return inParensUnit;
  const words = text.split(/[\s/()]+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const unit = unitOfWord(words.slice(i).join(' ')) ?? unitOfWord(words[i]);
    if (unit) return unit;
  }
  return null;
}
