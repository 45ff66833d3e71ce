import { LEXICON } from '../lexicon/lexicon.js';
import { isDoneStatus } from '../../model/status.js';

/**
 * Headings that name what the entries below them are, rather than an item: the acceptance
 * criteria of a story, a board column ("Done", "In progress"), or work left out of a sprint.
 */

/** A heading that opens a story's criteria: "Acceptance criteria", "Definition of Done (team)". */
export function isCriteriaHeading(text: string): boolean {
  return LEXICON.startsWith('criteria', plain(text)) > 0;
}

/** A line that is only the name ("**Acceptance criteria:**"): it labels the list below it. */
export function isCriteriaLabel(text: string): boolean {
  return LEXICON.is('criteria', plain(text));
}

function plain(text: string): string {
  return text.replace(/[*_`:：]/g, '').trim();
}

/** The status a heading names when it is a board column, or null. */
export function statusOfHeading(text: string): string | null {
  const name = plain(text);
  if (!name || name.length > 24) return null;
  // One word ("Done", "Erledigt", "完了"): "Done criteria" or a lone "X" names no column.
  const doneColumn = !/^x$/i.test(name) && !/\s/.test(name) && isDoneStatus(name);
  return LEXICON.is('openStatus', name) || doneColumn ? name : null;
}

/** "Out of sprint", "Fuera del sprint": what a section lists is not committed to the sprint above it. */
export function isOutsideSprintHeading(text: string): boolean {
  return LEXICON.startsWith('outsideSprint', plain(text)) > 0;
}
