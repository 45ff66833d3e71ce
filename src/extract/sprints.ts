/**
 * Sprint names: "S4", "Sprint 4", "Sprint #4", "Sprint 4: Config, Skills…", "## Sprint 4
 * (Weeks 7-8)", "Sprint 1-2 (Fundação)", "Sprint 1.1 Backlog". All name the sprint whose key is
 * the number; the display name is the richest form the documents give.
 */

const SPRINT_WORD = String.raw`(?:sprint|iteration|iteração|itération|iteración|спринт|冲刺|스프린트)`;
const SPRINT_NUMBER = String.raw`(\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?)`;

const SPRINT_HEAD = new RegExp(String.raw`^${SPRINT_WORD}\s*(?:#|no\.?|nr\.?)?\s*${SPRINT_NUMBER}(?![\d.])\s*(.*)$`, 'iu');
const SHORT_SPRINT = /^S(\d+(?:\.\d+)?)$/i;

export interface SprintName {
  key: string;
  name: string;
  /** What follows the number: "(Weeks 1-2): Foundations & Audit", ": Config…", "Backlog…". */
  rest: string;
}

function keyOf(number: string): string {
  return number.replace(/\s+/g, '').replace('–', '-').replace(/^0+(?=\d)/, '');
}

/**
 * The sprint a heading, line or cell names, or null. `strict` (for cells) accepts only the
 * name itself ("S4", "Sprint 4"); otherwise trailing text is the sprint's title.
 */
export function readSprintName(text: string, strict = false): SprintName | null {
  const value = text.replace(/[*_`]/g, '').replace(/^[^\p{L}\p{N}#]+/u, '').replace(/\s+/g, ' ').trim();
  const short = SHORT_SPRINT.exec(value);
  if (short) return { key: keyOf(short[1]), name: `Sprint ${keyOf(short[1])}`, rest: '' };
  if (/^\d{1,3}$/.test(value) && strict) return { key: keyOf(value), name: `Sprint ${keyOf(value)}`, rest: '' };
  const match = SPRINT_HEAD.exec(value);
  if (!match) return null;
  const rest = match[2].trim();
  if (strict && rest && !/^\(.*\)$/.test(rest)) return null;
  // "Sprint 4 Exit Criteria" and similar are about a sprint, not the sprint itself.
  if (/^(?:exit|entry|acceptance|success|review|retro\w*|goals?|ziel|planning|summary|results?|burndown|velocity)\b/i.test(rest)) return null;
  const key = keyOf(match[1]);
  const title = rest
    .replace(/^(?:backlog|plan|commitment)\b\s*[-–:]?\s*/i, '')
    .replace(/\((?:current|aktuell|en cours|atual|actual)\)/i, '')
    .trim();
  const name = `Sprint ${key}${title ? (/^[(:–-]/.test(title) ? (title.startsWith('(') ? ' ' : '') + title : `: ${title}`) : ''}`;
  return { key, name: name.replace(/\s+/g, ' ').trim(), rest };
}
