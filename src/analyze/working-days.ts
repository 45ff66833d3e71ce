import { UsageError } from '../errors.js';

/** Two weeks of five working days: the most common sprint, used when none is given. */
export const DEFAULT_SPRINT_DAYS = 10;

const LENGTH = /^\s*(\d+)\s*([wd])\s*$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * A sprint length in working days: `2w` is two weeks of five working days, `10d` ten working
 * days. A bare number is refused rather than guessed at (calendar or working days?).
 */
export function parseSprintLength(text: string, flag = '--sprint-length'): number {
  const match = LENGTH.exec(text);
  const count = match ? Number(match[1]) : 0;
  if (!match || count === 0) throw new UsageError(`${flag} expects weeks or working days, like 2w or 10d, got "${text}"`);
  return match[2].toLowerCase() === 'w' ? count * 5 : count;
}

/** A calendar date `YYYY-MM-DD` as days since 1970-01-01 (UTC: dates here have no time zone). */
export function parseIsoDate(text: string, flag = '--start'): number {
  const match = ISO_DATE.exec(text.trim());
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over into March: a date that exists formats back to itself.
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text.trim()) {
    throw new UsageError(`${flag} expects a date like 2026-03-02, got "${text}"`);
  }
  return time / DAY_MS;
}

export function formatIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The first working day on or after `day`. */
function firstWorkingDay(day: number): number {
  let current = day;
  while (isWeekend(current)) current++;
  return current;
}

/**
 * The last working day of sprint `sprints`, when sprint 1 starts on `start` (moved to Monday when
 * it falls on a weekend) and every sprint lasts `sprintDays` working days. Weekends are skipped;
 * holidays are not known. Zero sprints end the working day before the start.
 */
export function sprintEndDate(start: number, sprints: number, sprintDays: number): string {
  let day = firstWorkingDay(start);
  const workingDays = sprints * sprintDays;
  if (workingDays === 0) {
    do day--;
    while (isWeekend(day));
    return formatIsoDate(day);
  }
  // Whole weeks first, so that a long forecast does not walk day by day.
  const weeks = Math.floor((workingDays - 1) / 5);
  day += weeks * 7;
  for (let left = workingDays - 1 - weeks * 5; left > 0; left--) {
    do day++;
    while (isWeekend(day));
  }
  return formatIsoDate(day);
}

/** "16 weeks" when the days make whole weeks, else "17 working days". */
export function describeWorkingDays(days: number): string {
  if (days > 0 && days % 5 === 0) return `${days / 5} week${days === 5 ? '' : 's'}`;
  return `${days} working day${days === 1 ? '' : 's'}`;
}
