import type { PlanResult } from '../../analyze/plan.js';

const SCHEMA_VERSION = 1;

/** The plan as computed: sprints with their items and load, and the warnings. */
export function planJson(result: PlanResult): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...result }, null, 2)}\n`;
}
