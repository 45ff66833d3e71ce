import { LEXICON, perLexicon } from '../lexicon/lexicon.js';

/**
 * Sprint names: "S4", "Sprint 4", "Sprint #4", "Sprint 4: Config, Skills…", "## Sprint 4
 * (Weeks 7-8)", "Sprint 1-2 (Fundação)", "Sprint 1.1 Backlog", "Sprint Backlog – Sprint 5",
 * "Backlog du sprint 4". All name the sprint whose key is the number; the display name is the
 * richest form the documents give.
 */

/** The number, and what may make it a range: " – 2" in "Sprint 1 – 2". */
/** "9+": sprint 9 and those after it, one time box of its own. */
const SPRINT_NUMBER = String.raw`(\d+(?:\.\d+)?\+?)(\s*[-–]\s*(\d+(?:\.\d+)?))?`;

const SPRINT_HEAD = perLexicon(
  (lexicon) => new RegExp(String.raw`^(?:${lexicon.source('sprintWord')})\s*(?:#|no\.?|nr\.?)?\s*${SPRINT_NUMBER}(?![\d.])(.*)$`, 'iu'),
);
const SHORT_SPRINT = /^S(\d+(?:\.\d+)?)$/i;
/** "Sprint Backlog – ", "Sprint-Backlog ", "Backlog du ", "Backlog for ": a title that leads to the sprint it is the backlog of. */
const BACKLOG_LEAD = perLexicon(
  (lexicon) =>
    new RegExp(
      String.raw`^(?:${lexicon.source('backlogWord')})\s*(?:[-–—:]|${lexicon.source('backlogOf')})?\s+(?=(?:${lexicon.source('sprintWord')})\s*(?:#\s*)?\d)`,
      'iu',
    ),
);

/** What a sprint's state, not its name: "(current)", "(carry-over)". */
const STATE_NOTE = perLexicon((lexicon) => new RegExp(String.raw`\((?:${lexicon.source('sprintState')})\)`, 'iu'));

/** "3 Mar → 14 Mar", "13 – 24 de mayo", "2024-03-04 to 2024-03-15": when a sprint runs, not what it is called. */
const DATES = perLexicon((lexicon) => {
  const part = String.raw`(?:\d{1,4}(?:[./-]\d{1,4}){0,2}\.?|(?:${lexicon.source('month')})\.?)`;
  return new RegExp(String.raw`^(?=.*\d)${part}(?:\s*(?:[-–—→~,]|${lexicon.source('dateJoin')})?\s*${part})*$`, 'iu');
});
/** After a sprint's number, the list of its work: "Backlog", "Plan", "バックログ". */
const LIST_WORD = perLexicon(
  (lexicon) => new RegExp(String.raw`^(?:${lexicon.source('sprintListWord')})(?![\p{L}\p{N}])\s*[-–—:]?\s*`, 'iu'),
);

export interface SprintName {
  key: string;
  name: string;
  /** What follows the number: "(Weeks 1-2): Foundations & Audit", ": Config…", "Backlog…". */
  rest: string;
}

function keyOf(number: string): string {
  return number
    .replace(/\s+/g, '')
    .replace('–', '-')
    .replace(/^0+(?=\d)/, '');
}

/**
 * The sprint a heading, line or cell names, or null. `strict` (for cells) accepts only the
 * name itself ("S4", "Sprint 4"); otherwise trailing text is the sprint's title.
 */
export function readSprintName(text: string, strict = false): SprintName | null {
  const plain = text
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}#]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  const value = strict ? plain : plain.replace(BACKLOG_LEAD(), '');
  const short = SHORT_SPRINT.exec(value);
  if (short) return { key: keyOf(short[1]), name: `Sprint ${keyOf(short[1])}`, rest: '' };
  if (/^\d{1,3}$/.test(value) && strict) return { key: keyOf(value), name: `Sprint ${keyOf(value)}`, rest: '' };
  // "Pre-Sprint (Now → Mar 30)": the time box before Sprint 1, which is Sprint 0.
  const before = LEXICON.startsWith('preSprint', value);
  if (before > 0 && (!strict || before === value.length)) {
    const rest = value.slice(before).trim();
    return { key: '0', name: `${value.slice(0, before)}${titleOf(rest)}`.replace(/\s+/g, ' ').trim(), rest };
  }
  const match = SPRINT_HEAD().exec(value);
  if (!match) return null;
  const [, first, dashed, second, after] = match;
  // "Sprint 2 – 13 au 24 mai": the dash leads to the dates the sprint runs, not to a last sprint.
  const datesFollow = second !== undefined && after.trim() !== '' && DATES().test(`${second}${after}`.trim());
  const number = second === undefined || datesFollow ? first : `${first}-${second}`;
  const rest = (datesFollow ? `${dashed}${after}` : after).trim();
  if (strict && rest && !/^\(.*\)$/.test(rest)) return null;
  // "Sprint 4 Exit Criteria" and similar are about a sprint, not the sprint itself.
  if (LEXICON.startsWith('aboutSprint', rest) > 0) return null;
  const key = keyOf(number);
  // The document's own word names the sprint: "Спринт 2", "Iteration 3".
  const word = /^\p{L}+/u.exec(value)![0];
  return { key, name: `${word[0].toUpperCase()}${word.slice(1)} ${key}${titleOf(rest)}`.replace(/\s+/g, ' ').trim(), rest };
}

/** How the text after the number shows in the name: " (Weeks 7-8)", ": Config, Skills", or nothing. */
function titleOf(rest: string): string {
  const title = rest.replace(LIST_WORD(), '').replace(STATE_NOTE(), '').trim();
  if (title.startsWith('(')) return ` ${title}`;
  const named = title.replace(/^[:：\-–—]\s*/u, '');
  if (!named || DATES().test(named)) return '';
  return `: ${named}`;
}

/**
 * "Week 1 (Nov 11-15) - Foundation", "Priority 0: Week 1 - Foundation", "Woche 3", "第2周",
 * "This week": a week of a weekly plan, which is its time box as a sprint is. Keys are apart from
 * sprint numbers ("week-1"), so a plan's Sprint 1 and Week 1 never merge.
 */
export function readWeekName(text: string): SprintName | null {
  const plain = text
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}#]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  const numbered = WEEK_HEAD().exec(plain);
  if (numbered) {
    const rest = numbered[3].trim();
    return { key: `week-${keyOf(numbered[2])}`, name: `${numbered[1].trim()} ${keyOf(numbered[2])}${titleOf(rest)}`, rest };
  }
  const counted = COUNTED_WEEK.exec(plain);
  if (counted) {
    const number = keyOf(counted[1] ?? counted[2]);
    return { key: `week-${number}`, name: `Week ${number}${titleOf(counted[3].trim())}`, rest: counted[3].trim() };
  }
  const relative = RELATIVE_WEEK().exec(plain);
  if (!relative) return null;
  return { key: `week-${relative[0].toLowerCase().replace(/\s+/g, '-')}`, name: plain, rest: '' };
}

/** A week word and its number, after at most a short label ("Priority 0: Week 1"). */
const WEEK_HEAD = perLexicon(
  (lexicon) => new RegExp(String.raw`^(?:[^:：]{1,30}[:：]\s*)?(${lexicon.source('weekWord')})\s*#?\s*(\d+)(?![\d.\-–])(.*)$`, 'iu'),
);
/** "第2周", "第1週", "2주차", "1週目": the number inside the week word. */
const COUNTED_WEEK = /^(?:[^:：]{1,30}[:：]\s*)?(?:第\s*(\d+)\s*[周週]|(\d+)\s*(?:주차|週目))(.*)$/u;
const RELATIVE_WEEK = perLexicon((lexicon) => new RegExp(String.raw`(?<![\p{L}])(?:${lexicon.source('relativeWeek')})(?![\p{L}])`, 'iu'));
