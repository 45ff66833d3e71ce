import type { Item, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY, expectedIn } from '../model/units.js';

/** An exact sum of expected estimates, and the items it had to leave out, by reason. */
export interface WorkSum {
  total: number;
  /** Items whose estimate cannot be expressed in the unit (points among days, or the reverse). */
  otherUnit: string[];
  /** Items without an estimate. */
  unestimated: string[];
}

/** Sums expected estimates in `unit` (hours convert to days at `hoursPerDay`). */
export function sumWork(items: readonly Item[], unit: Unit | null, hoursPerDay = DEFAULT_HOURS_PER_DAY): WorkSum {
  const sum: WorkSum = { total: 0, otherUnit: [], unestimated: [] };
  for (const item of items) {
    if (!item.estimate) {
      sum.unestimated.push(item.id);
      continue;
    }
    const value = unit ? expectedIn(item.estimate, unit, hoursPerDay) : null;
    if (value === null) sum.otherUnit.push(item.id);
    else sum.total += value;
  }
  return sum;
}

/** An item's weight in `unit`: its expected estimate, or 0 when it has none in that unit. */
export function workOf(item: Item, unit: Unit | null, hoursPerDay = DEFAULT_HOURS_PER_DAY): number {
  return (unit ? expectedIn(item.estimate, unit, hoursPerDay) : null) ?? 0;
}
