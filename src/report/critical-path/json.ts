import type { CriticalPathResult } from '../../analyze/critical-path.js';

const SCHEMA_VERSION = 1;

/**
 * DESIGN.md's contract (`unit`, `length`, `paths`, `items` with their dates, floats and
 * `critical`; `stdDev` and `probability` when they apply) plus what else the analysis found.
 * Numbers are exact, not rounded.
 */
export function criticalPathJson(result: CriticalPathResult): string {
  const { unit, length, paths, items, ...rest } = result;
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, unit, length, paths, ...rest, items }, null, 2)}\n`;
}
