import type { Estimate, Item, Unit } from './types.js';

export const DEFAULT_HOURS_PER_DAY = 8;

/**
 * Converts an estimate's expected value into `unit`. Hours and days convert through the
 * working day; points never convert to time (or back), so those answer null.
 */
export function convertValue(value: number, from: Unit, to: Unit, hoursPerDay = DEFAULT_HOURS_PER_DAY): number | null {
  if (from === to) return value;
  if (from === 'hours' && to === 'days') return value / hoursPerDay;
  if (from === 'days' && to === 'hours') return value * hoursPerDay;
  return null;
}

export function expectedIn(estimate: Estimate | null, unit: Unit, hoursPerDay = DEFAULT_HOURS_PER_DAY): number | null {
  if (!estimate) return null;
  return convertValue(estimate.expected, estimate.unit, unit, hoursPerDay);
}

/** Low, high and variance of an estimate in `unit`, or null when it cannot be converted. */
export function spreadIn(
  estimate: Estimate | null,
  unit: Unit,
  hoursPerDay = DEFAULT_HOURS_PER_DAY,
): { low: number; high: number; expected: number; variance: number } | null {
  if (!estimate) return null;
  const factor = convertValue(1, estimate.unit, unit, hoursPerDay);
  if (factor === null) return null;
  return {
    low: estimate.low * factor,
    high: estimate.high * factor,
    expected: estimate.expected * factor,
    variance: estimate.variance * factor * factor,
  };
}

/** Time units share one family: a computation over days and hours is one computation. */
function family(unit: Unit): 'points' | 'time' | 'sprints' {
  return unit === 'points' || unit === 'sprints' ? unit : 'time';
}

/**
 * The unit a computation over these items uses, the unit most estimates are in: sprints when most
 * are, else the family most
 * estimated items use (points on a tie), and within time, the unit most time estimates use (days
 * on a tie). Null when nothing is estimated.
 */
export function dominantUnit(items: readonly Pick<Item, 'estimate'>[]): Unit | null {
  let points = 0;
  let days = 0;
  let hours = 0;
  let sprints = 0;
  for (const item of items) {
    const unit = item.estimate?.unit;
    if (unit === 'points') points++;
    else if (unit === 'days') days++;
    else if (unit === 'hours') hours++;
    else if (unit === 'sprints') sprints++;
  }
  if (points + days + hours + sprints === 0) return null;
  if (sprints > points && sprints > days + hours) return 'sprints';
  if (points >= days + hours) return 'points';
  return hours > days ? 'hours' : 'days';
}

/** Items whose estimate cannot be expressed in `unit` (points among days, or the reverse). */
export function itemsInOtherUnit(items: readonly Item[], unit: Unit): Item[] {
  return items.filter((item) => item.estimate && family(item.estimate.unit) !== family(unit));
}

/** Rounds for display only: sums stay exact in the model. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  return String(rounded);
}

export function unitLabel(unit: Unit | null, value?: number): string {
  if (!unit) return '';
  if (unit === 'points') return value === 1 ? 'point' : 'points';
  if (unit === 'days') return value === 1 ? 'day' : 'days';
  if (unit === 'sprints') return value === 1 ? 'sprint' : 'sprints';
  return value === 1 ? 'hour' : 'hours';
}
