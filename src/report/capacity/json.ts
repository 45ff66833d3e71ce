import type { CapacityResult } from '../../analyze/capacity.js';

const SCHEMA_VERSION = 1;

/**
 * DESIGN.md's contract (`sprints: [{ name, committed, capacity, over }]`, `violations: [{ item,
 * dependsOn, message }]`) plus where each capacity came from, partial commitments and what was
 * left out. Numbers are exact.
 */
export function capacityJson(result: CapacityResult): string {
  const json = {
    schemaVersion: SCHEMA_VERSION,
    unit: result.unit,
    sprints: result.sprints.map(({ name, committed, capacity, over, ...rest }) => ({ name, committed, capacity, over, ...rest })),
    violations: result.violations.map(({ item, dependsOn, message, ...rest }) => ({ item, dependsOn, message, ...rest })),
    notes: result.notes,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
