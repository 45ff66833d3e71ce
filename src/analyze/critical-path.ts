import { UsageError } from '../errors.js';
import { readSprintName } from '../extract/values/sprints.js';
import { workItems } from '../model/totals.js';
import type { Backlog, Item, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY, dominantUnit, expectedIn, spreadIn } from '../model/units.js';
import { adjacencyOf, type WrittenPrerequisites } from './adjacency.js';
import { compileNetwork, type Network } from './network.js';
import { criticalStdDev, probabilityWithin } from './pert.js';
import { computeSchedule, freeFloat, isCritical, isTight, totalFloat, type Schedule } from './schedule.js';
import type { ThreePoint } from './beta-pert.js';
import { simulateSchedule, type SimulationResult } from './simulation.js';

export const DEFAULT_MAX_PATHS = 100;

export interface CriticalPathOptions {
  /**
   * Count done items at their estimate and keep their dependencies. By default they weigh
   * nothing and stand apart: their work is behind us, so nothing waits for them.
   */
  all?: boolean;
  /** Only the items of this sprint (by name or key). */
  sprint?: string;
  /** Only the items of this group (by name or ID). */
  group?: string;
  hoursPerDay?: number;
  /** A length to finish within: the answer gets the probability of doing so. */
  deadline?: number;
  /** Run a seeded Monte Carlo simulation over the estimates' ranges. */
  simulate?: { trials: number; seed: number };
  /** Critical paths listed at most; beyond it `pathsTruncated` is set. */
  maxPaths?: number;
}

export interface ScheduledItem {
  id: string;
  title: string;
  /** The weight in the result's unit: the expected estimate, or 0 (done, unestimated, other unit). */
  duration: number;
  earlyStart: number;
  earlyFinish: number;
  lateStart: number;
  lateFinish: number;
  totalFloat: number;
  freeFloat: number;
  /** Zero total float, when there is any work at all (a schedule of length 0 has no critical path). */
  critical: boolean;
  done: boolean;
  /** Its prerequisites within the network (tasks folded into their stories, other parts left out). */
  dependsOn: string[];
  /** Set when the document gives the item no ID (its `id` is the file and line): reports name it by title. */
  anonymous?: true;
}

export interface CriticalPathResult {
  /** The unit of `length` and the schedule's times; null when they count items. */
  unit: Unit | null;
  length: number;
  /**
   * `unit`: lengths and times are in `unit`, each item weighted by its expected estimate.
   * `items`: nothing in the part is estimated, so each item counts 1 and `length` is the number of
   * items on the longest chain.
   */
  lengthIn: 'unit' | 'items';
  /** Every critical path (up to the limit), prerequisite first, in document order of their items. */
  paths: string[][];
  /** How many critical paths there are (a float once beyond 2^53). */
  pathCount: number;
  pathsTruncated: boolean;
  /** In document order. */
  items: ScheduledItem[];
  /** Items without an estimate: they weigh nothing, so the length may be short (empty when counting items). */
  unestimated: string[];
  /** Items whose estimate cannot be converted to `unit` (points among days, or the reverse). */
  otherUnit: string[];
  /** Prerequisites outside the sprint or group asked for: left out, so the part starts free of them. */
  outside: string[];
  /** The work of every item scheduled, one after the other: what the length is beside, when items run in parallel. */
  work: number;
  /** Links between the items scheduled. With none, every item starts at once: the length assumes unlimited parallel work. */
  dependencyCount: number;
  /** Classic PERT along the critical path, when some estimate is a range or three-point. */
  stdDev?: number;
  deadline?: number;
  /** Chance of finishing within the deadline: normal approximation with `stdDev`. */
  probability?: number;
  simulation?: SimulationResult;
}

/**
 * The critical path method over the backlog's dependencies, each work item weighted by its
 * expected estimate in the backlog's unit; when none of the items is estimated, each counts 1
 * (done ones nothing, unless `all`), and the length is the number of items on the chain. Linear in items and dependencies (the simulation:
 * per trial). Throws CycleError when the dependencies have a cycle, UsageError for a sprint or
 * group that does not exist.
 */
export function criticalPath(backlog: Backlog, options: CriticalPathOptions = {}): CriticalPathResult {
  const { items, prerequisites, outside } = selectItems(backlog, options);
  const counting = !items.some((item) => item.estimate !== null);
  const unit = counting ? null : (backlog.unit ?? dominantUnit(items));
  const weights = counting ? countEach(items, options) : weigh(items, unit, options);
  const network = compileNetwork(items, adjacencyOf(prerequisites));
  const schedule = computeSchedule(network, weights.durations);
  const { paths, count } = criticalPaths(network, schedule, options.maxPaths ?? DEFAULT_MAX_PATHS);

  const result: CriticalPathResult = {
    unit,
    length: schedule.length,
    lengthIn: counting ? 'items' : 'unit',
    paths: paths.map((path) => path.map((node) => items[node].id)),
    pathCount: count,
    pathsTruncated: count > paths.length,
    items: items.map((item, node) => {
      const scheduled: ScheduledItem = {
        id: item.id,
        title: item.title,
        duration: weights.durations[node],
        earlyStart: schedule.earlyStart[node],
        earlyFinish: schedule.earlyFinish[node],
        lateStart: schedule.lateStart[node],
        lateFinish: schedule.lateFinish[node],
        totalFloat: totalFloat(schedule, node),
        freeFloat: freeFloat(network, schedule, node),
        critical: isCritical(schedule, node),
        done: item.done,
        dependsOn: prerequisitesOf(network, node),
      };
      if (item.anonymous) scheduled.anonymous = true;
      return scheduled;
    }),
    unestimated: weights.unestimated,
    otherUnit: weights.otherUnit,
    outside,
    work: weights.durations.reduce((sum, duration) => sum + duration, 0),
    dependencyCount: network.predecessors.length,
  };

  const stdDev = weights.ranged ? criticalStdDev(network, schedule, weights.variances) : undefined;
  if (stdDev !== undefined) result.stdDev = stdDev;
  if (options.deadline !== undefined) {
    result.deadline = options.deadline;
    result.probability = probabilityWithin(options.deadline, schedule.length, stdDev ?? 0);
  }
  if (options.simulate) {
    result.simulation = simulateSchedule(network, weights.durations, weights.threePoints, {
      ...options.simulate,
      deadline: options.deadline,
    });
  }
  return result;
}

function prerequisitesOf(network: Network, node: number): string[] {
  const ids: string[] = [];
  for (let edge = network.predecessorStart[node]; edge < network.predecessorStart[node + 1]; edge++) {
    ids.push(network.items[network.predecessors[edge]].id);
  }
  return ids;
}

/**
 * The work items of the part asked for, with their prerequisites resolved to positions among
 * them. A task inside an estimated story is not an item of its own here (its story carries the
 * work), so its dependencies, either way, become the story's. Dependencies on items outside the
 * part are left out and named in `outside`. Each reference is looked up once, by index.
 */
function selectItems(
  backlog: Backlog,
  options: CriticalPathOptions,
): { items: Item[]; prerequisites: WrittenPrerequisites; outside: string[] } {
  const all = backlog.items;
  const indexOf = new Map<string, number>();
  for (let index = 0; index < all.length; index++) indexOf.set(all[index].id, index);
  const itemOf = (id: string): Item | undefined => {
    const index = indexOf.get(id);
    return index === undefined ? undefined : all[index];
  };
  let selected = workItems(backlog, { get: itemOf });
  if (options.sprint !== undefined) {
    const members = sprintMembers(backlog, options.sprint);
    selected = selected.filter((item) => members.has(item.id));
  }
  if (options.group !== undefined) {
    const members = groupMembers(backlog, options.group);
    selected = selected.filter((item) => members.has(item.id));
  }

  // The position of each backlog item among the selected (a subsequence of the backlog), or -1.
  const nodeOf = new Int32Array(all.length).fill(-1);
  for (let index = 0, node = 0; index < all.length && node < selected.length; index++) {
    if (all[index] === selected[node]) nodeOf[index] = node++;
  }
  const representative = (index: number): number => {
    if (nodeOf[index] >= 0) return nodeOf[index];
    const parent = all[index].parent;
    const parentIndex = parent === null ? undefined : indexOf.get(parent);
    return parentIndex === undefined ? -1 : nodeOf[parentIndex];
  };
  // Finished work holds nothing up, and nothing it waited for matters any more.
  const finished = (item: Item): boolean => !options.all && item.done;

  const taskReferences = new Map<number, string[]>();
  for (let index = 0; index < all.length; index++) {
    const item = all[index];
    if (item.dependsOn.length === 0 || nodeOf[index] >= 0 || finished(item)) continue;
    const story = representative(index);
    if (story < 0) continue;
    // A task that names its own story describes where it belongs, not something to wait for.
    const outward = item.dependsOn.filter((id) => id !== selected[story].id);
    const references = taskReferences.get(story);
    if (references) for (const id of outward) references.push(id);
    else taskReferences.set(story, outward);
  }

  const outside = new Set<string>();
  const start = new Int32Array(selected.length + 1);
  const prerequisites: number[] = [];
  const keep = (node: number, reference: string): void => {
    const index = indexOf.get(reference);
    if (index === undefined || finished(all[index])) return;
    const prerequisite = representative(index);
    if (prerequisite < 0) outside.add(reference);
    // (One task of a story waiting for another is work inside the story, not a cycle.)
    else if (prerequisite !== node || reference === selected[node].id) prerequisites.push(prerequisite);
  };
  for (let node = 0; node < selected.length; node++) {
    start[node] = prerequisites.length;
    const item = selected[node];
    if (finished(item)) continue;
    for (const reference of item.dependsOn) keep(node, reference);
    for (const reference of taskReferences.get(node) ?? []) keep(node, reference);
  }
  start[selected.length] = prerequisites.length;
  return { items: selected, prerequisites: { start, prerequisites: Int32Array.from(prerequisites) }, outside: [...outside] };
}

/** A `--sprint` or `--group` the backlog does not hold. */
export class MissingSelection extends UsageError {}

function sprintMembers(backlog: Backlog, wanted: string): Set<string> {
  const key = readSprintName(wanted)?.key ?? wanted;
  const sprint = backlog.sprints.find((entry) => sameName(entry.name, wanted) || sameName(entry.key, key));
  if (!sprint) {
    const known = backlog.sprints.map((entry) => entry.name).join(', ') || 'none';
    throw new MissingSelection(`no sprint "${wanted}" in the backlog (sprints: ${known})`);
  }
  return new Set([...sprint.items, ...backlog.items.filter((item) => item.sprint === sprint.name).map((item) => item.id)]);
}

function groupMembers(backlog: Backlog, wanted: string): Set<string> {
  const group = backlog.groups.find((entry) => sameName(entry.name, wanted) || (entry.id !== null && sameName(entry.id, wanted)));
  if (!group) {
    const known = backlog.groups.map((entry) => entry.id ?? entry.name).join(', ') || 'none';
    throw new MissingSelection(`no group "${wanted}" in the backlog (groups: ${known})`);
  }
  return new Set([...group.items, ...backlog.items.filter((item) => item.group === group.name).map((item) => item.id)]);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

interface Weights {
  durations: Float64Array;
  variances: Float64Array;
  /** Low, most likely and high per item, null where the duration is fixed. */
  threePoints: (ThreePoint | null)[];
  /** Whether some weighed estimate is a range, three-point, size or open estimate. */
  ranged: boolean;
  unestimated: string[];
  otherUnit: string[];
}

function weigh(items: readonly Item[], unit: Unit | null, options: CriticalPathOptions): Weights {
  const hoursPerDay = options.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  const weights: Weights = {
    durations: new Float64Array(items.length),
    variances: new Float64Array(items.length),
    threePoints: items.map(() => null),
    ranged: false,
    unestimated: [],
    otherUnit: [],
  };
  items.forEach((item, node) => {
    if (item.done && !options.all) return;
    if (!item.estimate || !unit) {
      weights.unestimated.push(item.id);
      return;
    }
    const expected = expectedIn(item.estimate, unit, hoursPerDay);
    const spread = spreadIn(item.estimate, unit, hoursPerDay);
    if (expected === null || spread === null) {
      weights.otherUnit.push(item.id);
      return;
    }
    weights.durations[node] = expected;
    if (item.estimate.kind === 'single') return;
    weights.ranged = true;
    weights.variances[node] = spread.variance;
    if (spread.high > spread.low) {
      // The mode the PERT mean (low + 4·mode + high) / 6 implies; a range's midpoint for a range.
      const mode = Math.min(spread.high, Math.max(spread.low, (6 * expected - spread.low - spread.high) / 4));
      weights.threePoints[node] = { low: spread.low, mode, high: spread.high };
    }
  });
  return weights;
}

/** Nothing is estimated: every item weighs 1, but done work, which is behind us unless `all`. */
function countEach(items: readonly Item[], options: CriticalPathOptions): Weights {
  return {
    durations: Float64Array.from(items, (item) => (item.done && !options.all ? 0 : 1)),
    variances: new Float64Array(items.length),
    threePoints: items.map(() => null),
    ranged: false,
    unestimated: [],
    otherUnit: [],
  };
}

/**
 * Every chain of critical items linked by tight dependencies, from one with nothing critical
 * before it to one with nothing critical after it: these are exactly the longest paths. Counted
 * by dynamic programming over the topological order; listed depth-first up to `limit`, and
 * since every branch of the walk ends in a path, listing costs at most `limit` × path length.
 */
function criticalPaths(network: Network, schedule: Schedule, limit: number): { paths: number[][]; count: number } {
  if (schedule.length === 0) return { paths: [], count: 0 };
  const count = network.items.length;
  const next: number[][] = Array.from({ length: count }, () => []);
  const hasPrevious = new Uint8Array(count);
  for (let node = 0; node < count; node++) {
    if (!isCritical(schedule, node)) continue;
    for (let edge = network.successorStart[node]; edge < network.successorStart[node + 1]; edge++) {
      const successor = network.successors[edge];
      if (isCritical(schedule, successor) && isTight(schedule, node, successor)) {
        next[node].push(successor);
        hasPrevious[successor] = 1;
      }
    }
  }

  const pathsFrom = new Float64Array(count);
  let total = 0;
  for (let index = network.order.length - 1; index >= 0; index--) {
    const node = network.order[index];
    if (!isCritical(schedule, node)) continue;
    pathsFrom[node] = next[node].length === 0 ? 1 : next[node].reduce((sum, successor) => sum + pathsFrom[successor], 0);
    if (!hasPrevious[node]) total += pathsFrom[node];
  }

  const paths: number[][] = [];
  const chain: number[] = [];
  const branch: number[] = [];
  for (let start = 0; start < count && paths.length < limit; start++) {
    if (!isCritical(schedule, start) || hasPrevious[start]) continue;
    chain.push(start);
    branch.push(0);
    while (chain.length > 0 && paths.length < limit) {
      const node = chain[chain.length - 1];
      const successors = next[node];
      if (successors.length === 0) paths.push([...chain]);
      const taken = branch[branch.length - 1];
      if (taken < successors.length) {
        branch[branch.length - 1] = taken + 1;
        chain.push(successors[taken]);
        branch.push(0);
      } else {
        chain.pop();
        branch.pop();
      }
    }
    chain.length = 0;
    branch.length = 0;
  }
  return { paths, count: total };
}
