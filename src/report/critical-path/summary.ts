import type { CriticalPathResult } from '../../analyze/critical-path.js';
import { toleranceFor } from '../../analyze/schedule.js';
import { titledLabel } from '../../model/item-label.js';
import { formatNumber, unitLabel } from '../../model/units.js';

/** The text every format shares: what the numbers say, in sentences. */

export function amount(value: number, result: CriticalPathResult): string {
  if (result.lengthIn === 'items') return `${formatNumber(value)} item${value === 1 ? '' : 's'}`;
  return `${formatNumber(value)} ${unitLabel(result.unit, value)}`.trim();
}

/** A share as a percentage; a near-certainty is not rounded into a certainty. */
export function percent(share: number): string {
  if (share > 0 && share < 0.001) return '<0.1%';
  if (share < 1 && share > 0.999) return '>99.9%';
  return `${formatNumber(share * 100, 1)}%`;
}

export function headline(result: CriticalPathResult): string {
  if (result.items.length === 0) return 'Critical path: no items to schedule.';
  if (result.length === 0) return 'Critical path: nothing to weigh (no item left with an estimate).';
  const shown = result.pathsTruncated ? `, the first ${result.paths.length} listed` : '';
  const paths = result.pathCount === 1 ? '1 path' : `${formatNumber(result.pathCount, 0)} paths of equal length${shown}`;
  const counted = result.lengthIn === 'items' ? '; nothing is estimated, so each item counts 1' : '';
  return `Critical path: ${amount(result.length, result)} (${paths}${counted}).`;
}

/** PERT, deadline and simulation figures, one sentence each; empty when there are none. */
export function figures(result: CriticalPathResult): string[] {
  const lines: string[] = [];
  if (result.stdDev !== undefined) {
    lines.push(`PERT: expected ${amount(result.length, result)}, standard deviation ${amount(result.stdDev, result)}.`);
  }
  if (result.deadline !== undefined && result.probability !== undefined) {
    lines.push(`Chance to finish within ${amount(result.deadline, result)}: ${percent(result.probability)}.`);
  }
  const simulation = result.simulation;
  if (simulation) {
    const { p50, p85, p95 } = simulation.percentiles;
    const within = simulation.probability === undefined ? '' : `; within the deadline in ${percent(simulation.probability)} of trials`;
    lines.push(
      `Simulation (${formatNumber(simulation.trials, 0)} trials, seed ${simulation.seed}): P50 ${amount(p50, result)}, P85 ${amount(p85, result)}, P95 ${amount(p95, result)}${within}.`,
    );
  }
  return lines;
}

/**
 * Without dependencies every item starts at once, so the critical path is the single biggest
 * item: say so, with the work they add up to, before anyone reads the length as a duration.
 */
export function parallelNote(result: CriticalPathResult): string | null {
  const weighed = result.items.filter((item) => item.duration > 0).length;
  if (result.dependencyCount > 0 || weighed < 2 || result.length === 0) return null;
  return `No item depends on another, so this assumes all ${weighed} items run in parallel, each by its own person; one after the other, their work adds up to ${amount(result.work, result)} (backlog forecast --team N schedules them for a team).`;
}

/** Why the length may be short: items that weigh nothing though they are work, or run all at once. */
export function caveats(result: CriticalPathResult): string[] {
  const lines: string[] = [];
  const parallel = parallelNote(result);
  if (parallel) lines.push(parallel);
  const list = (ids: readonly string[]) => listOf(ids.map(namer(result)));
  if (result.unestimated.length > 0) {
    lines.push(
      `${count(result.unestimated.length, 'item')} without an estimate ${weigh(result.unestimated)} nothing: ${list(result.unestimated)}.`,
    );
  }
  if (result.otherUnit.length > 0 && result.unit) {
    lines.push(
      `${count(result.otherUnit.length, 'item')} estimated in another unit than ${result.unit} ${weigh(result.otherUnit)} nothing: ${list(result.otherUnit)}.`,
    );
  }
  if (result.outside.length > 0) {
    lines.push(
      `Left out as outside this part: ${count(result.outside.length, 'prerequisite')} (${list(result.outside)}); the part's items are scheduled as if they were done.`,
    );
  }
  return lines;
}

/**
 * How the reports name an item of the result: its ID, or for work the document gives no ID (its
 * ID is the file and line), its title and that place.
 */
export function namer(result: CriticalPathResult): (id: string) => string {
  const titled = new Map<string, string>();
  for (const item of result.items) if (item.anonymous) titled.set(item.id, titledLabel(item.title, item.id));
  return (id) => titled.get(id) ?? id;
}

/** Rows in schedule order: by early start, then as the document lists them. */
export function scheduleOrder(result: CriticalPathResult): CriticalPathResult['items'] {
  return result.items
    .map((item, position) => ({ item, position }))
    .sort((a, b) => a.item.earlyStart - b.item.earlyStart || a.position - b.position)
    .map(({ item }) => item);
}

/** Dependencies along which the critical work runs without a gap, as `from → to` keys. */
export function criticalEdges(result: CriticalPathResult): Set<string> {
  const byId = new Map(result.items.map((item) => [item.id, item]));
  const tolerance = toleranceFor(result.length);
  const edges = new Set<string>();
  for (const item of result.items) {
    if (!item.critical) continue;
    for (const id of item.dependsOn) {
      const before = byId.get(id);
      if (before?.critical && item.earlyStart - before.earlyFinish <= tolerance) edges.add(edgeKey(id, item.id));
    }
  }
  return edges;
}

export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function weigh(ids: readonly string[]): string {
  return ids.length === 1 ? 'weighs' : 'weigh';
}

function listOf(ids: readonly string[], shown = 10): string {
  const more = ids.length > shown ? ` and ${ids.length - shown} more` : '';
  return ids.slice(0, shown).join(', ') + more;
}
