import type { PlanResult } from '../../analyze/plan.js';
import { formatNumber, unitLabel } from '../../model/units.js';

/** Cells and sentences the plan formats share. */

export const HEADERS = ['Sprint', 'ID', 'Title', 'Size', 'Priority'];

export function headline(result: PlanResult): string {
  const items = result.sprints.reduce((sum, sprint) => sum + sprint.items.length, 0);
  if (items === 0) return 'Nothing to plan: every open work item is already in a sprint.';
  const capacity = `${formatNumber(result.capacity)} ${unitLabel(result.unit, result.capacity)}`.trim();
  const sprints = `${result.sprints.length} sprint${result.sprints.length === 1 ? '' : 's'}`;
  return `${items} unscheduled item${items === 1 ? '' : 's'} in ${sprints} of ${capacity}${result.sameSprint ? ' (an item may share a sprint with its prerequisites)' : ''}`;
}

/** One row per planned item; the sprint and its load label the sprint's first row. */
export function rows(result: PlanResult): { cells: string[]; sprintStart: boolean; over: boolean }[] {
  return result.sprints.flatMap((sprint) =>
    sprint.items.map((item, index) => ({
      cells: [
        index === 0 ? `${sprint.name} (${formatNumber(sprint.load)}/${formatNumber(result.capacity)})` : '',
        item.id,
        item.title,
        formatNumber(item.size),
        item.priority ?? '',
      ],
      sprintStart: index === 0,
      over: sprint.over,
    })),
  );
}

export function warningLines(result: PlanResult): string[] {
  return result.warnings.map((warning) => warning.message);
}
