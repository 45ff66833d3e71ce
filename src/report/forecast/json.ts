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
 * DESIGN.md's contract first (`unit`, `remaining`, `velocity`, `sprints`, and `percentiles` when
 * anything is drawn), then the rest: where the velocity came from (`velocitySource`,
 * `pastSprints`), what the simulation drew (`simulation.drawn`, `estimates`), the
 * dependency-aware figure, the distribution, dates, scenarios, the burn-up series (`burnUp`) and
 * the document's own figures (`stated`). Numbers are exact, not rounded.
 */
export function forecastJson(result: ForecastResult): string {
  const { unit, remaining, velocity, sprints, percentiles, histogram, dependencies, sprintDays, leftOut, burnUp, stated, ...rest } = result;
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
    burnUp,
    stated,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
