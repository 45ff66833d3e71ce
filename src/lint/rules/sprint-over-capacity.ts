import { capacity, type SprintCapacity } from '../../analyze/capacity.js';
import { sprintLabel } from '../../analyze/dependency-order.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { fileBacklog } from '../claim-scope.js';
import type { Rule } from '../types.js';

export const sprintOverCapacity: Rule = {
  name: 'sprint-over-capacity',
  description: 'A sprint commits more work than its capacity (from the config, or as the document states it).',
  tags: ['sprint', 'capacity'],
  defaultSeverity: 'warning',
  check({ backlog, config }, report) {
    for (const file of new Set(backlog.sprints.map((sprint) => sprint.source.file))) {
      // Each document's sprints in that document's own unit, as `backlog capacity` weighs them.
      const result = capacity(fileBacklog(backlog, file), { configCapacity: config.capacity, hoursPerDay: config.hoursPerDay });
      if (!result.unit) continue;
      const amount = (value: number) => `${formatNumber(value)} ${unitLabel(result.unit, value)}`;
      for (const row of result.sprints) {
        const sprint = backlog.sprints.find((candidate) => candidate.key === row.key && candidate.source.file === file);
        // A capacity guessed from the team size is a plan's assumption, not something the document states.
        if (!sprint || !row.over || row.capacity === null || row.capacitySource === 'team') continue;
        report({
          ...sprint.source,
          message: `${sprintLabel(sprint)} commits ${amount(row.committed)}, over its capacity of ${amount(row.capacity)} (${origin(row)})`,
        });
      }
    }
  },
};

function origin(row: SprintCapacity): string {
  if (row.capacityClaim) return `"${row.capacityClaim.raw}", line ${row.capacityClaim.source.line}`;
  return 'set in the config';
}
