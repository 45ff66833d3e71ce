import type { CapacityResult, SprintCapacity } from '../../analyze/capacity.js';
import { groupViolations, type DependencyOrderProblem } from '../../analyze/dependency-order.js';
import { formatNumber } from '../../model/units.js';

/** Sentences and cells every capacity format shares. */

const SOURCE_NAMES = { option: '--capacity', config: 'config', document: 'document', team: 'team × days' } as const;

export function capacitySourceName(sprint: SprintCapacity): string {
  return sprint.capacitySource ? SOURCE_NAMES[sprint.capacitySource] : '';
}

/** Committed as a share of capacity: "103%". */
export function load(sprint: SprintCapacity): string {
  if (sprint.capacity === null || sprint.capacity === 0) return '';
  return `${formatNumber((100 * sprint.committed) / sprint.capacity, 0)}%`;
}

export function status(sprint: SprintCapacity): string {
  if (sprint.capacity === null) return 'no capacity';
  return sprint.over ? 'over' : 'ok';
}

/** Sprint, committed, capacity, load, status, source: one row per sprint. */
export function sprintRow(sprint: SprintCapacity): string[] {
  return [
    sprint.name,
    formatNumber(sprint.committed),
    sprint.capacity === null ? '' : formatNumber(sprint.capacity),
    load(sprint),
    status(sprint),
    capacitySourceName(sprint),
  ];
}

export function headline(result: CapacityResult): string {
  const over = result.sprints.filter((sprint) => sprint.over).length;
  const known = result.sprints.filter((sprint) => sprint.capacity !== null).length;
  const sprints = `${result.sprints.length} sprint${result.sprints.length === 1 ? '' : 's'}`;
  if (result.sprints.length === 0) return 'No sprints to check.';
  if (known === 0) return `${sprints}, none with a known capacity (give --capacity N, or set capacity in the config).`;
  return over === 0 ? `${sprints}: none over capacity.` : `${sprints}: ${over} over capacity.`;
}

/** Partial commitments, items that add nothing, and where a stated capacity came from. */
export function sprintNotes(result: CapacityResult): string[] {
  const lines: string[] = [...result.notes];
  for (const sprint of result.sprints) {
    for (const { item, note } of sprint.partial)
      lines.push(`${sprint.name}: ${item} is committed in part ("${note}") and counted in full.`);
    const { unestimated, otherUnit } = sprint.leftOut;
    if (unestimated.length > 0) lines.push(`${sprint.name}: ${unestimated.join(', ')} without an estimate, counted as 0.`);
    if (otherUnit.length > 0) lines.push(`${sprint.name}: ${otherUnit.join(', ')} estimated in another unit, left out.`);
    const difference = sprint.stated ? sprint.committed - sprint.stated.committed : 0;
    if (sprint.stated && Math.abs(difference) > 1e-9 * Math.max(1, sprint.committed)) {
      lines.push(
        `${sprint.name}: the document states ${formatNumber(sprint.stated.committed)} ("${sprint.stated.raw}", ${sprint.stated.source.file}:${sprint.stated.source.line}); the items add up to ${formatNumber(sprint.committed)} (${difference > 0 ? '+' : '−'}${formatNumber(Math.abs(difference))}).`,
      );
    }
    if (sprint.capacityClaim) {
      lines.push(
        `${sprint.name}: capacity from "${sprint.capacityClaim.raw}" (${sprint.capacityClaim.source.file}:${sprint.capacityClaim.source.line}).`,
      );
    }
  }
  return lines;
}

/** The dependency order findings, one per item and reason: the ones lint's `dependency-order` reports. */
export function orderProblems(result: CapacityResult): DependencyOrderProblem[] {
  return groupViolations(result.violations);
}

export function violationLines(result: CapacityResult): string[] {
  return orderProblems(result).map((problem) => `${problem.source.file}:${problem.source.line}  ${problem.message}`);
}

export const HEADERS = ['Sprint', 'Committed', 'Capacity', 'Load', 'Status', 'Capacity from'];
