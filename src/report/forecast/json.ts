import type { ForecastResult } from '../../analyze/forecast.js';
import type { Velocity } from '../../analyze/velocity.js';

const SCHEMA_VERSION = 1;

/** A fixed velocity stays a plain number, as DESIGN.md's contract has it. */
function velocityJson(velocity: Velocity): number | { low: number; high: number } | { history: number[] } {
  if (velocity.kind === 'fixed') return velocity.value;
  if (velocity.kind === 'range') return { low: velocity.low, high: velocity.high };
  return { history: velocity.values };
}

/**
 * DESIGN.md's contract first (`unit`, `remaining`, `velocity`, `sprints`, and `percentiles` for
 * a range or history), then the rest: the dependency-aware figure, the distribution, dates,
 * scenarios and the document's own figures (`stated`). Numbers are exact, not rounded.
 */
export function forecastJson(result: ForecastResult): string {
  const { unit, remaining, velocity, sprints, percentiles, histogram, dependencies, sprintDays, leftOut, stated, ...rest } = result;
  const json = {
    schemaVersion: SCHEMA_VERSION,
    unit,
    remaining,
    velocity: velocityJson(velocity),
    sprints,
    ...(percentiles ? { percentiles } : {}),
    ...(dependencies?.sprints !== undefined ? { dependencySprints: dependencies.sprints } : {}),
    ...rest,
    ...(dependencies ? { dependencies } : {}),
    sprintLength: { workingDays: sprintDays },
    leftOut,
    ...(histogram ? { distribution: histogram } : {}),
    stated,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
