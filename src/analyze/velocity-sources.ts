import { LEXICON } from '../extract/lexicon/lexicon.js';
import { groupBy } from '../model/group-by.js';
import { countsInTotals, indexById } from '../model/totals.js';
import { statusMeaning } from '../model/status.js';
import type { Backlog, Item, Sprint, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY } from '../model/units.js';
import { orderSprints } from './sprint-order.js';
import { workOf } from './work-sum.js';

/** A sprint the document records as finished, and the work it got done. */
export interface CompletedSprint {
  name: string;
  key: string;
  /** The expected estimates of its done work items, in the forecast's unit (cancelled work is not work done). */
  done: number;
  /** Its work items, all of them done unless `marked`. */
  items: string[];
  /** The sprint's name says it is finished ("Sprint 3 ✅", "Sprint 2 (completed)"), whatever its items say. */
  marked: boolean;
}

const DONE_MARK = /[✅✔☑]/u;

/**
 * Whether a sprint's name marks it finished: a check mark, or a note that reads as done, in
 * brackets or after a dash or colon ("(Completed 2026-02-13)", "— done", ": Abgeschlossen").
 * A title that only starts with such a word ("Sprint 4: Done criteria") is a title, not a state.
 */
export function sprintMarkedDone(name: string): boolean {
  if (DONE_MARK.test(name)) return true;
  for (const [, note] of name.matchAll(/[([（]([^)\]）]+)[)\]）]/gu)) if (statusMeaning(note) === 'done') return true;
  const tail = /(?:\s[-–—]\s|:\s*)([^:–—()[\]]+)$/u.exec(name)?.[1]?.trim();
  return tail !== undefined && LEXICON.is('done', tail);
}

/** Cancelled work leaves no work behind, but it is no work done either: throughput leaves it out. */
export function isCancelled(item: Item): boolean {
  return item.status !== null && statusMeaning(item.status) === 'cancelled';
}

/** Each sprint's members, by sprint name: the items it lists and the items that name it, in one pass over the items. */
function membersBySprint(backlog: Backlog): (sprint: Sprint) => Set<string> {
  const naming = groupBy(backlog.items, (item) => item.sprint);
  return (sprint) => new Set([...sprint.items, ...(naming.get(sprint.name) ?? []).map((item) => item.id)]);
}

/** The text of a line of one of the plan's files, when the caller has the files. */
export type SourceLine = (file: string, line: number) => string | undefined;

const HEADING = /^\s{0,3}#{1,6}\s/;

/**
 * Whether the document marks a sprint finished: its name, or the heading it is defined by (the
 * model keeps a sprint's name without the marks: "## Sprint 2 ✅" is "Sprint 2").
 */
function markedDone(sprint: Sprint, sourceLine: SourceLine | undefined): boolean {
  if (sprintMarkedDone(sprint.name)) return true;
  const text = sourceLine?.(sprint.source.file, sprint.source.line);
  return (
    text !== undefined &&
    HEADING.test(text) &&
    sprintMarkedDone(
      text
        .replace(HEADING, '')
        .replace(/\s#+\s*$/, '')
        .trim(),
    )
  );
}

/**
 * The sprints the document records as finished, in the order they ran, with their done work:
 * a sprint whose work items are all done (at least one of them), or that the document marks
 * finished (then its done items count, and the rest were carried over). Cancelled work counts in
 * neither. Each item counts in the first such sprint it belongs to. Sprints that got no
 * estimated work done are left out: they say nothing about a velocity in this unit.
 */
export function completedSprints(
  backlog: Backlog,
  unit: Unit | null,
  hoursPerDay = DEFAULT_HOURS_PER_DAY,
  sourceLine?: SourceLine,
): CompletedSprint[] {
  if (!unit) return [];
  const byId = indexById(backlog.items);
  const members = membersBySprint(backlog);
  const counted = new Set<string>();
  const completed: CompletedSprint[] = [];
  for (const sprint of orderSprints(backlog.sprints)) {
    const work = [...members(sprint)]
      .map((id) => byId.get(id))
      .filter((item): item is Item => item !== undefined && countsInTotals(item, byId));
    if (work.length === 0) continue;
    const marked = markedDone(sprint, sourceLine);
    if (!marked && !work.every((item) => item.done)) continue;
    const finished = work.filter((item) => item.done && !isCancelled(item) && !counted.has(item.id));
    const done = finished.reduce((sum, item) => sum + workOf(item, unit, hoursPerDay), 0);
    for (const item of finished) counted.add(item.id);
    if (done > 0) completed.push({ name: sprint.name, key: sprint.key, done, items: finished.map((item) => item.id), marked });
  }
  return completed;
}
