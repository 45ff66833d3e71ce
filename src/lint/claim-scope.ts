import { sumWork } from '../analyze/work-sum.js';
import type { Backlog, ClaimFilter, ClaimScope, Group, Item, Sprint, Unit } from '../model/types.js';
import { firstByKey, groupBy } from '../model/group-by.js';
import { countsInTotals, indexById, workItems } from '../model/totals.js';
import { dominantUnit } from '../model/units.js';

/** The items a stated figure is about, and how a message names them. */
export interface ScopeItems {
  /** "Sprint 5", "Group \"Billing\"", "The document": the subject of a message. */
  label: string;
  items: Item[];
}

/**
 * The work items a claim's scope covers: a sprint's (as the claim's file lists them, when it
 * lists any), a group's, or the whole file's. Null when the scope names a sprint or group the
 * model does not know, so that nothing is compared against a guess. The lookups are built once
 * for all the claims a rule asks about: per claim, they would cost claims × items.
 */
export function claimScopes(backlog: Backlog): (scope: ClaimScope) => ScopeItems | null {
  const byId = indexById(backlog.items);
  const work = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined && countsInTotals(item, byId));
  // Each built on first use: a file's own backlog still holds every sprint and group.
  let sprints: Map<string, Sprint> | undefined;
  let groups: Map<string, Group> | undefined;
  let workByFile: Map<string, Item[]> | undefined;
  return (scope) => {
    if (scope.items !== undefined) {
      return { label: 'The table', items: work(scope.items) };
    }
    if (scope.sprint !== undefined) {
      sprints ??= firstByKey(backlog.sprints, (sprint) => sprint.key);
      const sprint = sprints.get(scope.sprint);
      if (!sprint) return null;
      const all = work(sprint.items);
      const inFile = all.filter((item) => item.appearances.some((place) => place.file === scope.file));
      return { label: `Sprint ${sprint.key}`, items: inFile.length > 0 ? inFile : all };
    }
    if (scope.group !== undefined) {
      groups ??= firstByKey(backlog.groups, (group) => group.name);
      const group = groups.get(scope.group);
      if (!group) return null;
      return { label: `Group "${group.name}"`, items: work(group.items) };
    }
    workByFile ??= groupBy(workItems(backlog, byId), (item) => item.source.file);
    return { label: 'The document', items: [...(workByFile.get(scope.file) ?? [])] };
  };
}

export function filterItems(items: readonly Item[], which: ClaimFilter): Item[] {
  return which === 'remaining' ? items.filter((item) => !item.done) : [...items];
}

/** An exact sum of expected estimates, and how many items it could not count in its unit. */
export interface ItemSum {
  unit: Unit;
  total: number;
  uncounted: number;
}

/**
 * Sums items in the claim's unit (the items' own dominant unit when the claim names none). Null
 * when no item can be expressed in that unit: comparing would only restate that.
 */
export function sumIn(items: readonly Item[], unit: Unit | null, hoursPerDay: number): ItemSum | null {
  const target = unit ?? dominantUnit(items);
  if (!target) return null;
  const sum = sumWork(items, target, hoursPerDay);
  const uncounted = sum.unestimated.length + sum.otherUnit.length;
  if (uncounted === items.length) return null;
  return { unit: target, total: sum.total, uncounted };
}

/**
 * The backlog as one file alone states it: its items and claims, in the unit most of its items
 * use. Several files read together share one model, but a figure a document states about
 * itself is about its own items, in its own unit. Items and claims are grouped by file once,
 * and each file's backlog is built once, however many claims ask for it.
 */
export function fileBacklogs(backlog: Backlog): (file: string) => Backlog {
  const byId = indexById(backlog.items);
  const itemsByFile = groupBy(backlog.items, (item) => item.source.file);
  const claimsByFile = groupBy(backlog.claims, (claim) => claim.scope.file);
  const built = new Map<string, Backlog>();
  return (file) => {
    let own = built.get(file);
    if (!own) {
      const items = itemsByFile.get(file) ?? [];
      own = {
        ...backlog,
        items,
        claims: claimsByFile.get(file) ?? [],
        unit: dominantUnit(items.filter((item) => countsInTotals(item, byId))),
      };
      built.set(file, own);
    }
    return own;
  };
}

/** Equal up to floating-point noise: stated figures are compared exactly otherwise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
