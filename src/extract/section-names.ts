import { isDoneStatus } from '../model/status.js';

/**
 * Headings that name what the entries below them are, rather than an item: the acceptance
 * criteria of a story, a board column ("Done", "In progress"), or work left out of a sprint.
 */

/** A story's acceptance criteria or Definition of Done: checks on the work, not work items. */
const CRITERIA =
  /^(?:acceptance\s+criteria|acceptance\s+tests?|definition\s+of\s+done|dod|akzeptanzkriterien|abnahmekriterien|crit[èe]res\s+d['’]acceptation|criterios\s+de\s+aceptaci[óo]n|crit[ée]rios\s+de\s+aceita[çc][ãa]o|критерии\s+приемки|критерии\s+приёмки|验收标准|受け入れ基準)\b/iu;

/** A heading that opens a story's criteria: "Acceptance criteria", "Definition of Done (team)". */
export function isCriteriaHeading(text: string): boolean {
  return CRITERIA.test(plain(text));
}

/** A line that is only the name ("**Acceptance criteria:**"): it labels the list below it. */
export function isCriteriaLabel(text: string): boolean {
  const name = plain(text);
  const match = CRITERIA.exec(name);
  return match !== null && match[0].length === name.length;
}

function plain(text: string): string {
  return text.replace(/[*_`:：]/g, '').trim();
}

/** Board columns that are not done: a whole heading of one of these names is the status of what it lists. */
const OPEN_STATUS =
  /^(?:to\s?-?do|open|doing|in\s+progress|wip|in\s+review|blocked|on\s+hold|zu\s+erledigen|in\s+arbeit|offen|à\s+faire|en\s+cours|por\s+hacer|en\s+progreso|en\s+curso|pendiente|a\s+fazer|em\s+andamento|сделать|в\s+работе|待办|进行中|未着手|進行中)$/iu;

/** The status a heading names when it is a board column, or null. */
export function statusOfHeading(text: string): string | null {
  const name = plain(text);
  if (!name || name.length > 24) return null;
  // One word ("Done", "Erledigt", "完了"): "Done criteria" or a lone "X" names no column.
  const doneColumn = !/^x$/i.test(name) && !/\s/.test(name) && isDoneStatus(name);
  return OPEN_STATUS.test(name) || doneColumn ? name : null;
}

/** "Out of sprint", "Fuera del sprint": what a section lists is not committed to the sprint above it. */
const OUTSIDE_SPRINT =
  /^(?:out\s+of(?:\s+the)?\s+sprint|outside(?:\s+the)?\s+sprint|not\s+in(?:\s+the)?\s+sprint|fuera\s+del\s+sprint|hors\s+(?:du\s+)?sprint|außerhalb\s+des\s+sprints?|nicht\s+im\s+sprint|fora\s+do\s+sprint)\b/iu;

export function isOutsideSprintHeading(text: string): boolean {
  return OUTSIDE_SPRINT.test(plain(text));
}
