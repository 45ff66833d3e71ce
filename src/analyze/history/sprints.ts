import { describeWorkingDays, formatIsoDate } from '../working-days.js';
import { HistoryError } from './errors.js';
import type { HistoryTimeline } from './replay.js';

const DAY_SECONDS = 86_400;

/** A sprint-length window of the history: [start, end), the newest one closed at the last commit. */
export interface HistorySprint {
  /** Seconds since 1970. */
  start: number;
  end: number;
  /** The work of the items that first read as done in it: the sprint's velocity. */
  done: number;
}

/** The plan as it stood at a sprint boundary: the last commit before it (at the last boundary, the last commit). */
export interface HistoryBoundary {
  time: number;
  scope: number;
  done: number;
}

export interface HistorySprints {
  /** A sprint's length in seconds: its working days as weeks of five (2w and 10d are 14 calendar days). */
  sprintSeconds: number;
  /** The whole sprints the history covers, oldest first, ending at the last commit. */
  sprints: HistorySprint[];
  /** `sprints.length + 1` boundaries: the start of the oldest sprint, … , the last commit. */
  boundaries: HistoryBoundary[];
  /** Work the first commit already records as done: where the history starts, not a sprint's velocity. */
  doneBefore: number;
  /** Work first done after the first commit but before the oldest whole sprint: shown, not a velocity. */
  doneOutside: number;
  commits: number;
  /** The first and last commit's times. */
  first: number;
  last: number;
}

/** Calendar seconds of a sprint of `sprintDays` working days, at five working days a week. */
export function sprintSeconds(sprintDays: number): number {
  return (sprintDays * 7 * DAY_SECONDS) / 5;
}

export function isoDateOf(time: number): string {
  return formatIsoDate(Math.floor(time / DAY_SECONDS));
}

/**
 * The history cut into sprint-length windows ending at the last commit: as many whole sprints as
 * fit after the first commit (a partial one before them would understate its velocity), each with
 * the work first done in it, and the plan's scope and done work at each boundary. Throws a
 * HistoryError when the history is shorter than one sprint, or no work turned done in it.
 */
export function historySprints(timeline: HistoryTimeline, sprintDays: number): HistorySprints {
  const { points, events } = timeline;
  const length = sprintSeconds(sprintDays);
  const files = timeline.files.length === 1 ? timeline.files[0] : "the plan's files";
  if (points.length === 0) throw new HistoryError(`${files}: no commits in the git history`);
  const first = points[0].time;
  const last = points[points.length - 1].time;
  const count = Math.floor((last - first) / length);
  if (count < 1) {
    const days = Math.round((last - first) / DAY_SECONDS);
    throw new HistoryError(
      `the git history of ${files} spans ${days} day${days === 1 ? '' : 's'}, less than one sprint (${describeWorkingDays(sprintDays)}): no sprint to measure a velocity in`,
    );
  }
  const sprints: HistorySprint[] = Array.from({ length: count }, (_, index) => ({
    start: last - (count - index) * length,
    end: last - (count - index - 1) * length,
    done: 0,
  }));
  let doneBefore = 0;
  let doneOutside = 0;
  for (const event of events) {
    if (event.commit === 0) {
      doneBefore += event.work;
      continue;
    }
    // Sprints back from the last commit: [last − k·length, last − (k−1)·length), the newest closed.
    const back = Math.max(1, Math.ceil((last - event.time) / length));
    if (back > count) doneOutside += event.work;
    else sprints[count - back].done += event.work;
  }
  if (sprints.every((sprint) => sprint.done === 0)) {
    throw new HistoryError(
      `no work turned done in the ${count} sprint${count === 1 ? '' : 's'} of git history of ${files}: no velocity to draw from`,
    );
  }
  const stateBefore = (time: number, inclusive: boolean): HistoryBoundary => {
    let found: HistoryBoundary = { time, scope: 0, done: 0 };
    for (const point of points) {
      if (point.time < time || (inclusive && point.time === time)) found = { time, scope: point.scope, done: point.done };
    }
    return found;
  };
  const boundaries = [...sprints.map((sprint) => stateBefore(sprint.start, false)), stateBefore(last, true)];
  return { sprintSeconds: length, sprints, boundaries, doneBefore, doneOutside, commits: points.length, first, last };
}
