import { sumWork } from '../analyze/work-sum.js';
import type { Backlog, ClaimFigure, ClaimFilter, ClaimScope, ClaimSection, Group, Item, Sprint, Unit } from '../model/types.js';
import { firstByKey, groupBy } from '../model/group-by.js';
import { countsInTotals, indexById, workItems } from '../model/totals.js';
import { dominantUnit, formatNumber, spreadIn } from '../model/units.js';

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
  let places: Map<string, Place[]> | undefined;
  const fileWork = (file: string) => (workByFile ??= groupBy(workItems(backlog, byId), (item) => item.source.file)).get(file) ?? [];
  return (scope) => {
    if (scope.items === undefined && scope.sprint === undefined && scope.group === undefined && scope.sections) {
      places ??= placesByFile(workItems(backlog, byId));
      const found = sectionItems(scope, places.get(scope.file) ?? []);
      if (found) {
        const all = fileWork(scope.file);
        // A section that holds every item of its file is the document.
        const label = found.items.length === all.length ? 'The document' : `Section "${found.section.title}"`;
        return { label, items: found.items };
      }
      if (scope.sectionOnly) return null;
    }
    if (scope.items !== undefined) {
      const label = scope.listed
        ? `The line about ${scope.items.length > 4 ? `${scope.items.slice(0, 3).join(', ')} …` : scope.items.join(', ')}`
        : 'The table';
      return { label, items: work(scope.items) };
    }
    if (scope.sprint !== undefined) {
      sprints ??= firstByKey(backlog.sprints, (sprint) => sprint.key);
      const sprint = sprints.get(scope.sprint);
      if (!sprint) return null;
      const all = work(sprint.items);
      const inFile = all.filter((item) => item.appearances.some((place) => place.file === scope.file));
      // "Sprint 5"; a time box the document names otherwise by its name ("Week 1").
      const label = /^\d/.test(sprint.key) ? `Sprint ${sprint.key}` : `Sprint "${sprint.name}"`;
      return { label, items: inFile.length > 0 ? inFile : all };
    }
    if (scope.group !== undefined) {
      groups ??= firstByKey(backlog.groups, (group) => group.name);
      const group = groups.get(scope.group);
      if (!group) return null;
      return { label: `Group "${group.name}"`, items: work(group.items) };
    }
    return { label: 'The document', items: [...fileWork(scope.file)] };
  };
}

/** Where a work item stands in its file: each line it is written on. */
interface Place {
  line: number;
  item: Item;
}

/** Every place a work item appears, by file and line. */
function placesByFile(work: readonly Item[]): Map<string, Place[]> {
  const byFile = new Map<string, Place[]>();
  for (const item of work) {
    for (const place of item.appearances) {
      const places = byFile.get(place.file);
      if (places) places.push({ line: place.line, item });
      else byFile.set(place.file, [{ line: place.line, item }]);
    }
  }
  for (const places of byFile.values()) places.sort((a, b) => a.line - b.line);
  return byFile;
}

/** The work items written between two lines of a file (from `line`, before `end`), in order, each once. */
function itemsBetween(places: readonly Place[], line: number, end: number): Item[] {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (places[middle].line < line) low = middle + 1;
    else high = middle;
  }
  // A heading that defines an item opens that item's section, which states nothing about items.
  if (places[low]?.line === line) return [];
  const found = new Set<Item>();
  for (let index = low; index < places.length && places[index].line < end; index++) found.add(places[index].item);
  return [...found];
}

/**
 * The section a claim is about: the innermost one it stands in that holds items, or, for one that
 * holds none, the one of its aliases that does (a row of a summary table names the section it
 * counts; two sections of that name that hold the same items are one). A claim about its own
 * section alone (`sectionOnly`) looks no further out.
 */
function sectionItems(scope: ClaimScope, places: readonly Place[]): { section: ClaimSection; items: Item[] } | null {
  const sections = scope.sectionOnly ? (scope.sections ?? []).slice(0, 1) : (scope.sections ?? []);
  for (const section of sections) {
    const items = itemsBetween(places, section.line, section.end);
    if (items.length > 0) return { section, items };
    const holding = (section.aliases ?? [])
      .map((alias) => ({ section: alias, items: itemsBetween(places, alias.line, alias.end) }))
      .filter((alias) => alias.items.length > 0);
    const same = (a: readonly Item[], b: readonly Item[]) => a.length === b.length && a.every((item) => b.includes(item));
    if (holding.length > 0 && holding.every((alias) => same(alias.items, holding[0].items))) return holding[0];
  }
  return null;
}

export function filterItems(items: readonly Item[], which: ClaimFilter): Item[] {
  if (which === 'remaining') return items.filter((item) => !item.done);
  if (which === 'done') return items.filter((item) => item.done);
  return [...items];
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

/** A sum of items in one unit: the sums of their lows, highs and expected values. */
export interface RangeSum {
  unit: Unit;
  low: number;
  high: number;
  expected: number;
  /** The most likely values of three-point estimates, the expected values of the others. */
  likely: number;
  uncounted: number;
}

/** Like `sumIn`, with the sums of the items' low and high ends ("4-5 hours" adds 4 and 5). */
export function rangeSumIn(items: readonly Item[], unit: Unit | null, hoursPerDay: number): RangeSum | null {
  const target = unit ?? dominantUnit(items);
  if (!target) return null;
  const sum: RangeSum = { unit: target, low: 0, high: 0, expected: 0, likely: 0, uncounted: 0 };
  for (const item of items) {
    const spread = spreadIn(item.estimate, target, hoursPerDay);
    if (!spread) {
      sum.uncounted++;
      continue;
    }
    sum.low += spread.low;
    sum.high += spread.high;
    sum.expected += spread.expected;
    // PERT's expected value is (o + 4m + p) / 6: the most likely value is what is left of it.
    sum.likely += item.estimate?.kind === 'three-point' ? (6 * spread.expected - spread.low - spread.high) / 4 : spread.expected;
  }
  return sum.uncounted === items.length ? null : sum;
}

/** `value` rounded half up to `decimals`, as a figure written to that many decimals reads. */
export function roundedTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 0.5 + 1e-9) / scale;
}

/**
 * Whether a stated figure holds for what the items give. One number, exact or "about", holds
 * when the computed value rounded to the decimals the figure is written with equals it ("~34h"
 * for 33.5, "6.2" for 6.1667); a plain range when its ends are the sums of the items' lows and
 * highs ("11-15 hours"), each at that precision; an "about" range when the expected sum lies
 * inside it ("~8–12 days" for 9.19). Compared in the unit the figure is written in.
 */
export function figureHolds(figure: ClaimFigure, computed: { low: number; high: number; expected: number }): boolean {
  const factor = figure.factor ?? 1;
  const written = (value: number) => roundedTo(value / factor, figure.decimals);
  const [low, high] = [figure.low / factor, figure.high / factor];
  if (figure.low === figure.high) return sameNumber(written(computed.expected), low);
  if (figure.approximate) {
    const expected = written(computed.expected);
    return expected >= low - 1e-9 && expected <= high + 1e-9;
  }
  return sameNumber(written(computed.low), low) && sameNumber(written(computed.high), high);
}

/** How a figure was compared, for a message: "12–16 hours (the sums of their lows and highs)". */
export function comparedAs(figure: ClaimFigure, computed: RangeSum, label: (value: number) => string): string {
  const factor = figure.factor ?? 1;
  if (figure.low !== figure.high && !figure.approximate) {
    return `${formatNumber(computed.low)}–${label(computed.high)} (the sums of their lows and highs; expected ${formatNumber(computed.expected)})`;
  }
  if (figure.low !== figure.high) {
    return `${label(computed.expected)}, outside ${formatNumber(figure.low)}–${formatNumber(figure.high)}`;
  }
  const rounded = roundedTo(computed.expected / factor, figure.decimals) * factor;
  if (factor !== 1 || sameNumber(rounded, computed.expected)) return label(computed.expected);
  return `${label(computed.expected)} (${formatNumber(rounded)} at the precision the figure is written to)`;
}
