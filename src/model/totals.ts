import type { Backlog, Item, Unit } from './types.js';
import { expectedIn } from './units.js';

/** Finds an item by ID: an `indexById` map, or any index that answers the same. */
export interface ItemLookup {
  get(id: string): Item | undefined;
}

/**
 * Whether an item counts as work in totals. A task inside a story that carries its own estimate
 * is a breakdown of that estimate, so counting both would count the work twice. A story without
 * an estimate whose tasks carry theirs is the sum of them: its tasks count, not the story ("#
 * Task #75" over five estimated steps). Tasks none of which carries an estimate are notes on
 * their story, which counts alone.
 */
export function countsInTotals(item: Item, byId: ItemLookup): boolean {
  const estimatedChildren = (parent: Item) => parent.children.some((id) => byId.get(id)?.estimate);
  if (!item.parent) return item.estimate !== null || !estimatedChildren(item);
  const parent = byId.get(item.parent);
  if (!parent) return true;
  return parent.estimate === null && estimatedChildren(parent);
}

export function indexById(items: readonly Item[]): Map<string, Item> {
  const byId = new Map<string, Item>();
  for (const item of items) byId.set(item.id, item);
  return byId;
}

/**
 * The items that carry the backlog's work: what totals, forecasts and the critical path add up.
 * A caller that has indexed the items already passes its index.
 */
export function workItems(backlog: Backlog, byId: ItemLookup = indexById(backlog.items)): Item[] {
  return backlog.items.filter((item) => countsInTotals(item, byId));
}

/** Exact sum of expected estimates in `unit`; items that cannot be converted add nothing. */
export function sumExpected(items: readonly Item[], unit: Unit | null): number {
  if (!unit) return 0;
  let total = 0;
  for (const item of items) total += expectedIn(item.estimate, unit) ?? 0;
  return total;
}
