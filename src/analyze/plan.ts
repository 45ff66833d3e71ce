import { UsageError } from '../errors.js';
import { itemLabel } from '../model/item-label.js';
import { workItems } from '../model/totals.js';
import type { Backlog, Item, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY, dominantUnit, expectedIn, formatNumber, unitLabel } from '../model/units.js';
import { compileAdjacency } from './adjacency.js';
import { FirstFit } from './first-fit.js';
import { cyclesIn, formatCycle, type DependencyCycle } from './graph.js';
import { priorityRanker } from './priority.js';
import { nextSprintNumber } from './sprint-order.js';

export interface PlanOptions {
  /** Work per sprint, in the backlog unit. */
  capacity: number;
  /**
   * Let an item go into the same sprint as a prerequisite planned there (after it, in the
   * sprint's list), instead of the sprint after. Off by default: work that waits on other work
   * rarely starts and finishes in one sprint.
   */
  sameSprint?: boolean;
  hoursPerDay?: number;
}

export interface PlannedItem {
  id: string;
  title: string;
  /** Expected estimate in the plan's unit; 0 when it has none in that unit. */
  size: number;
  priority: string | null;
}

export interface PlannedSprint {
  /** "Sprint 9" after sprints 4–8; "Planned sprint 1" when existing sprints are not numbered. */
  name: string;
  items: PlannedItem[];
  load: number;
  /** One item bigger than the capacity, alone in its sprint. */
  over: boolean;
}

export interface PlanWarning {
  item: string;
  kind: 'oversized' | 'unsized' | 'blocked';
  message: string;
}

export interface PlanResult {
  unit: Unit | null;
  capacity: number;
  sameSprint: boolean;
  sprints: PlannedSprint[];
  warnings: PlanWarning[];
}

/** The dependency cycle each tangled item of the backlog is caught in, by ID. */
function cyclesByItem(backlog: Backlog): Map<string, DependencyCycle> {
  const cycles = new Map<string, DependencyCycle>();
  for (const cycle of cyclesIn(compileAdjacency(backlog.items), backlog.items)) {
    for (const id of cycle.component) cycles.set(id, cycle);
  }
  return cycles;
}

/** Within floating-point noise of the capacity still fits. */
function fits(load: number, capacity: number): boolean {
  return load - capacity <= 1e-9 * Math.max(1, capacity);
}

/**
 * Proposes sprints for the work nobody has scheduled yet (work items in no sprint and not done),
 * after the existing sprints. Greedy fill, one sprint at a time: items in priority order (then
 * document order) go in while they fit and their unscheduled prerequisites are in an earlier
 * planned sprint (or, with `sameSprint`, earlier in the same one); a smaller item may pass a
 * bigger one that no longer fits. An item bigger than the capacity opens a sprint of its own,
 * with a warning. Prerequisites already in a sprint or done count as met. Items caught in a
 * dependency cycle (one through scheduled items, or an item that depends on itself, included) are
 * never placed, nor is what waits on them; each gets a warning. O((items + dependencies) · log items).
 */
export function plan(backlog: Backlog, options: PlanOptions): PlanResult {
  const { capacity } = options;
  if (!(capacity > 0)) throw new UsageError(`--capacity expects a number above 0, got ${capacity}`);
  const hoursPerDay = options.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  const sameSprint = options.sameSprint ?? false;
  const scheduled = new Set(backlog.sprints.flatMap((sprint) => sprint.items));
  const work = workItems(backlog);
  const candidates = work.filter((item) => !item.done && !scheduled.has(item.id) && item.sprint === null);
  const unit = backlog.unit ?? dominantUnit(work);

  const position = new Map(candidates.map((item, index) => [item.id, index]));
  const cycleOf = cyclesByItem(backlog);
  const prerequisites = candidates.map((item) =>
    [...new Set(item.dependsOn)]
      .map((id) => position.get(id))
      .filter((index): index is number => index !== undefined && candidates[index].id !== item.id),
  );
  const measured = candidates.map((item) => (unit ? expectedIn(item.estimate, unit, hoursPerDay) : null));
  const sizes = measured.map((size) => size ?? 0);
  const rank = priorityRanker(candidates);
  const ranks = candidates.map(rank);
  // The priority list: slot → item, and item → slot.
  const list = candidates.map((_, index) => index).sort((a, b) => ranks[a] - ranks[b] || a - b);
  const slotOf = new Int32Array(candidates.length);
  list.forEach((index, slot) => {
    slotOf[index] = slot;
  });
  const dependents: number[][] = candidates.map(() => []);
  const unplacedPrerequisites = new Int32Array(candidates.length);
  prerequisites.forEach((before, index) => {
    for (const prerequisite of before) dependents[prerequisite].push(index);
    unplacedPrerequisites[index] = before.length;
  });

  const amount = (value: number) => `${formatNumber(value)} ${unitLabel(unit, value)}`;
  const warnings: PlanWarning[] = candidates
    .filter((_, index) => measured[index] === null)
    .map((item) => ({
      item: item.id,
      kind: 'unsized',
      message: `${itemLabel(item)} has no estimate${item.estimate ? ` in ${unit}` : ''}: planned without weight`,
    }));

  // The items ready to plan, by priority: each sprint takes the first, then the first that still fits.
  const ready = new FirstFit(list.map((index) => sizes[index]));
  const inCycle = candidates.map((item) => cycleOf.has(item.id));
  list.forEach((index, slot) => {
    if (unplacedPrerequisites[index] === 0 && !inCycle[index]) ready.add(slot);
  });
  const sprintOf = new Int32Array(candidates.length).fill(-1);
  const firstNumber = nextSprintNumber(backlog.sprints);
  const sprints: PlannedSprint[] = [];
  for (;;) {
    const current = sprints.length;
    const sprint: PlannedSprint = {
      name: firstNumber === null ? `Planned sprint ${current + 1}` : `Sprint ${firstNumber + current}`,
      items: [],
      load: 0,
      over: false,
    };
    // Without sameSprint, what this sprint frees waits for the next one.
    const freed: number[] = [];
    for (;;) {
      const slot = sprint.items.length === 0 ? ready.first() : ready.firstWhere((size) => fits(sprint.load + size, capacity));
      if (slot === -1) break;
      ready.remove(slot);
      const index = list[slot];
      const size = sizes[index];
      const item = candidates[index];
      sprintOf[index] = current;
      sprint.items.push({ id: item.id, title: item.title, size, priority: item.priority });
      sprint.load += size;
      for (const dependent of dependents[index]) {
        if (--unplacedPrerequisites[dependent] > 0 || inCycle[dependent]) continue;
        if (sameSprint) ready.add(slotOf[dependent]);
        else freed.push(slotOf[dependent]);
      }
      if (sprint.items.length === 1 && !fits(size, capacity)) {
        sprint.over = true;
        warnings.push({
          item: item.id,
          kind: 'oversized',
          message: `${itemLabel(item)} (${amount(size)}) is bigger than the capacity of ${amount(capacity)}: it gets ${sprint.name} to itself; consider splitting it`,
        });
        break;
      }
    }
    if (sprint.items.length === 0) break;
    sprints.push(sprint);
    for (const slot of freed) ready.add(slot);
  }
  for (const index of list) {
    if (sprintOf[index] !== -1) continue;
    const item: Item = candidates[index];
    const cycle = cycleOf.get(item.id);
    const why =
      cycle === undefined
        ? 'it waits on work caught in a dependency cycle'
        : cycle.members.length === 1 && cycle.component.length === 1
          ? 'it depends on itself'
          : `it is caught in a dependency cycle: ${formatCycle(cycle)}`;
    warnings.push({ item: item.id, kind: 'blocked', message: `${itemLabel(item)} was not planned: ${why}` });
  }
  return { unit, capacity, sameSprint, sprints, warnings };
}
